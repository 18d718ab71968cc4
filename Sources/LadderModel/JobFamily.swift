import LadderCore
import LadderLoad
import LadderMarkdown

/// A job family as the Financial Times' engineering-progression keeps it, one YAML file per family:
///
/// ```yaml
/// name: Engineering
/// summary: What the family is for.
/// isLegacy: true                 # optional: shown on every page of the track
/// levels: [{id: senior, name: Senior Engineer}, …]          # in order
/// themes: [{id: delivery, name: Delivery, summary: …}, …]    # the competencies
/// competencies:                  # one criterion each
///   - {id: 3169d3f9-…, level: senior, theme: delivery, summary: …, proficiency: Practitioner, examples: [...]}
/// ```
///
/// Like other data tracks it is read into typed levels (`DataTrack.Reading`): a level per `levels` entry
/// (its `id` kept as the level's id), a competency per theme, a criterion per entry.
package enum JobFamily {
    static func isJobFamily(_ fm: FrontMatter) -> Bool {
        guard case .list(let levels)? = fm["levels"], case .list(let competencies)? = fm["competencies"],
              !levels.isEmpty else { return false }
        let levelsHaveIDs = levels.allSatisfy { if case .map(let m) = $0 { m["id"] != nil } else { false } }
        let competenciesHaveLevels = competencies.allSatisfy {
            if case .map(let m) = $0 { m["level"] != nil && m["theme"] != nil } else { false }
        }
        return levelsHaveIDs && competenciesHaveLevels
    }

    /// The family's title: `name`, marked when the family is legacy.
    static func title(_ fm: FrontMatter) throws(Diagnostic) -> String? {
        let title = try fm.string("title")
        guard let name = try fm.string("name") ?? title else { return nil }
        return try fm.bool("isLegacy") == true ? name + " (legacy)" : name
    }

    /// The family's levels, typed: a level per `levels` entry (its `id` kept as the level's id), a competency
    /// per theme, a criterion per entry; the notice of a legacy family and its summary above them.
    static func reading(of source: PageSource) throws(Diagnostic) -> DataTrack.Reading {
        let fm = source.frontMatter
        var reading = DataTrack.Reading(levels: [])
        if try fm.bool("isLegacy") == true {
            reading.introduction.append(.texts(["This job family is legacy: kept for reference, no longer used for new reviews."]))
        }
        if let summary = try fm.string("summary"), !summary.isEmpty {
            reading.introduction.append(.paragraphs(MarkdownFragment(markdown: summary, line: fm.keyLocation("summary").line)))
        }
        guard case .list(let levelItems)? = fm["levels"], case .list(let competencyItems)? = fm["competencies"] else {
            return reading
        }
        var levels: [(id: String, name: String, line: Int)] = []
        for item in levelItems {
            guard case .map(let map) = item, let id = map.entry("id") else { continue }
            let f = FrontMatter(map: map, location: id.keyLocation)
            guard let idText = try f.string("id"), !idText.isEmpty else {
                throw .error(id.keyLocation, "a level of a job family needs an 'id'")
            }
            levels.append((idText, try f.string("name") ?? idText, id.keyLocation.line))
        }
        var themes: [(id: String, name: String)] = []
        var themeIDs: Set<String> = []
        if case .list(let themeItems)? = fm["themes"] {
            for item in themeItems {
                guard case .map(let map) = item, let id = map.entry("id")?.value.scalarText else { continue }
                themes.append((id, map["name"]?.scalarText ?? id))
                themeIDs.insert(id)
            }
        }
        // Competencies by level and theme, in the order written; a theme not listed is added after the others.
        var cells: [String: [String: [(DataTrack.Item, line: Int)]]] = [:]
        let levelIDs = Set(levels.map(\.id))
        for item in competencyItems {
            guard case .map(let map) = item, let levelEntry = map.entry("level") else { continue }
            let f = FrontMatter(map: map, location: levelEntry.keyLocation)
            let level = try f.string("level") ?? ""
            let theme = try f.string("theme") ?? ""
            guard levelIDs.contains(level) else {
                throw .error(levelEntry.valueLocation, "competency names level '\(level)', which 'levels' does not list")
            }
            if themeIDs.insert(theme).inserted { themes.append((theme, theme)) }
            var text = try f.string("summary") ?? ""
            while text.hasSuffix("\n") { text.removeLast() }
            if let proficiency = try f.string("proficiency"), !proficiency.isEmpty { text += " *(\(proficiency))*" }
            let examples = try f.stringList("examples")
            cells[level, default: [:]][theme, default: []].append((DataTrack.Item(text: text, examples: examples, id: map.entry("id")?.value.scalarText,
                                                                                  line: levelEntry.keyLocation.line),
                                                                   levelEntry.keyLocation.line))
        }
        for level in levels {
            let name = DataTrack.oneLine(level.name)
            var typed = DataLevel(id: level.id, title: name, heading: name, line: level.line, isShared: false)
            for theme in themes {
                guard let entries = cells[level.id]?[theme.id], !entries.isEmpty else { continue }
                var section = DataSection(name: DataTrack.oneLine(theme.name), line: entries[0].line)
                section.add(nil, entries.map(\.0), line: entries[0].line)
                typed.sections.append(section)
            }
            reading.levels.append(typed)
        }
        return reading
    }
}
