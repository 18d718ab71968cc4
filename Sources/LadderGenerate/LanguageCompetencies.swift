import LadderCore
import LadderModel

/// A translated level is the same level, and its sections the same competencies: "Wirkung" in the German
/// L3 is the English "Impact". Sections of a translated level are matched to those of the default
/// language's level of the same track and id, in order, so each competency keeps its id (its URL, its
/// criteria's scope) in every language and shows the translated name.
enum LanguageCompetencies {
    /// `model` (a translated language's) with its competencies those of `original` (the default
    /// language's), named as the translation names them. Returns the warnings of the ladder's checks
    /// that the model stage gave before (one competency seen as two), and those it gives now.
    static func align(_ model: inout SiteModel, with original: SiteModel) -> (before: Set<Diagnostic>, after: [Diagnostic]) {
        let before = Set(model.tracks.flatMap { LadderLint.warnings(for: $0, config: model.config, pages: model.pages) })
        for t in model.tracks.indices {
            guard let source = original.tracks.first(where: { $0.id == model.tracks[t].id }) else { continue }
            var idFor: [String: String] = [:]
            var nameFor: [String: String] = [:]
            for level in model.tracks[t].levels {
                guard let match = source.levels.first(where: { $0.id == level.id }) else { continue }
                for (translated, sourceSection) in zip(level.sections, match.sections) where idFor[translated.competencyID] == nil {
                    idFor[translated.competencyID] = sourceSection.competencyID
                    if translated.competencyID != sourceSection.competencyID { nameFor[sourceSection.competencyID] = translated.name }
                }
            }
            guard !nameFor.isEmpty else { continue }
            var track = model.tracks[t]
            for l in track.levels.indices {
                let match = source.levels.first { $0.id == track.levels[l].id }
                for s in track.levels[l].sections.indices {
                    let id = track.levels[l].sections[s].competencyID
                    track.levels[l].sections[s].competencyID = idFor[id] ?? id
                    // The section keeps the original's anchor too (`#impact`, not `#wirkung`): links to it from
                    // pages shown untranslated still land, and a section's URL is the same in every language.
                    if let match, s < match.sections.count {
                        track.levels[l].sections[s].anchor = match.sections[s].anchor
                        model.anchors[track.levels[l].pageIndex].insert(match.sections[s].anchor)
                    }
                }
            }
            // The default language's order, with the translated names; a competency only the translation has stays last.
            let present = Set(track.levels.flatMap { $0.sections.map(\.competencyID) })
            var competencies = source.competencies.filter { present.contains($0.id) }.map { competency in
                var named = competency
                if let name = nameFor[competency.id] { named.name = name }
                return named
            }
            let listed = Set(competencies.map(\.id))
            competencies += track.competencies.filter { !listed.contains($0.id) && present.contains($0.id) }
            track.competencies = competencies
            model.tracks[t] = track
        }
        let after = model.tracks.flatMap { LadderLint.warnings(for: $0, config: model.config, pages: model.pages) }
        return (before, after)
    }
}

extension LanguageCompetencies {
    /// A track named in site.yml is named in the default language; a translated overview page of the
    /// track (`engineering/index.de.md`) names it in its own.
    static func nameTracks(_ model: inout SiteModel, untranslated: Set<String>) {
        for t in model.tracks.indices {
            guard let intro = model.tracks[t].introPageIndex, !untranslated.contains(model.pages[intro].source.contentPath),
                  model.pages[intro].source.frontMatter["title"] != nil else { continue }
            model.tracks[t].title = model.pages[intro].title
        }
    }
}

/// A criterion keeps its id in every language, so a self-assessment shared in German opens with the same
/// ticks on the English page: a translated level's criteria take the ids of the original level's, competency
/// by competency, in order (a criterion the translation adds keeps its own).
extension LevelCriteria {
    /// The original level's criterion ids, by competency id (`SiteLanguages.originalCriteria`).
    func sameIDs(as original: [String: [String]]) -> LevelCriteria {
        var out = self
        var anchors: [String: String] = [:]
        for c in out.competencies.indices {
            guard let ids = original[out.competencies[c].competencyID] else { continue }
            for n in out.competencies[c].criteria.indices where n < ids.count {
                let old = out.competencies[c].criteria[n]
                guard old.id != ids[n] else { continue }
                out.competencies[c].criteria[n].id = ids[n]
                // A list item's anchor is made of its id; a sentence of prose has its section's.
                if old.anchor == LevelCriteria.anchor(for: old.id) {
                    let anchor = LevelCriteria.anchor(for: ids[n])
                    anchors[old.anchor] = anchor
                    out.competencies[c].criteria[n].anchor = anchor
                }
            }
        }
        guard !anchors.isEmpty else { return out }
        out.itemIDs = out.itemIDs.mapValues { ids in ids.map { $0.map { anchors[$0] ?? $0 } } }
        return out
    }

    /// Each competency's criterion ids, in order: what a translation's criteria take (`sameIDs(as:)`).
    var idsByCompetency: [String: [String]] {
        Dictionary(competencies.map { ($0.competencyID, $0.criteria.map(\.id)) }, uniquingKeysWith: { a, b in a + b })
    }
}
