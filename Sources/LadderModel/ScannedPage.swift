import Foundation
import LadderCore
import LadderLoad
import LadderRecognise

/// A page of a candidate folder, read just enough to decide: its title, headings and explicit order.
struct ScannedPage {
    struct Heading {
        var depth: Int
        var text: String
        /// 0-based line of the body.
        var line: Int
    }

    var source: PageSource
    /// Index of the source among all sources.
    var index: Int
    var headings: [Heading]
    /// `title:`, else the first heading (as `Page` takes it).
    var title: String?
    /// The heading the title came from, when it came from one.
    var titleHeading: Int?
    /// The level the title names, if any. Read once here: the folder's shapes ask for it in turn, and on a
    /// site of thousands of articles titled `"Notes on … (2): …"` reading it twice per page showed in profiles.
    var titleLabel: LevelLabel?
    var explicitOrder: Int?

    init(_ source: PageSource, index: Int, listedAt: Int? = nil) {
        self.source = source
        self.index = index
        headings = source.pasted.map { Self.headings(of: source.body, pasted: $0) } ?? Self.scan(source.body)
        let fmTitle = (try? source.frontMatter.string("title")) ?? nil
        title = fmTitle ?? headings.first?.text
        titleHeading = fmTitle == nil && !headings.isEmpty ? 0 : nil
        titleLabel = title.flatMap(LevelLabel.init)
        // A page's own `order:` first, then its place in a `SUMMARY.md`.
        explicitOrder = ["order", "weight", "nav_order"].lazy.compactMap { (try? source.frontMatter.int($0)) ?? nil }.first ?? listedAt
    }

    /// The headings pasted text has once its layout is read: its title, and each `Level N` line over the
    /// one competency its lines describe.
    static func headings(of body: String, pasted: PastedLayout) -> [Heading] {
        guard case .levelLines(let levels, let competency) = pasted.shape else { return scan(body) }
        let lines = body.lineSlices()
        func text(_ line: Int) -> String { line >= 1 && line <= lines.count ? String(lines[line - 1].trimmingCharacters(in: .whitespaces)) : "" }
        var out = pasted.titleLine.map { [Heading(depth: 1, text: text($0), line: $0 - 1)] } ?? []
        for line in levels {
            out += [Heading(depth: 2, text: text(line), line: line - 1), Heading(depth: 3, text: competency, line: line - 1)]
        }
        return out
    }

    /// The body's lines, numbered as `Heading.line` counts them. Only a folder found to be a ladder
    /// needs them, so they are cut when asked for rather than for every page scanned.
    func lines() -> [Substring] { source.body.lineSlices() }

    /// The leading number of a file name that orders it: `01 Junior.md`, `02-expert.md` → 1, 2.
    var fileNumber: Int? {
        let name = String(source.contentPath.split(separator: "/").last ?? "")
        return name.firstMatch(#"^(\d{1,3})[a-z]?[ ._-]"#).flatMap { Int($0[1]) }
    }

    /// Lowercased names of the headings at the page's top depth, the title's heading aside.
    var sectionNames: [String] {
        var rest = headings.enumerated().filter { $0.offset != titleHeading }.map(\.element)
        // A lone first heading at the top depth is a title too (`# 01 Junior` under `title: Junior`).
        if let top = rest.map(\.depth).min(), rest.count > 1, rest[0].depth == top,
           rest.dropFirst().allSatisfy({ $0.depth > top }) {
            rest.removeFirst()
        }
        guard let depth = rest.map(\.depth).min() else { return [] }
        return rest.filter { $0.depth == depth }.map { $0.text.lowercased() }
    }

    /// ATX headings outside fenced code, with their text stripped of emphasis and closing hashes.
    ///
    /// Every page of every folder of two or more is scanned on every build (and every save in the
    /// preview), so this walks the body's bytes once and makes strings only of the headings. Lines end
    /// where `lineSlices` ends them: at a line feed that no carriage return precedes.
    static func scan(_ body: String) -> [Heading] {
        var body = body
        return body.withUTF8 { bytes in
            var out: [Heading] = []
            var fence: UInt8 = 0
            var line = 0
            var start = 0
            let count = bytes.count
            while start <= count {
                var end = start
                while end < count, !(bytes[end] == 0x0A && (end == 0 || bytes[end - 1] != 0x0D)) { end += 1 }
                defer { start = end + 1; line += 1 }
                // Most lines start with neither a heading nor a fence mark: one byte test skips them.
                var i = start
                while i < end, bytes[i] == 0x20 { i += 1 }
                guard i < end, i - start <= 3 else { continue }
                let mark = bytes[i]
                if mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                    guard i + 2 < end, bytes[i + 1] == mark, bytes[i + 2] == mark else { continue }
                    if fence == 0 { fence = mark } else if fence == mark { fence = 0 }
                    continue
                }
                guard fence == 0, mark == UInt8(ascii: "#") else { continue }
                var j = i
                while j < end, bytes[j] == UInt8(ascii: "#") { j += 1 }
                guard j - i <= 6, j == end || bytes[j] == 0x20 || bytes[j] == 0x09 else { continue }
                let text = headingText(UnsafeBufferPointer(rebasing: bytes[j..<end]))
                if !text.isEmpty { out.append(Heading(depth: j - i, text: text, line: line)) }
            }
            return out
        }
    }

    /// What follows a heading's hashes, as a title: trimmed, without closing hashes, emphasis marks or
    /// backslashes. Printable ASCII not ending in `#` (nearly every heading) is trimmed byte by byte;
    /// anything else goes through `headingText(_: String)`, which says what the result must be.
    static func headingText(_ rest: UnsafeBufferPointer<UInt8>) -> String {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard rest.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) else {
            return headingText(String(decoding: rest, as: UTF8.self))
        }
        var lower = rest.startIndex, upper = rest.endIndex
        while lower < upper, isBlank(rest[lower]) { lower += 1 }
        while upper > lower, isBlank(rest[upper - 1]) { upper -= 1 }
        guard upper == lower || rest[upper - 1] != UInt8(ascii: "#") else {
            return headingText(String(decoding: rest, as: UTF8.self))
        }
        let mark = { (byte: UInt8) in byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`") || byte == 0x20 }
        while lower < upper, mark(rest[lower]) { lower += 1 }
        while upper > lower, mark(rest[upper - 1]) { upper -= 1 }
        let text = UnsafeBufferPointer(rebasing: rest[lower..<upper])
        guard text.contains(UInt8(ascii: "\\")) else { return String(decoding: text, as: UTF8.self) }
        return String(decoding: text.filter { $0 != UInt8(ascii: "\\") }, as: UTF8.self)
    }

    static func headingText(_ rest: String) -> String {
        var text = rest.trimmingCharacters(in: .whitespaces)
        // The regular expression is slow and a closing sequence rare: only a text ending in `#` can have one.
        if text.hasSuffix("#"), let closing = text.firstRange(#"\s+#+$"#) { text.removeSubrange(closing) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "*_` "))
        return text.contains("\\") ? text.replacingOccurrences(of: "\\", with: "") : text
    }
}
