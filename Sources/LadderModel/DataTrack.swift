import LadderCore
import LadderLoad
import LadderMarkdown

/// A track given as data, in the shape public progression frameworks use:
///
/// ```yaml
/// levels:                       # optional: titles and summaries
///   - { level: 1, title: Engineer I, summary: Learns our systems. }
/// topics:
///   - name: Foundations
///     content:
///       - level: 1              # or "L1"; "all" for expectations shared by every level
///         criteria: [Works effectively within established structures]
///         exampleCriteria: [Resolved out of disk errors independently]
/// ```
///
/// Rather than a second way to build levels, the data is written out as the Markdown of a
/// `levels: headings` page (`## L1: Engineer I`, `### Foundations`, criteria as a list, examples under
/// `#### Examples`), so every view — level pages, matrix, comparisons, search — treats it like prose.
/// Each generated line remembers the front-matter line it came from, for diagnostics.
package enum DataTrack {
    /// True when `topics:` is a list of mappings that have `content:` (a blog post's `topics: [news]` is not).
    static func isDataTrack(_ frontMatter: FrontMatter) -> Bool {
        guard case .list(let topics)? = frontMatter.map.entry("topics")?.value, !topics.isEmpty else { return false }
        return topics.allSatisfy { topic in
            if case .map(let map) = topic { return map.entry("content") != nil }
            return false
        }
    }

    /// The Markdown body for a data track page, and the file line of each of its lines.
    static func body(for source: PageSource) throws(Diagnostic) -> (body: String, lineMap: [Int]) {
        let fm = source.frontMatter
        var writer = BodyWriter()

        // Prose under the front matter stays as the track's introduction; its headings would be read as levels.
        let intro = Outline(body: source.body, bodyLine: source.bodyLine)
        if let heading = intro.headings.first {
            throw .error(SourceLocation(path: source.displayPath, line: heading.line),
                         "a track given as data ('topics:') cannot have headings in its Markdown body; levels come from the data")
        }
        let bodyLines = source.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in bodyLines.enumerated() { writer.add(String(line), line: source.bodyLine + n) }
        writer.blank(line: fm.location.line)

        let prefix = try fm.string("level_prefix") ?? "L"
        var levelInfo: [String: (title: String?, summary: String?, line: Int)] = [:]
        var levelOrder: [String] = []
        if let entry = fm.map.entry("levels") {
            guard case .list(let items) = entry.value else {
                throw .error(entry.keyLocation, "'levels' of a track given as data must be a list of {level, title, summary}")
            }
            for item in items {
                guard case .map(let map) = item, let level = map.entry("level") else {
                    throw .error(entry.keyLocation, "each entry of 'levels' needs 'level:'")
                }
                let id = try levelID(level, prefix: prefix)
                levelOrder.append(id)
                levelInfo[id] = (try text(map.entry("title")), try text(map.entry("summary")), level.keyLocation.line)
            }
        }

        // criteria[level][topic] = (criteria, examples, line)
        typealias Criteria = (criteria: [String], examples: [String], line: Int, criteriaLine: Int, examplesLine: Int)
        var byLevel: [String: [(topic: String, Criteria)]] = [:]
        var topicNames: [String] = []
        guard case .list(let topics)? = fm.map.entry("topics")?.value, let topicsEntry = fm.map.entry("topics") else {
            return (source.body, [])
        }
        for topic in topics {
            guard case .map(let map) = topic else { continue }
            let title = try text(map.entry("title"))
            guard let name = try text(map.entry("name")) ?? title, !name.isEmpty else {
                throw .error(map.entry("content")?.keyLocation ?? topicsEntry.keyLocation, "a topic needs 'name:'")
            }
            topicNames.append(name)
            guard let content = map.entry("content"), case .list(let items) = content.value else {
                throw .error(map.entry("content")?.keyLocation ?? topicsEntry.keyLocation,
                             "'content' of topic '\(name)' must be a list of {level, criteria, exampleCriteria}")
            }
            for item in items {
                guard case .map(let entry) = item, let level = entry.entry("level") else {
                    throw .error(content.keyLocation, "each item of 'content' in topic '\(name)' needs 'level:'")
                }
                let id = try levelID(level, prefix: prefix)
                if !levelOrder.contains(id) { levelOrder.append(id) }
                let criteriaEntry = entry.entry("criteria")
                let examplesEntry = entry.entry("exampleCriteria") ?? entry.entry("examples")
                let line = level.keyLocation.line
                byLevel[id, default: []].append((name, (try texts(criteriaEntry), try texts(examplesEntry), line,
                                                        criteriaEntry?.keyLocation.line ?? line,
                                                        examplesEntry?.keyLocation.line ?? line)))
            }
        }

        // Shared expectations first, then the levels in the order given (or first seen, by number).
        let isShared = { (id: String) in TrackAssembler.isSharedHeading(id) }
        var ordered = levelOrder.filter { !isShared($0) }
        if fm.map.entry("levels") == nil {
            ordered.sort { (TrackAssembler.numericOrder($0), $0) < (TrackAssembler.numericOrder($1), $1) }
        }
        for id in levelOrder.filter(isShared) + ordered {
            let info = levelInfo[id]
            let line = info?.line ?? byLevel[id]?.first?.1.line ?? fm.location.line
            let heading = isShared(id) ? "All levels" : escapeInline(id) + (info?.title.map { ": " + escapeInline($0) } ?? "")
            writer.add("## " + heading, line: line)
            writer.blank(line: line)
            if let summary = info?.summary, !summary.isEmpty {
                writer.paragraph(summary, line: line)
            }
            // Topics in the order the data lists them.
            for name in topicNames {
                for (topic, criteria) in byLevel[id] ?? [] where topic == name {
                    writer.add("### " + escapeInline(name), line: criteria.line)
                    writer.blank(line: criteria.line)
                    writer.list(criteria.criteria, line: criteria.criteriaLine)
                    if !criteria.examples.isEmpty {
                        writer.add("#### Examples", line: criteria.examplesLine)
                        writer.blank(line: criteria.examplesLine)
                        writer.list(criteria.examples, line: criteria.examplesLine)
                    }
                }
            }
        }
        return (writer.text, writer.lineMap)
    }

    /// `1` → `L1` (with `level_prefix`), `"IC3"` → `IC3`, `"all"` → `all`.
    static func levelID(_ entry: YAMLMap.Entry, prefix: String) throws(Diagnostic) -> String {
        switch entry.value {
        case .int(let n): return "\(prefix)\(n)"
        case .string(let s) where TrackAssembler.isSharedHeading(s) || s.trimmingCharacters(in: " ") == "*": return "all"
        case .string(let s) where !s.isEmpty: return LevelName.split(s).id
        default: throw .error(entry.valueLocation, "'level' must be a number or a level id such as L3, found \(entry.value.typeName)")
        }
    }

    private static func text(_ entry: YAMLMap.Entry?) throws(Diagnostic) -> String? {
        guard let entry else { return nil }
        if case .null = entry.value { return nil }
        guard let text = entry.value.scalarText else {
            throw .error(entry.valueLocation, "'\(entry.key)' must be text, found \(entry.value.typeName)")
        }
        return text
    }

    /// A string, or a list of strings or of `{criteria: …}` / `{text: …}` mappings.
    private static func texts(_ entry: YAMLMap.Entry?) throws(Diagnostic) -> [String] {
        guard let entry else { return [] }
        func one(_ value: YAMLValue) throws(Diagnostic) -> String? {
            switch value {
            case .null: return nil
            case .map(let map):
                for key in ["criteria", "text", "summary", "title"] {
                    if let text = map.entry(key)?.value.scalarText { return text }
                }
                throw .error(entry.valueLocation, "an item of '\(entry.key)' must be text or have 'criteria:'")
            case .list: throw .error(entry.valueLocation, "an item of '\(entry.key)' must be text, found a list")
            default: return value.scalarText
            }
        }
        if case .list(let items) = entry.value {
            var out: [String] = []
            for item in items { if let t = try one(item) { out.append(t) } }
            return out
        }
        return try one(entry.value).map { [$0] } ?? []
    }

    /// Text placed in a heading is shown as written: every ASCII punctuation mark is escaped.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for ch in text.replacingOccurrences(of: "\n", with: " ") {
            if ch.isASCII, ch.isPunctuation || ch.isSymbol { out += "\\" }
            out.append(ch)
        }
        return out
    }

    /// Lines of Markdown with the file line each came from.
    struct BodyWriter {
        var lines: [String] = []
        var lineMap: [Int] = []
        var text: String { lines.joined(separator: "\n") + "\n" }

        mutating func add(_ line: String, line fileLine: Int) {
            lines.append(line)
            lineMap.append(fileLine)
        }

        mutating func blank(line: Int) { add("", line: line) }

        mutating func paragraph(_ text: String, line: Int) {
            for part in text.split(separator: "\n", omittingEmptySubsequences: true) { add(Self.unblock(String(part)), line: line) }
            blank(line: line)
        }

        /// Items are Markdown; continuation lines are indented so a folded criterion stays one item.
        mutating func list(_ items: [String], line: Int) {
            guard !items.isEmpty else { return }
            for item in items {
                let parts = item.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                for (n, part) in parts.enumerated() {
                    add(n == 0 ? "- " + Self.unblock(part) : "  " + part, line: line)
                }
            }
            blank(line: line)
        }

        /// Text that would start another block (`# x`, `> x`, `1. x`, `- x`, a fence or a rule) is escaped
        /// to stay text; inline Markdown (`*em*`, `` `code` ``) is left alone.
        static func unblock(_ text: String) -> String {
            let trimmed = String(text.drop { $0 == " " })
            guard let first = trimmed.first else { return trimmed }
            let second = trimmed.dropFirst().first
            let markerEnds = second == nil || second == " " || second == "\t"
            let isRule = trimmed.count >= 3 && trimmed.allSatisfy { $0 == first || $0 == " " } && "-*_".contains(first)
            if first == ">" || isRule || ("#-+*".contains(first) && markerEnds)
                || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                return "\\" + trimmed
            }
            let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
            let rest = trimmed.dropFirst(digits.count)
            if !digits.isEmpty, let next = rest.first, next == "." || next == ")",
               rest.dropFirst().first == nil || rest.dropFirst().first == " " {
                return digits + "\\" + rest
            }
            return trimmed
        }
    }
}
