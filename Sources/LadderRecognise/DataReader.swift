import LadderCore
import LadderLoad

/// The data reader: a JSON or YAML file whose lists hold a ladder — a list of levels (roles, grades…),
/// each with its expectations per skill, as a map (`skills: {coding: "…"}`) or a list of records
/// (`competencies: [{skill: coding, description: "…"}]`), skills named directly or by the id of a record
/// in another list (`skills: [{id: coding, name: Coding}]`). Keys are found by what they hold, not by name:
/// a level is a record with a label (its first text field) and one field of expectations.
enum DataReader {
    /// One level as the data gives it: its label, where it is written, and its expectations per skill.
    struct Level {
        var label: String
        var line: Int
        var skills: [(name: String, texts: [String])]
    }

    static func candidates(_ fm: FrontMatter, title: String?) -> [LadderCandidate] {
        var lists: [(key: String, items: [YAMLMap], line: Int)] = []
        func collect(_ map: YAMLMap, depth: Int) {
            for entry in map.entries {
                switch entry.value {
                case .list(let items) where items.count >= 2:
                    let maps = items.compactMap { if case .map(let m) = $0 { m } else { nil } }
                    if maps.count == items.count { lists.append((entry.key, maps, entry.keyLocation.line)) }
                case .map(let inner) where depth < 2: collect(inner, depth: depth + 1)
                default: break
                }
            }
        }
        collect(fm.map, depth: 0)
        // Names of records that have an id (`{id: coding, name: Coding}`), for levels that refer to them.
        var names: [String: String] = [:]
        for list in lists {
            for record in list.items {
                if let id = record["id"]?.scalarText, let name = label(of: record, skipping: "id") { names[id] = name }
            }
        }
        var out: [LadderCandidate] = []
        for list in lists {
            let levels = list.items.compactMap { level(from: $0, names: names) }
            guard levels.count == list.items.count else { continue }
            out.append(weigh(levels, title: title))
        }
        out += matrixCandidates(fm.map, title: title)
        out += taggedRecords(fm.map, title: title)
        return out
    }

    // MARK: - A matrix keyed by level

    /// Skills whose records are keyed by level — `Coding: {L1: "…", L2: "…"}`, or a list of
    /// `{name: Coding, L1: "…", L2: "…"}` — read the other way round: the level keys shared by every record
    /// (three at least, labels of one family in order) are the levels, the records their skills.
    static func matrixCandidates(_ root: YAMLMap, title: String?) -> [LadderCandidate] {
        var out: [LadderCandidate] = []
        let keyLists = recordLists(root).keyed
        func visit(_ map: YAMLMap, depth: Int) {
            // The map's entries as records named by their keys…
            let named = map.entries.compactMap { entry -> (name: String, record: YAMLMap, line: Int)? in
                guard case .map(let record) = entry.value else { return nil }
                return (label(of: record, skipping: nil, besides: levelKeys(record)) ?? entry.key, record, entry.keyLocation.line)
            }
            if let candidate = matrix(named, title: title) { out.append(candidate) }
            if let candidate = positional(named, title: title) { out.append(candidate) }
            for entry in map.entries {
                switch entry.value {
                case .map(let inner) where depth < 2: visit(inner, depth: depth + 1)
                case .list(let items):
                    // …or a list of records, each named by its first text field that is not a level.
                    let records = items.compactMap { item -> (name: String, record: YAMLMap, line: Int)? in
                        guard case .map(let record) = item, let name = label(of: record, skipping: nil, besides: levelKeys(record)) else { return nil }
                        return (name, record, record.entries.first?.keyLocation.line ?? entry.keyLocation.line)
                    }
                    if records.count == items.count, let candidate = matrix(records, title: title) { out.append(candidate) }
                    // Records named by the keys of another list refer to its records (orders by customer): no levels.
                    let names = Set(records.map(\.name))
                    let references = keyLists.contains { $0.line != entry.keyLocation.line && names.isSubset(of: $0.keys) }
                    if records.count == items.count, !references, let candidate = levelRows(records, title: title) { out.append(candidate) }
                    if records.count == items.count, let candidate = positional(records, title: title) { out.append(candidate) }
                default: break
                }
            }
        }
        visit(root, depth: 0)
        out += namedPlaces(root, title: title)
        return out
    }

    /// Skills whose values are lists of texts all of one length N (`AGILE: [Developing, Supporting, …]`)
    /// beside a list of N level names in order (`jobTitles: [Software Engineer 1, …]`) in the same data:
    /// the Nth text of each skill is its expectation at the Nth level.
    static func namedPlaces(_ root: YAMLMap, title: String?) -> [LadderCandidate] {
        var names: [[String]] = []
        var grids: [(map: YAMLMap, count: Int)] = []
        func visit(_ map: YAMLMap, depth: Int) {
            var counts: Set<Int> = []
            var lists = 0
            for entry in map.entries {
                switch entry.value {
                case .list(let items):
                    let texts = items.compactMap(\.scalarText)
                    if texts.count == items.count, texts.count >= 3 {
                        // Names of levels: short, distinct, three of them at least labels in order (a ladder's
                        // titles may start with `Apprentice` and end with `Architect`).
                        let labels = Dictionary(grouping: texts.compactMap { LevelLabel($0) }, by: \.family).values.max { $0.count < $1.count } ?? []
                        if labels.count >= 3, labels.count * 2 > texts.count, LevelLabel.isRun(labels), Set(texts).count == texts.count,
                           texts.allSatisfy({ $0.split(separator: " ").count <= 8 }) { names.append(texts) }
                        counts.insert(texts.count)
                        lists += 1
                    }
                case .map(let inner) where depth < 2: visit(inner, depth: depth + 1)
                default: break
                }
            }
            if lists >= 2, lists == map.entries.count, counts.count == 1, let count = counts.first { grids.append((map, count)) }
        }
        visit(root, depth: 0)
        var out: [LadderCandidate] = []
        for grid in grids {
            guard let labels = names.first(where: { $0.count == grid.count }) else { continue }
            let levels = labels.enumerated().map { n, label in
                Level(label: label, line: grid.map.entries.first?.keyLocation.line ?? 1, skills: grid.map.entries.compactMap { entry in
                    guard case .list(let items) = entry.value, let text = items[n].scalarText, !text.isEmpty else { return nil }
                    return (entry.key, [text])
                })
            }
            guard levels.allSatisfy({ !$0.skills.isEmpty }) else { continue }
            out.append(weigh(levels, title: title))
        }
        return out
    }

    /// Records named by level labels in order (`{Level: L1, Scope: "…", Impact: "…"}`, a spreadsheet's level
    /// per row): each a level, its other text fields its skills.
    static func levelRows(_ records: [(name: String, record: YAMLMap, line: Int)], title: String?) -> LadderCandidate? {
        guard records.count >= 3 else { return nil }
        let labels = records.compactMap { LevelLabel($0.name) }
        // Records named otherwise are levels in the order listed when each holds the same list of
        // expectations written as sentences (`responsibilities: ["Reviews the team's code.", …]`).
        if labels.count != records.count || !LevelLabel.isRun(labels) {
            let sentenceLists = records.map { entry in
                Set(entry.record.entries.compactMap { field -> String? in
                    guard case .list(let items) = field.value, !items.isEmpty else { return nil }
                    let texts = items.compactMap(\.scalarText)
                    guard texts.count == items.count else { return nil }
                    let words = texts.reduce(0) { $0 + $1.split(separator: " ").count }
                    return words >= 4 * texts.count ? field.key : nil
                })
            }
            guard var common = sentenceLists.first else { return nil }
            for set in sentenceLists.dropFirst() { common.formIntersection(set) }
            guard !common.isEmpty else { return nil }
        }
        // A field of job titles in order beside level ids (`{Level: L1, Title: Junior Engineer}`) names the
        // levels; it is no skill.
        let keys = records[0].record.entries.map(\.key).filter { key in records.allSatisfy { $0.record[key]?.scalarText != nil } }
        let titles = labels.count == records.count && labels.allSatisfy({ $0.careerKey == nil })
            ? keys.first { key in Evidence.titlesInOrder(records.map { $0.record[key]?.scalarText ?? "" }) } : nil
        let levels = records.map { entry in
            Level(label: titles.flatMap { entry.record[$0]?.scalarText }.map { "\(entry.name) - \($0)" } ?? entry.name,
                  line: entry.line, skills: entry.record.entries.compactMap { field in
                guard field.value.scalarText != entry.name, field.key != "id", field.key != titles else { return nil }
                let texts = self.texts(field.value)
                return texts.isEmpty ? nil : (field.key, texts)
            })
        }
        guard levels.allSatisfy({ !$0.skills.isEmpty }) else { return nil }
        return weigh(levels, title: title)
    }

    /// Skills whose records each hold a list of the same length under the same key, three items at least
    /// (`milestones: [{summary: …, signals: […]}, …]`): the items are the levels, in order, named by their
    /// place ("Level 1" …) since the data names them by nothing else.
    static func positional(_ records: [(name: String, record: YAMLMap, line: Int)], title: String?) -> LadderCandidate? {
        guard records.count >= 2 else { return nil }
        func lists(_ record: YAMLMap) -> [String: [YAMLValue]] {
            var out: [String: [YAMLValue]] = [:]
            // Each level a record of its own (`{summary: …, signals: […]}`): a list of plain texts is a list.
            for entry in record.entries {
                if case .list(let items) = entry.value, items.count >= 3,
                   items.allSatisfy({ if case .map = $0 { true } else { false } }) { out[entry.key] = items }
            }
            return out
        }
        let first = lists(records[0].record)
        guard let key = records[0].record.entries.map(\.key).first(where: { key in
            guard let count = first[key]?.count else { return false }
            return records.allSatisfy { lists($0.record)[key]?.count == count }
        }), let count = first[key]?.count, count <= 20 else { return nil }
        let levels = (0..<count).map { n in
            Level(label: "Level \(n + 1)", line: records[0].line, skills: records.compactMap { entry in
                guard case .list(let items)? = entry.record[key] else { return nil }
                let texts = self.texts(items[n])
                return texts.isEmpty ? nil : (entry.name, texts)
            })
        }
        guard levels.allSatisfy({ !$0.skills.isEmpty }) else { return nil }
        var candidate = weigh(levels, title: title)
        // The labels are made from places, so they say nothing: the order is only as listed.
        candidate.weigh(-2, "levels named by their place in each list")
        return candidate
    }

    /// A record's keys that are level labels.
    static func levelKeys(_ record: YAMLMap) -> Set<String> {
        Set(record.entries.map(\.key).filter { LevelLabel($0) != nil })
    }

    /// Two records at least sharing a run of level keys: the levels in the first record's order, each with
    /// every record's text for it as a skill.
    static func matrix(_ records: [(name: String, record: YAMLMap, line: Int)], title: String?) -> LadderCandidate? {
        guard records.count >= 2 else { return nil }
        // The level keys may sit one map down (`{name: Research, levels: {junior: …, mid: …}}`).
        let records = records.map { entry -> (name: String, record: YAMLMap, line: Int) in
            guard levelKeys(entry.record).count < 3 else { return entry }
            for field in entry.record.entries {
                if case .map(let inner) = field.value, levelKeys(inner).count >= 3 { return (entry.name, inner, entry.line) }
            }
            return entry
        }
        var shared = levelKeys(records[0].record)
        for entry in records.dropFirst() { shared.formIntersection(levelKeys(entry.record)) }
        let keys = records[0].record.entries.map(\.key).filter { shared.contains($0) }
        let labels = keys.compactMap { LevelLabel($0) }
        guard keys.count >= 3, labels.count == keys.count, LevelLabel.isRun(labels) else { return nil }
        let levels = keys.map { key in
            Level(label: key, line: records[0].record.entries.first { $0.key == key }?.keyLocation.line ?? records[0].line,
                  skills: records.compactMap { entry in
                      let texts = entry.record[key].map { self.texts($0) } ?? []
                      return texts.isEmpty ? nil : (entry.name, texts)
                  })
        }
        guard levels.allSatisfy({ !$0.skills.isEmpty }) else { return nil }
        return weigh(levels, title: title)
    }

    /// A record as a level: its label (the first text field, a name before an id) and its one field of
    /// expectations by skill; nil when it has no such field.
    static func level(from record: YAMLMap, names: [String: String]) -> Level? {
        guard let label = label(of: record, skipping: nil) else { return nil }
        var best: [(name: String, texts: [String])] = []
        for entry in record.entries {
            var skills: [(name: String, texts: [String])] = []
            switch entry.value {
            case .map(let bySkill):
                for skill in bySkill.entries {
                    let texts = self.texts(skill.value)
                    if !texts.isEmpty { skills.append((names[skill.key] ?? skill.key, texts)) }
                }
            case .list(let items):
                for case .map(let item) in items {
                    // A skill named (or referred to by id) and described.
                    guard let key = item.entries.first(where: { $0.value.scalarText != nil }) else { continue }
                    let name = names[key.value.scalarText ?? ""] ?? key.value.scalarText ?? ""
                    let texts = item.entries.filter { $0.key != key.key }.flatMap { self.texts($0.value) }
                    if !name.isEmpty, !texts.isEmpty { skills.append((name, texts)) }
                }
            default: continue
            }
            if skills.count > best.count { best = skills }
        }
        guard !best.isEmpty else { return nil }
        return Level(label: label, line: record.entries.first?.keyLocation.line ?? 1, skills: best)
    }

    /// A record's label: its first short text field (`name`, `title`, or an id when it has nothing else).
    static func label(of record: YAMLMap, skipping key: String?, besides levels: Set<String> = []) -> String? {
        let fields = record.entries.filter { $0.key != key && !levels.contains($0.key) }.compactMap { entry -> (String, String)? in
            guard case .string(let text) = entry.value, !text.isEmpty, text.count <= 80, !text.contains("\n") else { return nil }
            return (entry.key, text)
        }
        // A name reads better than an id when the record has both.
        return (fields.first { $0.0 != "id" } ?? fields.first)?.1
    }

    static func texts(_ value: YAMLValue) -> [String] {
        switch value {
        case .string(let text): return text.isEmpty ? [] : [text]
        case .list(let items): return items.flatMap { texts($0) }
        case .map(let map): return map.entries.flatMap { texts($0.value) }
        default: return value.scalarText.map { [$0] } ?? []
        }
    }

    static func weigh(_ levels: [Level], title: String?) -> LadderCandidate {
        let texts = levels.map(\.label)
        var candidate = LadderCandidate(shape: .data, labels: texts)
        let labels = texts.compactMap { LevelLabel($0) }
        if labels.count == texts.count, LevelLabel.isRun(labels) {
            candidate.weigh(4, "labels of one family in order")
        } else {
            // A list is ordered as written.
            candidate.weigh(2, "listed in order")
        }
        let common = Evidence.common(levels.map { Set($0.skills.map { $0.name.lowercased() }) })
        if common.count >= 2 {
            candidate.weigh(4, "\(common.count) skills under every level (\(common.prefix(3).joined(separator: ", ")))")
        } else if common.count == 1 {
            candidate.weigh(1, "one skill under every level (\(common[0]))")
        }
        Evidence.weighContext(&candidate, labels: labels.count == texts.count ? labels : [], texts: texts,
                              bodies: levels.map { $0.skills.flatMap(\.texts).joined(separator: "\n") },
                              title: title, firstParagraph: nil)
        candidate.data = levels.map { level in
            RecognisedLadder.DataLevel(label: level.label, line: level.line,
                                       skills: level.skills.map { .init(name: $0.name, texts: $0.texts) })
        }
        candidate.levels = Array(levels.indices)
        return candidate
    }
}
