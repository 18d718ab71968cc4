import LadderDiff

/// What changed in a ladder from one version to the next, per track, level and competency: criteria
/// reworded (paired by `Alignment`, with their words), added and removed, and how many of each kind
/// (unchanged too). Levels are matched by track and level id, competencies by id. A level only in the
/// newer version has every criterion added; one only in the older, every one removed. The one walk
/// both `ladder diff` and `/changes/` (with the criterion id aliases, `LadderHistory`) read.
public struct LadderChanges: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `words` turn the older text into the newer one. A criterion with the same text and other
        /// examples is reworded with no word changed, as the comparison pages show it.
        case reworded(words: [WordRun])
        case added
        case removed
    }

    public struct Item: Sendable, Hashable {
        public var kind: Kind
        /// The older criterion (reworded and removed).
        public var old: LadderSnapshot.Criterion?
        /// The newer criterion (reworded and added).
        public var new: LadderSnapshot.Criterion?
    }

    public struct Competency: Sendable, Hashable {
        public var id: String
        public var name: String
        /// Every criterion of the competency counted: unchanged, reworded, new (added) and no longer
        /// listed (removed).
        public var counts: Alignment.Counts
        /// The newer version's reworded and added criteria in its order, then the removed ones.
        public var items: [Item]
    }

    public enum Status: String, Sendable, Hashable { case changed, added, removed }

    public struct Level: Sendable, Hashable {
        public var trackID: String
        public var trackTitle: String
        public var id: String
        public var title: String
        public var status: Status
        /// Competencies with a change: the newer level's in its order, then those it no longer has.
        public var competencies: [Competency]
    }

    /// Levels with a change: the newer version's tracks and levels in order, then those it no longer has.
    public var levels: [Level]
    /// Per track and level (`track\nlevel`): the newer id of each criterion paired with an older one
    /// whose id differs (reworded, or the same words re-cased) → the older id.
    public var renamed: [String: [String: String]]

    public var isEmpty: Bool { levels.isEmpty }

    public init(from old: LadderSnapshot, to new: LadderSnapshot) {
        var levels: [Level] = []
        var renamed: [String: [String: String]] = [:]
        let oldTracks = Dictionary(old.tracks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newTrackIDs = Set(new.tracks.map(\.id))
        for track in new.tracks {
            let before = oldTracks[track.id]
            let oldLevels = Dictionary((before?.levels ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let order = Self.order(track.competencies, before?.competencies ?? [])
            for level in track.levels {
                let previous = oldLevels[level.id]
                let (change, pairs) = Self.level(track, level.id, level.title, previous == nil ? .added : .changed,
                                                 order: order, old: previous?.groups ?? [], new: level.groups)
                if let change { levels.append(change) }
                if !pairs.isEmpty { renamed[track.id + "\n" + level.id] = pairs }
            }
            let kept = Set(track.levels.map(\.id))
            for level in before?.levels ?? [] where !kept.contains(level.id) {
                if let change = Self.level(track, level.id, level.title, .removed, order: order, old: level.groups, new: []).0 {
                    levels.append(change)
                }
            }
        }
        for track in old.tracks where !newTrackIDs.contains(track.id) {
            let order = Self.order(track.competencies, [])
            for level in track.levels {
                if let change = Self.level(track, level.id, level.title, .removed, order: order, old: level.groups, new: []).0 {
                    levels.append(change)
                }
            }
        }
        self.levels = levels
        self.renamed = renamed
    }

    /// Each competency's place: the newer track's competencies in order, then the older track's others.
    static func order(_ new: [String], _ old: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for id in new + old where out[id] == nil { out[id] = out.count }
        return out
    }

    /// One level's changes (nil when none) and its criteria whose id changed (newer id → older id).
    static func level(_ track: LadderSnapshot.Track, _ id: String, _ title: String, _ status: Status, order: [String: Int],
                      old: [LadderSnapshot.Group], new: [LadderSnapshot.Group]) -> (Level?, [String: String]) {
        let oldGroups = Dictionary(old.map { ($0.competencyID, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.competencyID))
        // The newer competencies, then the older ones the newer level no longer has, in the tracks' order
        // (`order`; those neither track lists after the others, as they come).
        let rows = (new.map { ($0.competencyID, $0.name, oldGroups[$0.competencyID]?.criteria ?? [], $0.criteria) }
            + old.filter { !newIDs.contains($0.competencyID) }.map { ($0.competencyID, $0.name, $0.criteria, [LadderSnapshot.Criterion]()) })
            .enumerated().sorted { (order[$0.element.0] ?? Int.max, $0.offset) < (order[$1.element.0] ?? Int.max, $1.offset) }
            .map(\.element)
        var competencies: [Competency] = []
        var renamed: [String: String] = [:]
        for (competencyID, name, before, after) in rows {
            let alignment = Alignment(lower: before.map(\.text), higher: after.map(\.text))
            var counts = alignment.counts
            var items: [Item] = []
            for (n, change) in alignment.higher.enumerated() {
                let criterion = after[n]
                switch change {
                case .new:
                    items.append(Item(kind: .added, old: nil, new: criterion))
                case .unchanged(let i):
                    if before[i].id != criterion.id { renamed[criterion.id] = before[i].id }
                    // The same text with other examples (white space aside): reworded, with no word changed.
                    if Set(before[i].examples.map(Alignment.spaced)) != Set(criterion.examples.map(Alignment.spaced)) {
                        counts.unchanged -= 1
                        counts.reworded += 1
                        items.append(Item(kind: .reworded(words: WordDiff.runs(from: before[i].text, to: criterion.text)),
                                          old: before[i], new: criterion))
                    }
                case .reworded(let i):
                    if before[i].id != criterion.id { renamed[criterion.id] = before[i].id }
                    items.append(Item(kind: .reworded(words: WordDiff.runs(from: before[i].text, to: criterion.text)),
                                      old: before[i], new: criterion))
                }
            }
            for i in alignment.noLongerListed { items.append(Item(kind: .removed, old: before[i], new: nil)) }
            if !items.isEmpty { competencies.append(Competency(id: competencyID, name: name, counts: counts, items: items)) }
        }
        guard !competencies.isEmpty || status != .changed else { return (nil, renamed) }
        return (Level(trackID: track.id, trackTitle: track.title, id: id, title: title, status: status,
                      competencies: competencies), renamed)
    }
}
