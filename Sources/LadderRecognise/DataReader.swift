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
        return out
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
    static func label(of record: YAMLMap, skipping key: String?) -> String? {
        let fields = record.entries.filter { $0.key != key }.compactMap { entry -> (String, String)? in
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

    private static func weigh(_ levels: [Level], title: String?) -> LadderCandidate {
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
