import LadderCore
import LadderLoad

/// Data kept as a database keeps it: a list of levels and a list of competencies, each record with a key
/// (`{key: "beginner", title: "Beginner"}`), and a collection of expectations, each tagged with a level and
/// a competency by those keys (`{competency: "leadership", expectation: "expert", description: "…"}`).
/// Which field is which is found from what the fields hold, never from their names: a field whose every
/// value is a key of one list refers to that list.
extension DataReader {
    /// A list of records with a field whose values are distinct texts: the records by that key, in order.
    struct KeyedList {
        var keys: [String]
        var names: [String: String]
        var line: Int
        /// Whether a number field of its records counts up as the list goes (`value: 1`, `value: 2`, …).
        var numbered: Bool
    }

    static func taggedRecords(_ root: YAMLMap, title: String?) -> [LadderCandidate] {
        let (keyed, collections) = recordLists(root)
        guard keyed.count >= 2 else { return [] }
        var out: [LadderCandidate] = []
        for records in collections where records.count >= 3 {
            guard let fields = references(records, keyed: keyed) else { continue }
            // The levels are the list in order: labels of one family, or records numbered in order.
            func order(_ list: KeyedList) -> Int {
                let labels = list.keys.compactMap { list.names[$0].flatMap { LevelLabel($0) } }
                return (labels.count >= 3 && LevelLabel.isRun(labels) ? 2 : 0) + (list.numbered ? 1 : 0)
            }
            let (a, b) = (order(keyed[fields.first.list]), order(keyed[fields.second.list]))
            // A list with no order of its own (customers, products) is no ladder's levels.
            var readings: [(levels: (field: String, list: Int), skills: (field: String, list: Int))] = []
            if a >= b, a > 0 { readings.append((fields.first, fields.second)) }
            if b >= a, b > 0 { readings.append((fields.second, fields.first)) }
            for reading in readings {
                let levels = keyed[reading.levels.list], skills = keyed[reading.skills.list]
                var texts: [String: [String: [String]]] = [:]
                for record in records {
                    guard let level = record[reading.levels.field]?.scalarText, let skill = record[reading.skills.field]?.scalarText,
                          let text = longestText(record, besides: [reading.levels.field, reading.skills.field]) else { continue }
                    texts[level, default: [:]][skill, default: []].append(text)
                }
                let made = levels.keys.compactMap { key -> Level? in
                    guard let bySkill = texts[key] else { return nil }
                    let named = skills.keys.compactMap { skill in bySkill[skill].map { (name: skills.names[skill] ?? skill, texts: $0) } }
                    return Level(label: levels.names[key] ?? key, line: levels.line, skills: named)
                }
                if made.count >= 2 { out.append(weigh(made, title: title)) }
            }
        }
        return out
    }

    /// Every keyed list of the data and every collection of records (a list of records, or a map whose
    /// values are all records), to depth 2.
    static func recordLists(_ root: YAMLMap) -> (keyed: [KeyedList], collections: [[YAMLMap]]) {
        var keyed: [KeyedList] = []
        var collections: [[YAMLMap]] = []
        func visit(_ map: YAMLMap, depth: Int) {
            // A map whose values are all records is a collection too (`{"6a4d…": {competency: …}, …}`).
            let values = map.entries.compactMap { if case .map(let m) = $0.value { m } else { nil } }
            if values.count >= 3, values.count == map.entries.count { collections.append(values) }
            for entry in map.entries {
                switch entry.value {
                case .list(let items) where items.count >= 2:
                    let records = items.compactMap { if case .map(let m) = $0 { m } else { nil } }
                    guard records.count == items.count else { continue }
                    collections.append(records)
                    if let list = keyedList(records, line: entry.keyLocation.line) { keyed.append(list) }
                case .map(let inner) where depth < 2:
                    visit(inner, depth: depth + 1)
                default: break
                }
            }
        }
        visit(root, depth: 0)
        return (keyed, collections)
    }

    /// The list's key field (the first whose values are distinct short texts) and each record's name.
    static func keyedList(_ records: [YAMLMap], line: Int) -> KeyedList? {
        guard let first = records.first else { return nil }
        for field in first.entries.map(\.key) {
            let keys = records.compactMap { $0[field]?.scalarText }
            guard keys.count == records.count, Set(keys).count == keys.count,
                  keys.allSatisfy({ !$0.isEmpty && $0.count <= 80 && !$0.contains("\n") }) else { continue }
            var names: [String: String] = [:]
            for (key, record) in zip(keys, records) { names[key] = label(of: record, skipping: field) ?? key }
            let numbered = first.entries.contains { entry in
                // A script's numbers are read as their text (`value: 3`).
                let numbers = records.compactMap { record -> Int? in
                    if case .bool? = record[entry.key] { return nil }
                    return record[entry.key]?.scalarText.flatMap { Int($0) }
                }
                return numbers.count == records.count && zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
            }
            return KeyedList(keys: keys, names: names, line: line, numbered: numbered)
        }
        return nil
    }

    /// Two fields of the records whose every value is a key of a list, of two different lists.
    static func references(_ records: [YAMLMap], keyed: [KeyedList]) -> (first: (field: String, list: Int), second: (field: String, list: Int))? {
        guard let sample = records.first else { return nil }
        var found: [(field: String, list: Int)] = []
        for field in sample.entries.map(\.key) {
            let values = Set(records.compactMap { $0[field]?.scalarText })
            // A level or a competency holds several expectations: a field with no value twice is the records' own.
            guard !values.isEmpty, values.count < records.count, records.allSatisfy({ $0[field]?.scalarText != nil }) else { continue }
            if let list = keyed.indices.first(where: { values.isSubset(of: keyed[$0].keys) }), !found.contains(where: { $0.list == list }) {
                found.append((field, list))
            }
        }
        return found.count == 2 ? (found[0], found[1]) : nil
    }

    /// A record's longest text field besides `fields`, when it reads as a sentence (a description).
    static func longestText(_ record: YAMLMap, besides fields: Set<String>) -> String? {
        let texts = record.entries.filter { !fields.contains($0.key) }.compactMap { entry -> String? in
            if case .string(let text) = entry.value { return text }
            return nil
        }
        guard let best = texts.max(by: { $0.count < $1.count }), best.split(separator: " ").count >= 3 else { return nil }
        return best
    }
}
