import LadderMarkdown
import LadderModel

/// How much of a language is translated, track by track, as `ladder check` reports it: levels, and the
/// criteria of the levels that are (a level is translated as a whole, by its page).
enum LanguageCompleteness {
    static func lines(language: String, model: SiteModel, documents: [RenderedDocument], untranslated: Set<String>) -> [String] {
        var lines: [String] = []
        for track in model.tracks where !track.levels.isEmpty {
            var levels = 0, criteria = 0, allCriteria = 0
            var missing: [String] = []
            for level in track.levels {
                let count = LevelCriteria.of(level, in: documents[level.pageIndex], given: model.givenCriterionIDs(level.pageIndex))
                    .competencies.reduce(0) { $0 + $1.criteria.count }
                allCriteria += count
                if untranslated.contains(model.pages[level.pageIndex].source.contentPath) {
                    missing.append(level.id)
                } else {
                    levels += 1
                    criteria += count
                }
            }
            var line = "\(language): \(track.id): \(levels) of \(track.levels.count) levels translated"
            // Levels written as prose have no criteria to count.
            if allCriteria > 0 { line += ", \(criteria) of \(allCriteria) criteria (\(criteria * 100 / allCriteria)%)" }
            if !missing.isEmpty { line += "; shown in the default language: \(missing.joined(separator: ", "))" }
            lines.append(line)
        }
        return lines
    }
}
