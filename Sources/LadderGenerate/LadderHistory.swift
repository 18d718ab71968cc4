import Foundation
import LadderCore
import LadderDiff
import LadderLoad
import LadderMarkdown
import LadderModel

/// Every level's criteria (ids, texts, anchors) at one version of a site: what `/changes/` compares
/// between two versions, and what criterion id aliases are made from.
public struct LadderSnapshot: Sendable {
    public struct Criterion: Sendable, Hashable {
        public var id: String
        public var text: String
        /// On the level page: `c-<id>`, or the section's anchor for a sentence of prose.
        public var anchor: String
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
    }

    public var tracks: [Track]

    /// The level a track's "All levels" criteria are kept under (`LevelCriteria.shared`): they are shown
    /// on every level page, so they are compared, and get aliases, as a level of their own.
    public static let sharedLevelID = LevelCriteria.sharedID

    /// The criteria of a built model, read as its level pages read them.
    static func of(model: SiteModel, documents: [RenderedDocument]) -> LadderSnapshot {
        func groups(_ criteria: LevelCriteria) -> [Group] {
            criteria.competencies.map { group in
                Group(competencyID: group.competencyID, name: group.name,
                      criteria: group.criteria.map { Criterion(id: $0.id, text: $0.text, anchor: $0.anchor) })
            }
        }
        return LadderSnapshot(tracks: model.tracks.map { track in
            var levels = track.levels.map { level in
                Level(id: level.id, title: level.title, url: level.url,
                      groups: groups(LevelCriteria.of(level, in: documents[level.pageIndex],
                                                      given: model.givenCriterionIDs(level.pageIndex))))
            }
            if let shared = track.shared, let first = track.levels.first {
                let criteria = LevelCriteria.shared(shared, of: track, in: documents[shared.pageIndex],
                                                    given: model.givenCriterionIDs(shared.pageIndex))
                levels.append(Level(id: sharedLevelID, title: "At every level", url: first.url, groups: groups(criteria)))
            }
            return Track(id: track.id, title: track.title, levels: levels)
        })
    }

    /// Reads the site in `options.siteFolder` through the build's stages up to rendered Markdown.
    static func read(_ options: BuildOptions) throws(BuildFailure) -> LadderSnapshot {
        let run = BuildRun(options: options, memo: nil)
        let content = try run.stage("load", run.loadContent())
        let templates = try run.stage("theme", run.loadTheme())
        let (ladder, bodies) = try run.stage("model", run.modelLadder(consume content))
        let model = try run.stage("layouts", run.checkLayouts(consume ladder, templates: templates))
        let urls = try run.stage("urls", run.siteURLs(model, templates: templates))
        let documents = try run.stage("markdown", run.renderMarkdown(model, bodies: consume bodies, urls: urls))
        return of(model: model, documents: documents)
    }
}

/// What changed in a ladder from one version to the next, per track, level and competency: criteria
/// reworded (paired by `Alignment`, with their words), added and removed. Levels are matched by track
/// and level id, competencies by id.
public struct LadderVersionChanges: Sendable {
    public enum Kind: Sendable, Hashable {
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
        public var items: [Item]
    }

    public enum Status: String, Sendable, Hashable { case changed, added, removed }

    public struct Level: Sendable, Hashable {
        public var trackID: String
        public var trackTitle: String
        public var id: String
        public var title: String
        public var status: Status
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
            for level in track.levels {
                let previous = oldLevels[level.id]
                let (change, pairs) = Self.level(track, level.id, level.title, previous == nil ? .added : .changed,
                                                 old: previous?.groups ?? [], new: level.groups)
                if let change { levels.append(change) }
                if !pairs.isEmpty { renamed[track.id + "\n" + level.id] = pairs }
            }
            let kept = Set(track.levels.map(\.id))
            for level in before?.levels ?? [] where !kept.contains(level.id) {
                if let change = Self.level(track, level.id, level.title, .removed, old: level.groups, new: []).0 { levels.append(change) }
            }
        }
        for track in old.tracks where !newTrackIDs.contains(track.id) {
            for level in track.levels {
                if let change = Self.level(track, level.id, level.title, .removed, old: level.groups, new: []).0 { levels.append(change) }
            }
        }
        self.levels = levels
        self.renamed = renamed
    }

    /// One level's changes (nil when none) and its criteria whose id changed (newer id → older id).
    static func level(_ track: LadderSnapshot.Track, _ id: String, _ title: String, _ status: Status,
                      old: [LadderSnapshot.Group], new: [LadderSnapshot.Group]) -> (Level?, [String: String]) {
        let oldGroups = Dictionary(old.map { ($0.competencyID, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.competencyID))
        // The newer competencies in their order, then the older ones the newer level no longer has.
        let rows = new.map { ($0.competencyID, $0.name, oldGroups[$0.competencyID]?.criteria ?? [], $0.criteria) }
            + old.filter { !newIDs.contains($0.competencyID) }.map { ($0.competencyID, $0.name, $0.criteria, [LadderSnapshot.Criterion]()) }
        var competencies: [Competency] = []
        var renamed: [String: String] = [:]
        for (competencyID, name, before, after) in rows {
            let alignment = Alignment(lower: before.map(\.text), higher: after.map(\.text))
            var items: [Item] = []
            for (n, change) in alignment.higher.enumerated() {
                let criterion = after[n]
                switch change {
                case .new:
                    items.append(Item(kind: .added, old: nil, new: criterion))
                case .unchanged(let i):
                    if before[i].id != criterion.id { renamed[criterion.id] = before[i].id }
                case .reworded(let i):
                    if before[i].id != criterion.id { renamed[criterion.id] = before[i].id }
                    items.append(Item(kind: .reworded(words: WordDiff.runs(from: before[i].text, to: criterion.text)),
                                      old: before[i], new: criterion))
                }
            }
            for i in alignment.noLongerListed { items.append(Item(kind: .removed, old: before[i], new: nil)) }
            if !items.isEmpty { competencies.append(Competency(id: competencyID, name: name, items: items)) }
        }
        guard !competencies.isEmpty || status != .changed else { return (nil, renamed) }
        return (Level(trackID: track.id, trackTitle: track.title, id: id, title: title, status: status,
                      competencies: competencies), renamed)
    }
}

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
        public var changes: LadderVersionChanges?
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
        func carry(_ changes: LadderVersionChanges, to snapshot: LadderSnapshot) {
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
            let changes = previous.map { LadderVersionChanges(from: $0, to: tag.snapshot) }
            if let changes { carry(changes, to: tag.snapshot) }
            let (t, l) = counts(tag.snapshot)
            versions.append(Version(name: tag.name, isTag: true, date: tag.date, changes: changes, tracks: t, levels: l))
            previous = tag.snapshot
        }
        if let last = previous {
            let changes = LadderVersionChanges(from: last, to: current)
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

/// Reading `history:`: the tags, each tag's ladder (its `content/` exported with `git archive` into a
/// scratch folder and read like a build), and the history made of them with this build's ladder.
enum HistoryReader {
    static let url = SiteURLs.changes

    /// nil without `history:`; the errors point at `history:` in site.yml (or the tag's line).
    static func read(config: SiteConfig, options: BuildOptions, current: @autoclosure () -> LadderSnapshot)
        -> (LadderHistory?, [Diagnostic]) {
        guard let wanted = config.history else { return (nil, []) }
        let location = config.historyLocation ?? SourceLocation(path: "content/site.yml")
        let git = Git(folder: options.siteFolder)
        guard (try? git.run(["rev-parse", "--is-inside-work-tree"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            return (nil, [.error(location, "'history' needs the site in a git repository, and \(options.siteFolder) is not in one; "
                                 + "hint: run 'git init', commit and tag a version (git tag v1), or remove 'history:' from site.yml")])
        }
        let all: [(name: String, date: String, time: Int, commit: String)]
        do {
            all = try tags(git)
        } catch {
            return (nil, [.error(location, "cannot list the repository's tags: \((error as? GitFailure)?.message ?? "\(error)")")])
        }
        var chosen: [(name: String, date: String, commit: String)] = []
        var diagnostics: [Diagnostic] = []
        switch wanted {
        case .allTags:
            chosen = all.map { ($0.name, $0.date, $0.commit) }
            if chosen.isEmpty {
                diagnostics.append(.error(location, "'history: tags' lists every git tag, and the repository has none; "
                                          + "hint: tag a version (git tag v1), or remove 'history:' from site.yml"))
            }
        case .tags(let names):
            let byName = Dictionary(all.map { ($0.name, ($0.date, $0.commit)) }, uniquingKeysWith: { first, _ in first })
            let known = all.map(\.name)
            for name in names {
                if let (date, commit) = byName[name] {
                    chosen.append((name, date, commit))
                    continue
                }
                var message = "tag '\(name)' does not exist in the repository"
                if let near = Spelling.nearMiss(of: name, in: known) {
                    message += "; hint: did you mean '\(near)'?"
                } else {
                    message += known.isEmpty ? "; hint: it has no tags: create it with 'git tag \(name) <commit>'"
                                             : "; hint: its tags are \(known.prefix(10).map { "'\($0)'" }.joined(separator: ", "))\(known.count > 10 ? ", …" : "") ('git tag' lists them)"
                }
                diagnostics.append(.error(config.historyTagLocations[name] ?? location, message))
            }
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var versions: [(name: String, date: String, snapshot: LadderSnapshot)] = []
        for (number, tag) in chosen.enumerated() {
            let key = "\(tag.commit)\n\(options.includeDrafts)\n\(URL(fileURLWithPath: options.siteFolder).standardizedFileURL.path)"
            if let known = SnapshotCache.shared.value(key) {
                versions.append((tag.name, tag.date, known))
                continue
            }
            do {
                let site = try git.export("refs/tags/" + tag.name, into: scratch.appendingPathComponent("\(number)"))
                var tagOptions = BuildOptions(siteFolder: site, includeDrafts: options.includeDrafts)
                tagOptions.baseURL = nil
                let snapshot = try LadderSnapshot.read(tagOptions)
                SnapshotCache.shared.keep(snapshot, for: key)
                versions.append((tag.name, tag.date, snapshot))
            } catch let failure as BuildFailure {
                let first = failure.errors.prefix(3).map(\.description).joined(separator: " / ")
                diagnostics.append(.error(config.historyTagLocations[tag.name] ?? location,
                                          "the site at tag '\(tag.name)' does not build: \(first)"))
            } catch {
                diagnostics.append(.error(config.historyTagLocations[tag.name] ?? location,
                                          "cannot read tag '\(tag.name)': \((error as? GitFailure)?.message ?? "\(error)")"))
            }
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        return (LadderHistory(tags: versions, current: current()), [])
    }

    /// Every tag that names a commit, with the commit's date, oldest first (ties by name).
    static func tags(_ git: Git) throws -> [(name: String, date: String, time: Int, commit: String)] {
        // An annotated tag's own date fields are the tag's: `*` reads the commit it points at.
        let format = "%(refname:strip=2)%00%(committerdate:unix)%00%(committerdate:short)%00%(*committerdate:unix)%00%(*committerdate:short)"
            + "%00%(objectname)%00%(*objectname)"
        let output = try git.run(["for-each-ref", "--format=" + format, "refs/tags"])
        var out: [(name: String, date: String, time: Int, commit: String)] = []
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7 else { continue }
            let (time, date, commit) = fields[3].isEmpty ? (fields[1], fields[2], fields[5]) : (fields[3], fields[4], fields[6])
            guard let seconds = Int(time), !date.isEmpty else { continue }
            out.append((fields[0], date, seconds, commit))
        }
        return out.sorted { ($0.time, $0.name) < ($1.time, $1.name) }
    }
}

/// Each tag's ladder, by commit: a commit's content does not change, so the preview server, which builds
/// on every save, reads each tag once rather than exporting and reading it on every build.
final class SnapshotCache: @unchecked Sendable {
    static let shared = SnapshotCache()
    private let lock = NSLock()
    private var snapshots: [String: LadderSnapshot] = [:]

    func value(_ key: String) -> LadderSnapshot? { lock.withLock { snapshots[key] } }

    func keep(_ snapshot: LadderSnapshot, for key: String) {
        lock.withLock {
            // A handful of versions is the use; a process that reads hundreds forgets them all now and then.
            if snapshots.count > 256 { snapshots.removeAll() }
            snapshots[key] = snapshot
        }
    }
}
