import LadderCore
import LadderLoad
import LadderMarkdown

/// A named area of expectations (Impact, Ownership…), shared by the levels of a track.
public struct Competency: Sendable, Hashable {
    /// URL slug: `technical-skill`.
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String) {
        (self.id, self.name, self.description) = (id, name, description)
    }
}

/// One competency section inside a level: a heading and the blocks under it.
public struct LevelSection: Sendable, Hashable {
    public var name: String
    public var anchor: String
    public var competencyID: String
    /// Range of top-level blocks of the source page: the heading and everything up to the next section.
    public var blocks: Range<Int>
}

/// One rung of a track: `L3`, "Senior Software Engineer".
public struct Level: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// A whole file with `level:` in its front matter.
        case file
        /// A heading of a `levels: headings` page and the blocks under it (for a track given as data, blocks
        /// appended after the page's own).
        case heading(blocks: Range<Int>, anchor: String)
        /// An item of the bold-led list of a `levels: list` page.
        case listItem(index: Int, anchor: String)
        /// A row or column of a table, or a level of a data file: its sections are blocks appended after
        /// the page's own (a competency's heading and its cell or items), which no other page shows.
        case appendedBlocks
    }

    /// As written: `L3`, `IC3`, `M2`.
    public var id: String
    /// URL segment: `l3`.
    public var slug: String
    public var title: String
    public var summary: String
    public var order: Int
    public var trackID: String
    public var url: String
    public var equivalent: String?
    /// Index into `SiteModel.pages` of the page it comes from.
    public var pageIndex: Int
    public var origin: Origin
    public var location: SourceLocation
    /// Blocks before the first section (the level's introduction).
    public var introBlocks: Range<Int>
    public var sections: [LevelSection]
    /// Blocks after the last competency that belong to no competency (an "Anti-patterns" section after
    /// competencies found deeper than it), shown after the competencies.
    public var trailingBlocks: Range<Int> = 0..<0

    /// "L3 · Senior Software Engineer", or just the title when it says the id already.
    public var displayName: String { showsID ? "\(id) · \(title)" : title }

    /// Whether the id is worth showing beside the title: not when it is the title's own slug
    /// (`software-engineer` for "Software Engineer"), its start ("L1 Engineers") or its number (`L2` for
    /// "Level 2").
    public var showsID: Bool { Self.showsID(id: id, title: title) }

    /// The level's short name in running text ("New at L3", "L3 vs L4"): its id where that is a code
    /// (`L3`, `IC2`), else its title ("Senior Developer", not `senior-developer`).
    public var label: String { Self.isCode(id) ? id : title }

    /// `L3`, `IC2`, `M10`: a few letters and a number.
    public static func isCode(_ id: String) -> Bool {
        let letters = id.prefix { $0.isASCII && $0.isLetter }
        let digits = id.dropFirst(letters.count)
        return (1...3).contains(letters.count) && (1...3).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public static func showsID(id: String, title: String) -> Bool {
        if Slug.make(id) == Slug.make(title) || title.lowercased().hasPrefix(id.lowercased()) { return false }
        let number = numbers(id)
        return number.isEmpty || number != numbers(title)
    }

    /// The text's numeric Characters. ASCII text's are its digits: no Character needs asking (asking
    /// them was a third of every level's display name, which pages ask for again and again).
    static func numbers(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.filter(\.isNumber) }
        return String(decoding: text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
    }
}

/// Criteria expected at every level of a track (an "All levels" section), shown on each level page.
public struct SharedExpectations: Sendable, Hashable {
    /// Index into `SiteModel.pages` of the page that holds the section.
    public var pageIndex: Int
    /// Top-level blocks of that page: the "All levels" heading and what is under it.
    public var blocks: Range<Int>
    public var location: SourceLocation
}

/// An ordered ladder of levels with the competencies its levels share.
public struct Track: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    public var url: String
    public var levels: [Level]
    public var competencies: [Competency]
    /// The page whose URL is the track's (`engineering/index.md`, or a track page at `/management/`),
    /// shown above the generated overview.
    public var introPageIndex: Int?
    public var shared: SharedExpectations?
}
