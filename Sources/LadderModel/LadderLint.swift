import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Likely mistakes in a track that still build: reported as warnings by `build` and `check`.
package enum LadderLint {
    static func warnings(for track: Track, config: SiteConfig, pages: [Page]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let levels = track.levels
        // Data in Monzo's shape has no place for a level summary: its absence there is not a mistake.
        for level in levels where level.summary.isEmpty && !pages[level.pageIndex].isDataTrack
            && pages[level.pageIndex].recognised == nil && pages[level.pageIndex].source.folderLadder == nil {
            out.append(.warning(level.location, "level \(level.id) has no summary (add 'summary:' or an opening paragraph)"))
        }
        let competencySets = levels.map { Set($0.sections.map(\.competencyID)) }
        // A gap: both neighbours have the competency, this level does not.
        if levels.count >= 3 {
            for i in 1..<(levels.count - 1) {
                let shared = competencySets[i - 1].intersection(competencySets[i + 1]).subtracting(competencySets[i])
                for id in shared.sorted() {
                    let name = track.competencies.first { $0.id == id }?.name ?? id
                    out.append(.warning(levels[i].location,
                        "level \(levels[i].id) has no '\(name)' section, though \(levels[i - 1].id) and \(levels[i + 1].id) do"))
                }
            }
        }
        // A name used once in a track of several levels, and not declared in site.yml: probably a typo.
        let declared = Set(config.competencies.map { Slug.id($0.name) })
        if levels.filter({ !$0.sections.isEmpty }).count >= 3 {
            for competency in track.competencies where !declared.contains(competency.id) {
                let holders = levels.filter { $0.sections.contains { $0.competencyID == competency.id } }
                if holders.count == 1, let level = holders.first,
                   let section = level.sections.first(where: { $0.competencyID == competency.id }) {
                    out.append(.warning(level.location,
                        "competency '\(section.name)' appears only in \(level.id) of track '\(track.id)' (a typo?)"))
                }
            }
        }
        return out
    }
}
