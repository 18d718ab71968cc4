import Foundation

/// The ladder's history (`history:` in site.yml): each version listed (a git tag, and the working tree as
/// "Unreleased" when its ladder differs from the last tag's) with its date and what changed from the
/// version before, and, for the criteria of this build, the ids they had in earlier versions.
public struct LadderHistory: Sendable {
    public struct Version: Sendable {
        /// The tag, or "Unreleased" for the working tree.
        public var name: String
        public var isTag: Bool
        /// The tag's commit date, `2026-03-14`; nil for the working tree.
        public var date: String?
        /// What changed from the version before; nil for the oldest version listed.
        public var changes: LadderChanges?
        /// How many tracks and levels the version has.
        public var tracks: Int
        public var levels: Int
    }

    /// Oldest first.
    public var versions: [Version]
    /// Per track and level (`track\nlevel`), per criterion id of this build: its ids in earlier versions,
    /// newest first.
    public var aliases: [String: [String: [String]]]

    /// The earlier ids of a criterion of this build.
    public func aliases(track: String, level: String, id: String) -> [String] {
        aliases[track + "\n" + level]?[id] ?? []
    }

    /// Every earlier id of a level's criteria → the criterion of this build it became.
    public func aliasTargets(track: String, level: String) -> [String: String] {
        var out: [String: String] = [:]
        let map = aliases[track + "\n" + level] ?? [:]
        // In id order, so that should two criteria ever claim one earlier id, every build picks the same.
        for id in map.keys.sorted() { for old in map[id]! where out[old] == nil { out[old] = id } }
        return out
    }

    /// `snapshots`: each tag's ladder, oldest first, with its name and date; `current`: this build's.
    public init(tags: [(name: String, date: String, snapshot: LadderSnapshot)], current: LadderSnapshot) {
        var versions: [Version] = []
        var aliases: [String: [String: [String]]] = [:]
        var previous: LadderSnapshot?
        func counts(_ snapshot: LadderSnapshot) -> (Int, Int) {
            (snapshot.tracks.count, snapshot.tracks.reduce(0) { $0 + $1.levels.filter { $0.id != LadderSnapshot.sharedLevelID }.count })
        }
        /// Carries each criterion's earlier ids over to the newer version: its own older id first.
        func carry(_ changes: LadderChanges, to snapshot: LadderSnapshot) {
            var next: [String: [String: [String]]] = [:]
            for track in snapshot.tracks {
                for level in track.levels {
                    let key = track.id + "\n" + level.id
                    let renamed = changes.renamed[key] ?? [:]
                    let current = Set(level.groups.flatMap { $0.criteria.map(\.id) })
                    var map: [String: [String]] = [:]
                    for id in current {
                        var olds: [String] = []
                        let older = renamed[id] ?? id
                        if older != id { olds.append(older) }
                        olds += aliases[key]?[older] ?? []
                        // An id a criterion of this version still has is no alias.
                        var seen: Set<String> = []
                        olds = olds.filter { !current.contains($0) && seen.insert($0).inserted }
                        if !olds.isEmpty { map[id] = olds }
                    }
                    if !map.isEmpty { next[key] = map }
                }
            }
            aliases = next
        }
        for tag in tags {
            let changes = previous.map { LadderChanges(from: $0, to: tag.snapshot) }
            if let changes { carry(changes, to: tag.snapshot) }
            let (t, l) = counts(tag.snapshot)
            versions.append(Version(name: tag.name, isTag: true, date: tag.date, changes: changes, tracks: t, levels: l))
            previous = tag.snapshot
        }
        if let last = previous {
            let changes = LadderChanges(from: last, to: current)
            carry(changes, to: current)
            if !changes.isEmpty {
                let (t, l) = counts(current)
                versions.append(Version(name: "Unreleased", isTag: false, date: nil, changes: changes, tracks: t, levels: l))
            }
        }
        self.versions = versions
        self.aliases = aliases
    }

    /// A hash of the aliases: what the assess pages and `ladder.json` read of the history.
    var aliasFingerprint: Int {
        var h = Hasher()
        for key in aliases.keys.sorted() {
            h.combine(key)
            for id in aliases[key]!.keys.sorted() { h.combine(id); h.combine(aliases[key]![id]!) }
        }
        return h.finalize()
    }

    /// A hash of everything `/changes/` shows.
    var fingerprint: Int {
        var h = Hasher()
        h.combine(aliasFingerprint)
        for version in versions {
            h.combine(version.name); h.combine(version.date); h.combine(version.tracks); h.combine(version.levels)
            h.combine(version.changes?.levels)
        }
        return h.finalize()
    }
}
