import Foundation
import Testing

/// `ladder diff [REV] [REV2]`: the ladder's changes between two versions of a site in git.
@Suite struct DiffCommandTests {
    static let l1 = """
        ---
        title: One
        track: eng
        level: L1
        ---

        ## Impact

        - Impact at L1 is measured at the level of tasks.
        - Ships small changes.

        ## Craft

        - Writes tests for every change.
        """

    func git(_ site: TempSite, _ arguments: [String]) throws {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["git", "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false"] + arguments,
                                    in: site.folder)
        #expect(result.status == 0, "git \(arguments): \(result.err)")
    }

    func repository() throws -> TempSite {
        let site = try TempSite(files: ["content/eng/l1.md": Self.l1])
        try git(site, ["init", "-q"])
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "first"])
        return site
    }

    @Test func the_working_tree_against_the_last_commit_word_by_word() throws {
        let site = try repository()
        defer { site.remove() }
        #expect(site.ladder(["diff", "--site", site.path]).out == "No changes to the ladder between HEAD and the working tree.")
        try site.write("content/eng/l1.md", Self.l1
            .replacingOccurrences(of: "at the level of tasks.", with: "at the level of tasks and small features.")
            .replacingOccurrences(of: "- Ships small changes.\n", with: "")
            .replacingOccurrences(of: "- Writes tests for every change.", with: "- Writes tests for every change.\n- Reviews a teammate's change each day."))
        let result = site.ladder(["diff", "--site", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == """
            Eng (eng)
              L1 One
                Impact: 1 reworded, 1 no longer listed
                  ~ Impact at L1 is measured at the level of [-tasks.-] {+tasks and small features.+}
                  - Ships small changes.
                Craft: 1 new, 1 unchanged
                  + Reviews a teammate's change each day.
            """)
        // No colour codes when output is not a terminal.
        #expect(!result.out.contains("\u{1B}["))
    }

    @Test func two_revisions_as_json_and_a_new_level() throws {
        let site = try repository()
        defer { site.remove() }
        try site.write("content/eng/l2.md", Self.l1.replacingOccurrences(of: "L1", with: "L2").replacingOccurrences(of: "One", with: "Two"))
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "second"])
        let result = site.ladder(["diff", "HEAD~1", "HEAD", "--site", site.path, "--json"])
        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "HEAD~1")
        #expect(object["to"] as? String == "HEAD")
        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(levels.count == 1)
        #expect(levels.first?["level"] as? String == "L2")
        #expect(levels.first?["status"] as? String == "added")
        let competencies = try #require(levels.first?["competencies"] as? [[String: Any]])
        #expect(competencies.map { $0["name"] as? String } == ["Impact", "Craft"])
        // The same call twice gives the same bytes.
        #expect(site.ladder(["diff", "HEAD~1", "HEAD", "--site", site.path, "--json"]).out == result.out)
    }

    /// The same walk as `/changes/` (`LadderChanges`): a track's "All levels" criteria are compared as a
    /// level of their own, and an item whose examples change is reworded with no word changed.
    @Test func shared_expectations_and_examples_are_compared() throws {
        let site = try TempSite(files: [
            "content/eng/index.md": "---\ntitle: Engineering\n---\n\nOur ladder.\n\n## All levels\n\n- Writes things down.\n",
            "content/eng/l1.md": "---\ntitle: One\ntrack: eng\nlevel: L1\n---\n\n## Impact\n\n- Ships small changes.\n  - A bug fix\n- Writes tests.\n",
        ])
        defer { site.remove() }
        try git(site, ["init", "-q"])
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "first"])
        try site.write("content/eng/index.md", "---\ntitle: Engineering\n---\n\nOur ladder.\n\n## All levels\n\n- Writes decisions down.\n")
        try site.write("content/eng/l1.md", "---\ntitle: One\ntrack: eng\nlevel: L1\n---\n\n## Impact\n\n- Ships small changes.\n  - A copy change\n- Writes tests.\n")
        let result = site.ladder(["diff", "--site", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == """
            Engineering (eng)
              L1 One
                Impact: 1 reworded, 1 unchanged
                  ~ Ships small changes.
              At every level
                At every level: 1 reworded
                  ~ Writes [-things-] {+decisions+} down.
            """)
    }

    @Test func an_unknown_revision_is_an_error() throws {
        let site = try repository()
        defer { site.remove() }
        let result = site.ladder(["diff", "no-such-revision", "--site", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("'no-such-revision' is not a revision"))
    }
}
