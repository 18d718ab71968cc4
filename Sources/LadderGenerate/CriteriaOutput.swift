import Foundation
import LadderCore
import LadderMarkdown
import LadderModel

/// Criteria with their ids, read from the rendered level pages: what the level pages' permalinks, the
/// assess pages and the ladder as data share.
extension PageWriter {
    /// Read once a build: a level page, its assess page, the previous level's assess page and
    /// `ladder.json` all ask, and reading was a sixth of a 10,000-level build's CPU when each read again.
    func criteria(of level: Level) -> LevelCriteria {
        criteriaCache.value(track: level.trackID, key: "\(level.pageIndex)\n\(level.id)") {
            let read = LevelCriteria.of(level, in: documents[level.pageIndex], given: model.givenCriterionIDs(level.pageIndex))
            // In a translation, the ids of the original level's criteria.
            guard let original = languages?.originalCriteria["\(level.trackID)\n\(level.id)"] else { return read }
            return read.sameIDs(as: original)
        }
    }

    /// A track's "All levels" criteria, shown on each of its level pages.
    func sharedCriteria(of track: Track) -> LevelCriteria? {
        guard let shared = track.shared else { return nil }
        return criteriaCache.value(track: track.id, key: "shared") {
            let read = LevelCriteria.shared(shared, of: track, in: documents[shared.pageIndex], given: model.givenCriterionIDs(shared.pageIndex))
            guard let original = languages?.originalCriteria["\(track.id)\n"] else { return read }
            return read.sameIDs(as: original)
        }
    }

    /// `/engineering/l3/#c-1a2b3c4d`, with the base path.
    func criterionURL(_ criterion: Criterion, of level: Level) -> String {
        href(level.url) + "#" + criterion.anchor
    }
}

/// What each level's pages share (its criteria, its expectations as comparisons read them), by track
/// and then by key, read the first time a page asks and kept until the pages are past the level's
/// track (`forget`). Pages render on every core, hence the lock; two threads that ask at once both
/// read, and get the same.
final class TrackCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var byTrack: [String: [String: Value]] = [:]

    func value(track: String, key: String, read: () -> Value) -> Value {
        if let known = lock.withLock({ byTrack[track]?[key] }) { return known }
        let made = read()
        lock.withLock { byTrack[track, default: [:]][key] = made }
        return made
    }

    /// Lets go of these tracks' values. Asked for again, they are read again, and are the same.
    func forget(tracks: some Sequence<String>) {
        lock.withLock { for track in tracks { byTrack[track] = nil } }
    }
}
