import LadderCore
import LadderMarkdown
import LadderModel

/// Criteria with their ids, read from the rendered level pages: what the level pages' permalinks, the
/// assess pages and the ladder as data share.
extension PageWriter {
    func criteria(of level: Level) -> LevelCriteria {
        LevelCriteria.of(level, in: documents[level.pageIndex], given: model.pages[level.pageIndex].source.criterionIDs)
    }

    /// A track's "All levels" criteria, shown on each of its level pages.
    func sharedCriteria(of track: Track) -> LevelCriteria? {
        track.shared.map { LevelCriteria.shared($0, of: track, in: documents[$0.pageIndex], given: model.pages[$0.pageIndex].source.criterionIDs) }
    }

    /// `/engineering/l3/#c-1a2b3c4d`, with the base path.
    func criterionURL(_ criterion: Criterion, of level: Level) -> String {
        href(level.url) + "#" + criterion.anchor
    }
}
