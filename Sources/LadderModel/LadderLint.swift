import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Likely mistakes in a track that still build: reported as warnings by `build` and `check`.
package enum LadderLint {
    package static func warnings(for track: Track, config: SiteConfig, pages: [Page]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let levels = track.levels
        // Data in Monzo's shape has no place for a level summary: its absence there is not a mistake.
        for level in levels where level.summary.isEmpty && !pages[level.pageIndex].isDataTrack
            && pages[level.pageIndex].recognised == nil && pages[level.pageIndex].source.folderLadder == nil {
            out.append(.warning(level.location, "level \(level.id) has no summary (add 'summary:' or an opening paragraph)"))
        }
        let competencySets = levels.map { Set($0.sections.map(\.competencyID)) }
        // Looked up by id: a table of 50,000 rows is 50,000 competencies, so no search of the list per name.
        var names: [String: String] = [:]
        for competency in track.competencies where names[competency.id] == nil { names[competency.id] = competency.name }
        // A gap: both neighbours have the competency, this level does not.
        if levels.count >= 3 {
            for i in 1..<(levels.count - 1) {
                let shared = competencySets[i - 1].intersection(competencySets[i + 1]).subtracting(competencySets[i])
                for id in shared.sorted() {
                    let name = names[id] ?? id
                    out.append(.warning(levels[i].location,
                        "level \(levels[i].id) has no '\(name)' section, though \(levels[i - 1].id) and \(levels[i + 1].id) do"))
                }
            }
        }
        // A name used once in a track of several levels, and not declared in site.yml: probably a typo.
        let declared = Set(config.competencies.map { Slug.id($0.name) })
        if levels.filter({ !$0.sections.isEmpty }).count >= 3 {
            // How many levels hold each competency, and the first that does (with its section's name).
            var holders: [String: (count: Int, level: Int, name: String)] = [:]
            for (n, level) in levels.enumerated() {
                for section in level.sections where competencySets[n].contains(section.competencyID) {
                    if let known = holders[section.competencyID] {
                        if known.level != n { holders[section.competencyID] = (known.count + 1, known.level, known.name) }
                    } else {
                        holders[section.competencyID] = (1, n, section.name)
                    }
                }
            }
            for competency in track.competencies where !declared.contains(competency.id) {
                if let holder = holders[competency.id], holder.count == 1 {
                    let level = levels[holder.level]
                    out.append(.warning(level.location,
                        "competency '\(holder.name)' appears only in \(level.id) of track '\(track.id)' (a typo?)"))
                }
            }
        }
        return out
    }
}
