import Foundation
import LadderCore
import LadderDiff
import LadderLoad
import LadderMarkdown
import LadderModel

/// Every track's levels and each level's expectations per competency, read from a site the way a build
/// reads them (the items its comparisons compare), without writing any page: what `ladder diff` compares
/// between two versions of a site.
public struct LadderExpectations: Sendable {
    public struct Track: Sendable {
        public var id: String
        public var title: String
        /// The rows its comparisons have: its competencies, or one "Expectations" row of prose levels.
        public var rows: [Competency]
        public var levels: [Level]
    }

    public struct Level: Sendable {
        public var id: String
        public var title: String
        /// By competency id.
        public var sections: [String: LevelComparison.Section]
    }

    public var tracks: [Track]

    public init(tracks: [Track]) { self.tracks = tracks }

    /// Reads the site in `options.siteFolder` through the build's stages up to rendered Markdown.
    public static func read(_ options: BuildOptions) throws(BuildFailure) -> LadderExpectations {
        let run = BuildRun(options: options, memo: nil)
        let content = try run.stage("load", run.loadContent())
        let templates = try run.stage("theme", run.loadTheme())
        let (ladder, bodies) = try run.stage("model", run.modelLadder(consume content))
        let model = try run.stage("layouts", run.checkLayouts(consume ladder, templates: templates))
        let urls = try run.stage("urls", run.siteURLs(model, templates: templates))
        let documents = try run.stage("markdown", run.renderMarkdown(model, bodies: consume bodies, urls: urls))
        return LadderExpectations(tracks: model.tracks.map { track in
            Track(id: track.id, title: track.title, rows: PageWriter.rows(of: track), levels: track.levels.map { level in
                Level(id: level.id, title: level.title,
                      sections: PageWriter.expectations(of: level, model: model, documents: documents))
            })
        })
    }
}

/// What changed in a ladder between two versions of a site: for each level (matched by track and level
/// id) and competency, the expectations reworded (with their words), new and no longer listed. A level
/// only in the newer version has every expectation new; one only in the older, every one no longer listed.
public struct LadderChanges: Sendable {
    public enum Status: String, Sendable { case changed, added, removed }

    public struct Change: Sendable {
        public var kind: LevelComparison.Change
        /// The older text (reworded and no longer listed).
        public var old: String?
        /// The newer text (reworded and new).
        public var new: String?
    }

    public struct CompetencyChanges: Sendable {
        public var id: String
        public var name: String
        public var counts: Alignment.Counts
        public var changes: [Change]
    }

    public struct LevelChanges: Sendable {
        public var trackID: String
        public var trackTitle: String
        public var id: String
        public var title: String
        public var status: Status
        /// Competencies with a change, in the newer track's order.
        public var competencies: [CompetencyChanges]
    }

    /// Levels with a change: the newer version's tracks and levels in order, then those it no longer has.
    public var levels: [LevelChanges]

    public init(from old: LadderExpectations, to new: LadderExpectations) {
        var levels: [LevelChanges] = []
        let oldTracks = Dictionary(old.tracks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newTrackIDs = Set(new.tracks.map(\.id))
        for track in new.tracks {
            let before = oldTracks[track.id]
            let oldLevels = Dictionary((before?.levels ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let rows = Self.rows(track.rows, before?.rows ?? [])
            for level in track.levels {
                let previous = oldLevels[level.id]
                if let change = Self.level(track, level.id, level.title, previous == nil ? .added : .changed,
                                           rows: rows, old: previous?.sections ?? [:], new: level.sections) {
                    levels.append(change)
                }
            }
            let kept = Set(track.levels.map(\.id))
            for level in before?.levels ?? [] where !kept.contains(level.id) {
                if let change = Self.level(track, level.id, level.title, .removed, rows: rows, old: level.sections, new: [:]) {
                    levels.append(change)
                }
            }
        }
        for track in old.tracks where !newTrackIDs.contains(track.id) {
            for level in track.levels {
                if let change = Self.level(track, level.id, level.title, .removed, rows: track.rows, old: level.sections, new: [:]) {
                    levels.append(change)
                }
            }
        }
        self.levels = levels
    }

    /// The newer rows, then the older ones the newer track no longer has.
    static func rows(_ new: [Competency], _ old: [Competency]) -> [Competency] {
        let ids = Set(new.map(\.id))
        return new + old.filter { !ids.contains($0.id) }
    }

    static func level(_ track: LadderExpectations.Track, _ id: String, _ title: String, _ status: Status, rows: [Competency],
                      old: [String: LevelComparison.Section], new: [String: LevelComparison.Section]) -> LevelChanges? {
        let comparison = LevelComparison(competencies: rows, lower: old, higher: new)
        var competencies: [CompetencyChanges] = []
        for row in comparison.rows where row.counts.hasChanges {
            var changes: [Change] = []
            for item in row.higher {
                switch item.change {
                case .unchanged, .noLongerListed: continue
                case .new: changes.append(Change(kind: .new, old: nil, new: item.text))
                case .reworded(let words):
                    // The older text is the words without the added ones.
                    let before = words.filter { $0.kind != .added }.map(\.text).joined(separator: " ")
                    changes.append(Change(kind: item.change, old: before, new: item.text))
                }
            }
            for item in row.noLongerListed { changes.append(Change(kind: .noLongerListed, old: item.text, new: nil)) }
            competencies.append(CompetencyChanges(id: row.competency.id, name: row.competency.name, counts: row.counts, changes: changes))
        }
        if competencies.isEmpty && status == .changed { return nil }
        return LevelChanges(trackID: track.id, trackTitle: track.title, id: id, title: title, status: status, competencies: competencies)
    }
}
