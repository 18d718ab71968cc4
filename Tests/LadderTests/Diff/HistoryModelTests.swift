import Foundation
@testable import LadderGenerate
import Testing

/// `LadderChanges` and `LadderHistory` on snapshots made by hand: which changes a version lists,
/// and which earlier ids each criterion keeps.
@Suite struct HistoryModelTests {
    typealias C = LadderSnapshot.Criterion

    static func snapshot(_ levels: [String: [C]]) -> LadderSnapshot {
        LadderSnapshot(tracks: [LadderSnapshot.Track(id: "eng", title: "Eng", levels: levels.keys.sorted().map { id in
            LadderSnapshot.Level(id: id, title: id, url: "/eng/\(id.lowercased())/",
                                 groups: [LadderSnapshot.Group(competencyID: "impact", name: "Impact", criteria: levels[id]!)])
        })])
    }

    static func c(_ id: String, _ text: String) -> C { C(id: id, text: text, anchor: "c-" + id) }

    @Test func ids_are_carried_through_every_rewording_newest_first() {
        let v1 = Self.snapshot(["L1": [Self.c("a", "Ships small changes with tests."), Self.c("x", "Answers pages at night.")]])
        let v2 = Self.snapshot(["L1": [Self.c("b", "Ships small changes with tests and docs."), Self.c("x", "Answers pages at night.")]])
        let now = Self.snapshot(["L1": [Self.c("c", "Ships small changes with good tests and docs.")]])
        let history = LadderHistory(tags: [("v1", "2026-01-01", v1), ("v2", "2026-02-01", v2)], current: now)
        #expect(history.versions.map(\.name) == ["v1", "v2", "Unreleased"])
        #expect(history.versions.map(\.date) == ["2026-01-01", "2026-02-01", nil])
        #expect(history.versions[0].changes == nil)
        #expect(history.aliases(track: "eng", level: "L1", id: "c") == ["b", "a"])
        #expect(history.aliasTargets(track: "eng", level: "L1") == ["a": "c", "b": "c"])
        // The removed criterion is no alias of anything.
        #expect(history.aliases.values.flatMap { $0.values.flatMap { $0 } }.contains("x") == false)
        let unreleased = try! #require(history.versions.last?.changes)
        let kinds = unreleased.levels.flatMap { $0.competencies.flatMap { $0.items.map(\.kind) } }
        #expect(kinds.count == 2)
        #expect(kinds.contains(.removed))
    }

    @Test func the_working_tree_like_the_last_tag_is_no_version_and_new_and_gone_levels_are_said() {
        let v1 = Self.snapshot(["L1": [Self.c("a", "Ships small changes.")]])
        let v2 = Self.snapshot(["L2": [Self.c("d", "Leads a project.")]])
        let history = LadderHistory(tags: [("v1", "2026-01-01", v1), ("v2", "2026-02-01", v2)], current: v2)
        #expect(history.versions.map(\.name) == ["v1", "v2"])
        let levels = history.versions[1].changes?.levels ?? []
        #expect(levels.map { "\($0.id) \($0.status.rawValue)" } == ["L2 added", "L1 removed"])
        #expect(history.aliases.isEmpty)
    }
}
