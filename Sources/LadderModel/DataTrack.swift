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
/// The data is read into typed levels (`DataLevel`: sections per topic, criteria as the author's Markdown
/// fragments with their lines and ids, examples under "Examples", what a topic inherits under "From the
/// generic framework"), which the model appends to the page as blocks (`TrackAssembler.addDataTrackLevels`),
/// so every view — level pages, matrix, comparisons, search — reads them as it reads sections under a
/// level heading. Prose under the data is the track's introduction, the page's own blocks.
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

    /// The most levels `levels: N` may ask for.
    static let maximumLevelCount = 1_000

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
        /// The file line it is written on, when the data says (an item written as a mapping).
        var line: Int? = nil

        func fragment(line listLine: Int) -> MarkdownFragment {
            let given = id?.trimmingCharacters(in: .whitespacesAndNewlines)
            return MarkdownFragment(markdown: text, line: line ?? listLine, id: given?.isEmpty == false ? given : nil, examples: examples)
        }
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

    /// The levels of a data track page, typed: its "All levels" expectations first, then the levels in the
    /// order given (or first seen, by number). `generic`: the front matter of the framework every other
    /// inherits from, when the site has one.
    static func levels(of source: PageSource, generic: FrontMatter? = nil) throws(Diagnostic) -> Reading {
        let fm = source.frontMatter
        if JobFamily.isJobFamily(fm) { return try JobFamily.reading(of: source) }
        var warnings: [Diagnostic] = []
        let prefix = try fm.string("level_prefix") ?? "L"
        var levelInfo: [String: (title: String?, summary: String?, line: Int)] = [:]
        var levelOrder: [String] = []
        var declaredCount: Int?
        if let entry = fm.map.entry("levels") {
            switch entry.value {
            case .int(let n):
                // A count is of levels a person climbs: `levels: 1000000000` is a mistake, not a billion pages.
                if n > maximumLevelCount {
                    throw .error(entry.valueLocation, "'levels' counts the levels of the track: at most \(maximumLevelCount), found \(n)")
                }
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
        // Each topic's entries by level, gathered once: a page of 100,000 topics is not walked per level.
        var known = Set(levelOrder)
        var entriesByLevel: [String: [(topic: Int, entry: Entry)]] = [:]
        var firstLine: [String: Int] = [:]
        for (t, topic) in topics.enumerated() {
            for entry in topic.entries {
                entriesByLevel[entry.level, default: []].append((t, entry))
                if firstLine[entry.level] == nil { firstLine[entry.level] = entry.line }
                guard known.insert(entry.level).inserted else { continue }
                if let count = declaredCount, !TrackAssembler.isSharedHeading(entry.level) {
                    warnings.append(.warning(SourceLocation(path: source.displayPath, line: entry.line),
                        "topic '\(topic.name)' has content for level \(entry.level), beyond 'levels: \(count)'; it is shown as a level"))
                }
                levelOrder.append(entry.level)
            }
        }
        var inheritedByLevel: [String: [String: [Entry]]] = [:]
        for (name, topic) in inherited {
            for entry in topic.entries { inheritedByLevel[entry.level, default: [:]][name, default: []].append(entry) }
        }

        let isShared = { (id: String) in TrackAssembler.isSharedHeading(id) }
        var ordered = levelOrder.filter { !isShared($0) }
        if fm.map.entry("levels") == nil {
            ordered.sort { (TrackAssembler.numericOrder($0), $0) < (TrackAssembler.numericOrder($1), $1) }
        }
        var levels: [DataLevel] = []
        for id in levelOrder.filter(isShared) + ordered {
            let info = levelInfo[id]
            let line = info?.line ?? firstLine[id] ?? fm.location.line
            let title = info?.title.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 }
            let heading = isShared(id) ? "All levels" : id + (title.map { ": " + $0 } ?? "")
            var level = DataLevel(id: id, title: title ?? id, heading: heading, line: line, isShared: isShared(id))
            if let summary = info?.summary, !summary.isEmpty { level.summary = MarkdownFragment(markdown: summary, line: line) }
            // Topics in the order the data lists them.
            let own = entriesByLevel[id] ?? []
            var at = 0
            for (t, topic) in topics.enumerated() {
                var mine: [Entry] = []
                while at < own.count, own[at].topic == t { mine.append(own[at].entry); at += 1 }
                let base = inherited[topic.name]
                let theirs = inheritedByLevel[id]?[topic.name] ?? []
                if mine.isEmpty && theirs.allSatisfy({ $0.criteria.isEmpty && $0.examples.isEmpty }) { continue }
                let name = Self.oneLine(base?.title ?? topic.title ?? topic.name)
                var section = DataSection(name: name, line: mine.first?.line ?? topic.line)
                for entry in mine {
                    section.add(nil, entry.criteria, line: entry.criteriaLine)
                    if !entry.examples.isEmpty { section.add("Examples", entry.examples, line: entry.examplesLine) }
                }
                let added = theirs.flatMap { $0.criteria + $0.examples }
                if !added.isEmpty { section.add("From the generic framework", added, line: section.line) }
                level.sections.append(section)
            }
            levels.append(level)
        }
        return Reading(levels: levels, warnings: warnings)
    }

    /// A title as a heading shows it: on one line, without spaces around it.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
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
                    return Item(text: text, examples: examples, id: map.entry("id")?.value.scalarText, line: map.entry(key)?.keyLocation.line)
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
}

/// A level of a track given as data, as the data gives it.
struct DataLevel {
    var id: String
    var title: String
    /// The text a heading for it would have (`L1: Engineer I`), which names its anchor on the track page.
    var heading: String
    var line: Int
    /// The "All levels" expectations, shown on every level page.
    var isShared: Bool
    /// The author's Markdown, shown under the level's title.
    var summary: MarkdownFragment?
    var sections: [DataSection] = []

    init(id: String, title: String, heading: String, line: Int, isShared: Bool) {
        (self.id, self.title, self.heading, self.line, self.isShared) = (id, title, heading, line, isShared)
    }
}

/// What a level expects of one competency (a topic, a job family's theme): its criteria, then groups under
/// sub-headings ("Examples", "From the generic framework").
struct DataSection {
    struct Group {
        /// nil: the criteria themselves, right under the competency's name.
        var heading: String?
        var line: Int
        var items: [MarkdownFragment]
        /// Two lists written one after the other (two entries of a topic for one level) are one list to
        /// Markdown, whose items stand apart.
        var loose = false
    }

    var name: String
    var line: Int
    var groups: [Group] = []

    init(name: String, line: Int) { (self.name, self.line) = (name, line) }

    mutating func add(_ heading: String?, _ items: [DataTrack.Item], line: Int) {
        guard !items.isEmpty else { return }
        let fragments = items.map { $0.fragment(line: line) }
        if heading == nil, let last = groups.indices.last {
            groups[last].items += fragments
            groups[last].loose = true
        } else {
            groups.append(Group(heading: heading, line: line, items: fragments))
        }
    }
}

extension DataTrack {
    /// A data track read: its levels, what the page shows above them (a job family's notice and summary),
    /// and warnings.
    struct Reading {
        var introduction: [AppendedBlock] = []
        var levels: [DataLevel]
        var warnings: [Diagnostic] = []
    }
}
