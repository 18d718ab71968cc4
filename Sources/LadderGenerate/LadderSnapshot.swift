import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel

/// Every level's criteria (ids, texts, examples, anchors) at one version of a site: what `ladder diff`
/// and `/changes/` compare between two versions (`LadderChanges`), and what criterion id aliases are
/// made from.
public struct LadderSnapshot: Sendable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var text: String
        /// On the level page: `c-<id>`, or the section's anchor for a sentence of prose.
        public var anchor: String
        /// The items of its nested list: an item whose examples change is reworded, with no word changed.
        public var examples: [String] = []
    }

    public struct Group: Sendable, Hashable {
        public var competencyID: String
        public var name: String
        public var criteria: [Criterion]
    }

    public struct Level: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The level page's path (`/engineering/l3/`), without the base path.
        public var url: String
        public var groups: [Group]
    }

    public struct Track: Sendable, Hashable {
        public var id: String
        public var title: String
        public var levels: [Level]
        /// The ids of the track's competencies, in its order (its matrix rows).
        public var competencies: [String] = []
    }

    public var tracks: [Track]

    /// The level a track's "All levels" criteria are kept under (`LevelCriteria.shared`): they are shown
    /// on every level page, so they are compared, and get aliases, as a level of their own.
    public static let sharedLevelID = LevelCriteria.sharedID

    /// The criteria of a built model, read as its level pages read them, each level's competencies in
    /// the track's order and named as the track names them (as its matrix and comparisons show them). A
    /// level with no competency sections (prose, or a list item of a one-page ladder) has one group,
    /// "Expectations" (id ""), of its whole text's items and sentences, as its comparisons read it; they
    /// have no ids.
    static func of(model: SiteModel, documents: [RenderedDocument]) -> LadderSnapshot {
        LadderSnapshot(tracks: model.tracks.map { track in
            let position = Dictionary(track.competencies.enumerated().map { ($1.id, ($0, $1.name)) }, uniquingKeysWith: { first, _ in first })
            func groups(_ criteria: LevelCriteria) -> [Group] {
                let groups = criteria.competencies.map { group in
                    Group(competencyID: group.competencyID, name: position[group.competencyID]?.1 ?? group.name,
                          criteria: group.criteria.map { Criterion(id: $0.id, text: $0.text, anchor: $0.anchor, examples: $0.examples) })
                }
                // A stable sort: competencies the track does not list keep their order, after the others.
                return groups.enumerated().sorted {
                    (position[$0.element.competencyID]?.0 ?? Int.max, $0.offset) < (position[$1.element.competencyID]?.0 ?? Int.max, $1.offset)
                }.map(\.element)
            }
            var levels = track.levels.map { level in
                Level(id: level.id, title: level.title, url: level.url,
                      groups: level.sections.isEmpty ? proseGroups(level, model: model, documents: documents)
                          : groups(LevelCriteria.of(level, in: documents[level.pageIndex],
                                                    given: model.givenCriterionIDs(level.pageIndex))))
            }
            if let shared = track.shared, let first = track.levels.first {
                let criteria = LevelCriteria.shared(shared, of: track, in: documents[shared.pageIndex],
                                                    given: model.givenCriterionIDs(shared.pageIndex))
                levels.append(Level(id: sharedLevelID, title: "At every level", url: first.url, groups: groups(criteria)))
            }
            return Track(id: track.id, title: track.title, levels: levels, competencies: track.competencies.map(\.id))
        })
    }

    /// A level without competency sections: its whole text as the comparisons' one row reads it.
    static func proseGroups(_ level: LadderModel.Level, model: SiteModel, documents: [RenderedDocument]) -> [Group] {
        let row = PageWriter.proseRow
        guard let section = PageWriter.expectations(of: level, model: model, documents: documents, aligned: false)[row.id] else { return [] }
        let criteria = section.texts.enumerated().map { n, text in
            Criterion(id: "", text: text, anchor: section.anchor, examples: n < section.examples.count ? section.examples[n] : [])
        }
        return [Group(competencyID: row.id, name: row.name, criteria: criteria)]
    }

    /// Reads the site in `options.siteFolder` through the build's stages up to rendered Markdown.
    public static func read(_ options: BuildOptions) throws(BuildFailure) -> LadderSnapshot {
        let run = BuildRun(options: options, memo: nil)
        var content = try run.stage("load", run.loadContent())
        // A site in several languages: the ladder's history is its default language's.
        if content.config.languages.count > 1, let original = LanguageContent.split(content).0.first { content = original.content }
        let templates = try run.stage("theme", run.loadTheme())
        let (ladder, bodies) = try run.stage("model", run.modelLadder(consume content))
        let model = try run.stage("layouts", run.checkLayouts(consume ladder, templates: templates))
        let urls = try run.stage("urls", run.siteURLs(model, templates: templates))
        let documents = try run.stage("markdown", run.renderMarkdown(model, bodies: consume bodies, urls: urls))
        return of(model: model, documents: documents)
    }
}
