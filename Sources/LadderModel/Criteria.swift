import LadderCore
import LadderMarkdown

/// One expectation of a level, with an id that stays while its text does: what a self-assessment ticks,
/// a permalink points at (`#c-<id>`), and `ladder.json` lists.
///
/// The text is kept as slices of the rendered page's text, and the comparison key as a hash: a build
/// keeps every level's criteria, and as strings of their own they were a hundred MB at 10,000 levels.
public struct Criterion: Sendable, Hashable {
    /// The id the data gives (a job family's `id:`), else 8 hex digits of a hash of the track, level,
    /// competency and the text normalised (spacing collapsed, case folded); `-2`, `-3` for repeats.
    public var id: String
    /// Plain text of the criterion, without its examples.
    public var text: String { String(textSlice) }
    public var examples: [String] { exampleSlices.map(String.init) }
    /// Anchor on the level page: `c-<id>` on a list item, or the section's anchor for a sentence of prose.
    public var anchor: String
    var textSlice: Substring
    var exampleSlices: [Substring]
    /// What a comparison of levels compares: a hash of the whole item, examples included, normalised
    /// (`LevelComparison.key`).
    var comparisonKey: Int

    init(id: String, text: Substring, examples: [Substring], anchor: String, comparisonKey: Int) {
        self.id = id
        self.textSlice = text
        self.exampleSlices = examples
        self.anchor = anchor
        self.comparisonKey = comparisonKey
    }
}

/// The criteria of one competency of a level, in page order.
public struct CompetencyCriteria: Sendable, Hashable {
    public var competencyID: String
    public var name: String
    /// The level page's section anchor (`impact`).
    public var sectionAnchor: String
    public var criteria: [Criterion]
}

/// Every criterion of a level, and the `id` each list item gets on the level page.
public struct LevelCriteria: Sendable, Hashable {
    public var competencies: [CompetencyCriteria]
    /// Block index → HTML id of each of the list's items, for `RenderedBlock.appendHTML(itemIDs:)`.
    public var itemIDs: [Int: [String?]]

    public var all: [Criterion] { competencies.flatMap(\.criteria) }

    /// What a level expects, competency by competency, read the way comparisons read it: each list item
    /// of a section (under any sub-heading), or each sentence of a section's other blocks.
    /// `given`: ids the data gives, by block index, item by item (`SiteModel.givenCriterionIDs`).
    public static func of(_ level: Level, in document: RenderedDocument, given: [Int: [String?]] = [:]) -> LevelCriteria {
        var ids = IDAllocator()
        var groups: [CompetencyCriteria] = []
        groups.reserveCapacity(level.sections.count)
        var position: [String: Int] = [:]
        var itemIDs: [Int: [String?]] = [:]
        for section in level.sections {
            let criteria = read(section.blocks, of: document, scope: "\(level.trackID)\n\(level.id)\n\(section.competencyID)",
                                anchor: section.anchor, given: given, ids: &ids, itemIDs: &itemIDs)
            if let at = position[section.competencyID] {
                groups[at].criteria += criteria
            } else {
                position[section.competencyID] = groups.count
                groups.append(CompetencyCriteria(competencyID: section.competencyID, name: section.name,
                                                 sectionAnchor: section.anchor, criteria: criteria))
            }
        }
        return LevelCriteria(competencies: groups, itemIDs: itemIDs)
    }

    /// The competency id and anchor of a track's "All levels" criteria, shown on every level page.
    public static let sharedID = "all-levels"
    public static let sharedAnchor = "shared-expectations"

    /// A track's "All levels" section as one group of criteria (level `all` in their hash).
    public static func shared(_ shared: SharedExpectations, of track: Track, in document: RenderedDocument,
                              given: [Int: [String?]] = [:]) -> LevelCriteria {
        var ids = IDAllocator()
        var itemIDs: [Int: [String?]] = [:]
        let criteria = read(shared.blocks, of: document, scope: "\(track.id)\nall\n\(sharedID)", anchor: sharedAnchor,
                            given: given, ids: &ids, itemIDs: &itemIDs)
        return LevelCriteria(competencies: [CompetencyCriteria(competencyID: sharedID, name: "At every level",
                                                               sectionAnchor: sharedAnchor, criteria: criteria)],
                             itemIDs: itemIDs)
    }

    /// The criteria of the blocks after a section's heading: each list item (under any sub-heading); in a
    /// section with no list, each sentence of its prose. Prose beside lists frames them and is no criterion.
    private static func read(_ blocks: Range<Int>, of document: RenderedDocument, scope: String, anchor: String,
                             given: [Int: [String?]], ids: inout IDAllocator, itemIDs: inout [Int: [String?]]) -> [Criterion] {
        let content = blocks.dropFirst().compactMap { document.block($0) }.filter { $0.heading == nil }
        let hasList = content.contains(where: \.hasListItems)
        // A build keeps every level's criteria: their lists are made the size they are, not grown by doubling.
        var criteria: [Criterion] = []
        if hasList { criteria.reserveCapacity(content.reduce(0) { $0 + $1.listItemCount }) }
        for block in content {
            if !block.hasListItems {
                guard !hasList else { continue }
                for sentence in LevelComparison.sentences(block.plainText) {
                    let id = ids.make(scope: scope, text: sentence, given: nil)
                    criteria.append(Criterion(id: id, text: sentence[...], examples: [], anchor: anchor,
                                              comparisonKey: LevelComparison.key(sentence)))
                }
                continue
            }
            var htmlIDs: [String?] = []
            htmlIDs.reserveCapacity(block.listItemCount)
            let givenIDs = given[block.index] ?? []
            for (n, (item, whole)) in zip(block.listCriteriaSlices, block.listItems).enumerated() {
                let id = ids.make(scope: scope, text: String(item.text), given: n < givenIDs.count ? givenIDs[n] : nil)
                let itemAnchor = Self.anchor(for: id)
                htmlIDs.append(itemAnchor)
                criteria.append(Criterion(id: id, text: item.text, examples: item.examples, anchor: itemAnchor,
                                          comparisonKey: LevelComparison.key(whole)))
            }
            itemIDs[block.index] = htmlIDs
        }
        return criteria
    }

    /// The criteria a comparison with a lower level marks new: those whose item the lower level's section
    /// of the same competency does not have (`lower`: `PageWriter.expectations`, by competency id).
    public func new(over lower: [String: LevelComparison.Section]) -> [CompetencyCriteria] {
        competencies.compactMap { group in
            let keys = Set(lower[group.competencyID]?.items.map(LevelComparison.key) ?? [])
            var new = group
            new.criteria = group.criteria.filter { !keys.contains($0.comparisonKey) }
            return new.criteria.isEmpty ? nil : new
        }
    }

    /// `c-` keeps criterion anchors apart from heading anchors; an id's spaces (a data id may have them)
    /// become `-`, since an HTML id has none.
    package static func anchor(for id: String) -> String {
        // Hashed ids are hex digits: no Character needs looking at.
        if id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return "c-" + id }
        return "c-" + String(id.map { $0.isWhitespace ? "-" : $0 })
    }

    /// Spacing collapsed and case folded: rewrapping a line or changing case keeps the id.
    static func normalise(_ text: String) -> String {
        // ASCII text (most criteria) by bytes: the same result, without Character properties, which were
        // most of a self-assessment page's time.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return slowNormalise(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        forEachNormalisedASCIIByte(text.utf8) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `normalise` of ASCII text, handed out byte by byte: runs of ASCII white space one space, none at
    /// the ends, `A`–`Z` lowercased.
    static func forEachNormalisedASCIIByte(_ bytes: some Sequence<UInt8>, _ body: (UInt8) -> Void) {
        var wrote = false, pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = wrote
            } else {
                if pendingSpace { body(0x20); pendingSpace = false }
                body(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                wrote = true
            }
        }
    }

    /// Runs of white space made one space, none at the ends, lowercased.
    static func slowNormalise(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// Hands out ids unique within one level page.
    struct IDAllocator {
        var used: Set<String> = []

        mutating func make(scope: String, text: String, given: String?) -> String {
            let base = given ?? Self.hashID(scope: scope, text: text)
            var id = base, n = 2
            while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
            used.insert(id)
            return id
        }

        /// The first 8 hex digits of `ContentHash.hex(scope + "\n" + normalised text)`, hashed in pieces.
        static func hashID(scope: String, text: String) -> String {
            var hash = ContentHash.Running()
            hash.add(scope.utf8)
            hash.add(byte: 0x0A)
            // ASCII text (most criteria) normalised as it is hashed, without making the String.
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                LevelCriteria.forEachNormalisedASCIIByte(text.utf8) { hash.add(byte: $0) }
            } else {
                hash.add(LevelCriteria.normalise(text).utf8)
            }
            return hash.hex8
        }
    }
}
