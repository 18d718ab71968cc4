import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// A track given as data, in the shape Monzo's progression framework and its many copies use:
///
/// ```yaml
/// levels: 4                     # a count, or a list of {level, title, summary}
/// topics:
///   - name: delivery
///     title:                    # empty: the title (and criteria) of the /generic framework's topic
///     content:
///       - level: 1              # or "L1"; "all" for expectations shared by every level
///         criteria: [Works effectively within established structures]
///         exampleCriteria:      # text, or {criteria, examples: [...]}
///           - criteria: Resolved out of disk errors independently
///             examples: [Freed space on the build server]
/// ```
///
/// Rather than a second way to build levels, the data is written out as the Markdown of a
/// `levels: headings` page (`## L1: Engineer I`, `### Delivery`, criteria as a list, examples under
/// `#### Examples`, what a topic inherits under `#### From the generic framework`), so every view —
/// level pages, matrix, comparisons, search — treats it like prose. Each generated line remembers the
/// front-matter line it came from, for diagnostics. Prose under the data is the track's introduction.
package enum DataTrack {
    /// True when `topics:` is a list of mappings that have `content:` (a blog post's `topics: [news]` is
    /// not), and the page does not say it has no levels (`levels: 0`); or the page is a job family.
    static func isDataTrack(_ frontMatter: FrontMatter) -> Bool {
        if JobFamily.isJobFamily(frontMatter) { return true }
        if case .int(let n)? = frontMatter["levels"], n <= 0 { return false }
        guard case .list(let topics)? = frontMatter.map.entry("topics")?.value, !topics.isEmpty else { return false }
        return topics.allSatisfy { topic in
            if case .map(let map) = topic { return map.entry("content") != nil }
            return false
        }
    }

    /// The page the others inherit from: Monzo's framework whose `path` is `/generic`.
    static func isGeneric(_ frontMatter: FrontMatter) -> Bool {
        guard case .string(let path)? = frontMatter["path"] else { return false }
        return path.trimmingCharacters(in: CharacterSet(charactersIn: "/ ")) == "generic" && isDataTrack(frontMatter)
    }

    /// One item of a topic at one level: a criterion, with the examples an `exampleCriteria` object gives.
    struct Item {
        var text: String
        var examples: [String] = []
        /// The criterion's id when the data gives one (`id:`), kept so links to it survive rewording.
        var id: String? = nil
    }

    /// What a topic expects at one level.
    struct Entry {
        var level: String
        var line: Int
        var criteria: [Item]
        var examples: [Item]
        var criteriaLine: Int
        var examplesLine: Int
    }

    struct Topic {
        var name: String
        var title: String?
        var line: Int
        var entries: [Entry]
        /// `title:` is written and left empty: Monzo's way to ask for the generic framework's title.
        var asksForTitle = false
    }

    /// The topics of a data track, in the order written.
    static func topics(of fm: FrontMatter, prefix: String) throws(Diagnostic) -> [Topic] {
        guard case .list(let items)? = fm.map.entry("topics")?.value, let topicsEntry = fm.map.entry("topics") else { return [] }
        var topics: [Topic] = []
        for topic in items {
            guard case .map(let map) = topic else { continue }
            let title = try text(map.entry("title")).flatMap { $0.isEmpty ? nil : $0 }
            guard let name = try text(map.entry("name")) ?? title, !name.isEmpty else {
                throw .error(map.entry("content")?.keyLocation ?? topicsEntry.keyLocation, "a topic needs 'name:'")
            }
            let line = map.entry("name")?.keyLocation.line ?? map.entries.first?.keyLocation.line ?? topicsEntry.keyLocation.line
            var entries: [Entry] = []
            guard let content = map.entry("content"), case .list(let contentItems) = content.value else {
                if case .null? = map.entry("content")?.value { topics.append(Topic(name: name, title: title, line: line, entries: [])); continue }
                throw .error(map.entry("content")?.keyLocation ?? topicsEntry.keyLocation,
                             "'content' of topic '\(name)' must be a list of {level, criteria, exampleCriteria}")
            }
            for item in contentItems {
                guard case .map(let entry) = item, let level = entry.entry("level") else {
                    throw .error(content.keyLocation, "each item of 'content' in topic '\(name)' needs 'level:'")
                }
                let id = try levelID(level, prefix: prefix)
                let criteriaEntry = entry.entry("criteria")
                let examplesEntry = entry.entry("exampleCriteria") ?? entry.entry("examples")
                let line = level.keyLocation.line
                entries.append(Entry(level: id, line: line, criteria: try Self.items(criteriaEntry), examples: try Self.items(examplesEntry),
                                     criteriaLine: criteriaEntry?.keyLocation.line ?? line,
                                     examplesLine: examplesEntry?.keyLocation.line ?? line))
            }
            topics.append(Topic(name: name, title: title, line: line, entries: entries, asksForTitle: map.entry("title") != nil && title == nil))
        }
        return topics
    }

    /// The Markdown body for a data track page, the file line of each of its lines, and warnings.
    /// `generic`: the front matter of the framework every other inherits from, when the site has one.
    static func body(for source: PageSource, generic: FrontMatter? = nil) throws(Diagnostic)
        -> (body: String, lineMap: [Int], levelIDs: [String]?, criterionIDs: [Int: String], warnings: [Diagnostic]) {
        let fm = source.frontMatter
        if JobFamily.isJobFamily(fm) {
            let (body, lineMap, ids, criterionIDs) = try JobFamily.body(for: source)
            return (body, lineMap, ids, criterionIDs, [])
        }
        var writer = BodyWriter()
        var warnings: [Diagnostic] = []

        // Prose under the data is the track's introduction. Its headings are made deeper than the levels'
        // (`###` at most) so they are not read as levels; they stay before the first level.
        writer.introduction(source)
        writer.blank(line: fm.location.line)

        let prefix = try fm.string("level_prefix") ?? "L"
        var levelInfo: [String: (title: String?, summary: String?, line: Int)] = [:]
        var levelOrder: [String] = []
        var declaredCount: Int?
        if let entry = fm.map.entry("levels") {
            switch entry.value {
            case .int(let n):
                declaredCount = n
                for number in 1...max(1, n) {
                    levelOrder.append("\(prefix)\(number)")
                    levelInfo["\(prefix)\(number)"] = ("Level \(number)", nil, entry.keyLocation.line)
                }
            case .list(let items):
                for item in items {
                    guard case .map(let map) = item, let level = map.entry("level") else {
                        throw .error(entry.keyLocation, "each entry of 'levels' needs 'level:'")
                    }
                    let id = try levelID(level, prefix: prefix)
                    levelOrder.append(id)
                    levelInfo[id] = (try text(map.entry("title")), try text(map.entry("summary")), level.keyLocation.line)
                }
            case .null: break
            default:
                throw .error(entry.keyLocation, "'levels' of a track given as data must be a number of levels or a list of {level, title, summary}")
            }
        }

        let topics = try Self.topics(of: fm, prefix: prefix)
        // A topic the generic framework also has takes its title and adds its criteria (matched by name).
        var inherited: [String: Topic] = [:]
        if let generic, generic != fm {
            for topic in try Self.topics(of: generic, prefix: try generic.string("level_prefix") ?? "L") where inherited[topic.name] == nil {
                inherited[topic.name] = topic
            }
        }
        for topic in topics where topic.asksForTitle && inherited[topic.name] == nil {
            warnings.append(.warning(SourceLocation(path: source.displayPath, line: topic.line),
                                     "topic '\(topic.name)' has no title, and the generic framework has no topic of that name"))
        }
        for topic in topics {
            for entry in topic.entries where !levelOrder.contains(entry.level) {
                if let count = declaredCount, !TrackAssembler.isSharedHeading(entry.level) {
                    warnings.append(.warning(SourceLocation(path: source.displayPath, line: entry.line),
                        "topic '\(topic.name)' has content for level \(entry.level), beyond 'levels: \(count)'; it is shown as a level"))
                }
                levelOrder.append(entry.level)
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
            let line = info?.line ?? topics.lazy.flatMap(\.entries).first { $0.level == id }?.line ?? fm.location.line
            let heading = isShared(id) ? "All levels" : escapeInline(id) + (info?.title.map { ": " + escapeInline($0) } ?? "")
            writer.add("## " + heading, line: line)
            writer.blank(line: line)
            if let summary = info?.summary, !summary.isEmpty {
                writer.paragraph(summary, line: line)
            }
            // Topics in the order the data lists them.
            for topic in topics {
                let own = topic.entries.filter { $0.level == id }
                let base = inherited[topic.name]
                let theirs = base?.entries.filter { $0.level == id } ?? []
                if own.isEmpty && theirs.allSatisfy({ $0.criteria.isEmpty && $0.examples.isEmpty }) { continue }
                let title = base?.title ?? topic.title ?? topic.name
                let line = own.first?.line ?? topic.line
                writer.add("### " + escapeInline(title), line: line)
                writer.blank(line: line)
                for entry in own {
                    writer.list(entry.criteria, line: entry.criteriaLine)
                    if !entry.examples.isEmpty {
                        writer.add("#### Examples", line: entry.examplesLine)
                        writer.blank(line: entry.examplesLine)
                        writer.list(entry.examples, line: entry.examplesLine)
                    }
                }
                let added = theirs.flatMap { $0.criteria + $0.examples }
                if !added.isEmpty {
                    writer.add("#### From the generic framework", line: line)
                    writer.blank(line: line)
                    writer.list(added, line: line)
                }
            }
        }
        return (writer.text, writer.lineMap, nil, writer.criterionIDs, warnings)
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

    /// A string, or a list of strings or of `{criteria: …, examples: […]}` / `{text: …}` mappings.
    static func items(_ entry: YAMLMap.Entry?) throws(Diagnostic) -> [Item] {
        guard let entry else { return [] }
        func one(_ value: YAMLValue) throws(Diagnostic) -> Item? {
            switch value {
            case .null: return nil
            case .map(let map):
                for key in ["criteria", "text", "summary", "title"] {
                    guard let text = map.entry(key)?.value.scalarText else { continue }
                    var examples: [String] = []
                    if let list = map.entry("examples") {
                        switch list.value {
                        case .list(let values): examples = values.compactMap(\.scalarText)
                        case .null: break
                        default: examples = list.value.scalarText.map { [$0] } ?? []
                        }
                    }
                    return Item(text: text, examples: examples, id: map.entry("id")?.value.scalarText)
                }
                throw .error(entry.valueLocation, "an item of '\(entry.key)' must be text or have 'criteria:'")
            case .list: throw .error(entry.valueLocation, "an item of '\(entry.key)' must be text, found a list")
            default: return value.scalarText.map { Item(text: $0) }
            }
        }
        if case .list(let values) = entry.value {
            var out: [Item] = []
            for value in values { if let item = try one(value) { out.append(item) } }
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
        /// Body line (1-based) of each list item whose data gave it an id.
        var criterionIDs: [Int: String] = [:]
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

        /// Items are Markdown; continuation lines are indented so a folded criterion stays one item, and an
        /// item's examples are a list inside it.
        mutating func list(_ items: [Item], line: Int) {
            guard !items.isEmpty else { return }
            for item in items {
                if let id = item.id?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty { criterionIDs[lines.count + 1] = id }
                let parts = item.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                for (n, part) in parts.enumerated() {
                    add(n == 0 ? "- " + Self.unblock(part) : "  " + part, line: line)
                }
                if parts.isEmpty { add("- " + Self.unblock(item.text), line: line) }
                for example in item.examples {
                    let lines = example.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                    for (n, part) in lines.enumerated() {
                        add(n == 0 ? "  - " + Self.unblock(part) : "    " + part, line: line)
                    }
                }
            }
            blank(line: line)
        }

        /// The page's own Markdown, each heading made at least `###` so it stays apart from the levels.
        mutating func introduction(_ source: PageSource) {
            let outline = Outline(body: source.body, bodyLine: source.bodyLine)
            var lines = source.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let shift = outline.headings.map(\.depth).min().map { max(0, 3 - $0) } ?? 0
            for heading in outline.headings where shift > 0 {
                let n = heading.line - source.bodyLine
                guard n >= 0, n < lines.count else { continue }
                let depth = min(6, heading.depth + shift)
                let text = lines[n].drop { $0 == " " }
                if text.hasPrefix("#") {
                    lines[n] = String(repeating: "#", count: depth) + text.drop { $0 == "#" }
                } else if n + 1 < lines.count {
                    // A setext heading (text over `===` or `---`) becomes an ATX one; its underline goes.
                    lines[n] = String(repeating: "#", count: depth) + " " + text
                    lines[n + 1] = ""
                }
            }
            for (n, line) in lines.enumerated() { add(line, line: source.bodyLine + n) }
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
