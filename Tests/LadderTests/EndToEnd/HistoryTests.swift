import Foundation
import Testing

/// `history:` in site.yml: `/changes/` built from git tags, and criterion ids' aliases in `ladder.json`
/// and on the assess pages.
@Suite struct HistoryTests {
    static let v1 = """
        ---
        title: Senior
        track: eng
        level: L3
        ---

        ## Impact

        - Impact is measured at the level of projects and the team's goals.
        - Ships small changes every week.
        - Writes tests for every change.
        """

    /// v2: the first criterion reworded, the second removed, one added.
    static let v2 = """
        ---
        title: Senior
        track: eng
        level: L3
        ---

        ## Impact

        - Impact is measured at the level of a group of teams and their goals.
        - Writes tests for every change.
        - Mentors two engineers outside the team.
        """

    func git(_ site: TempSite, _ arguments: [String], date: String = "2026-03-14T12:00:00Z") throws {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["GIT_COMMITTER_DATE=\(date)", "GIT_AUTHOR_DATE=\(date)",
                                     "git", "-c", "user.email=t@example.com", "-c", "user.name=T", "-c", "commit.gpgsign=false",
                                     "-c", "tag.gpgsign=false"] + arguments,
                                    in: site.folder)
        #expect(result.status == 0, "git \(arguments): \(result.err)")
    }

    /// A repository with v1 (14 March 2026) and v2 (2 May 2026) tagged; `history` is site.yml's line.
    func repository(history: String, annotated: Bool = false) throws -> TempSite {
        let site = try TempSite(files: ["content/eng/l3.md": Self.v1, "content/site.yml": "title: Careers\n\(history)\n"])
        try git(site, ["init", "-q"])
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "v1"])
        try git(site, annotated ? ["tag", "-a", "v1", "-m", "v1"] : ["tag", "v1"])
        try site.write("content/eng/l3.md", Self.v2)
        try git(site, ["commit", "-q", "-a", "-m", "v2"], date: "2026-05-02T09:30:00Z")
        try git(site, annotated ? ["tag", "-a", "v2", "-m", "v2"] : ["tag", "v2"], date: "2026-05-02T09:30:00Z")
        return site
    }

    static func criterion(_ json: [String: Any], _ text: String) -> [String: Any]? {
        let tracks = json["tracks"] as? [[String: Any]] ?? []
        for track in tracks {
            for level in track["levels"] as? [[String: Any]] ?? [] {
                for competency in level["competencies"] as? [[String: Any]] ?? [] {
                    for criterion in competency["criteria"] as? [[String: Any]] ?? [] where criterion["text"] as? String == text {
                        return criterion
                    }
                }
            }
        }
        return nil
    }

    /// The text of an HTML fragment: tags dropped, entities of the test's texts decoded, spacing collapsed.
    static func text(_ html: String) -> String {
        let stripped = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&rsquo;", with: "’")
        return stripped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func changes_between_two_tags_reworded_added_and_removed_with_dates() throws {
        let site = try repository(history: "history: [v1, v2]")
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let html = try site.read("public/changes/index.html")
        // Newest first, each with its tag's commit date as the theme writes dates.
        let v2 = try #require(html.range(of: "<h2 id=\"v-v2\">v2</h2>"))
        let v1 = try #require(html.range(of: "<h2 id=\"v-v1\">v1</h2>"))
        #expect(v2.lowerBound < v1.lowerBound)
        #expect(html.contains("<time datetime=\"2026-05-02\">2 May 2026</time>"))
        #expect(html.contains("<time datetime=\"2026-03-14\">14 March 2026</time>"))
        // The working tree is v2: no "Unreleased".
        #expect(!html.contains("Unreleased"))
        let section = String(html[v2.lowerBound..<v1.lowerBound])
        #expect(section.contains("1 reworded, 1 added, 1 removed in 1 level."))
        let changes = section.components(separatedBy: "<li class=\"change ").dropFirst().map { "<li class=\"change " + $0.components(separatedBy: "</li>")[0] }
        #expect(changes.count == 3)
        let reworded = try #require(changes.first { $0.contains("change-reworded") })
        #expect(reworded.contains("<del><span class=\"visually-hidden\">removed: </span>projects and the team&#39;s</del>"))
        #expect(reworded.contains("<ins><span class=\"visually-hidden\">added: </span>a group of teams and their</ins> goals."))
        #expect(Self.text(reworded).hasPrefix("Reworded: Impact is measured at the level of"))
        let added = try #require(changes.first { $0.contains("change-added") })
        #expect(Self.text(added) == "Added: Mentors two engineers outside the team. → this criterion on its level page")
        let removed = try #require(changes.first { $0.contains("change-removed") })
        #expect(Self.text(removed) == "Removed: Ships small changes every week.")
        #expect(!removed.contains("href="))
        // Unchanged criteria are not listed.
        #expect(!section.contains("Writes tests for every change."))
        // Each change still on the site links to its criterion on the level page.
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.read("public/ladder.json").utf8)) as? [String: Any])
        let mentor = try #require(Self.criterion(data, "Mentors two engineers outside the team."))
        let impact = try #require(Self.criterion(data, "Impact is measured at the level of a group of teams and their goals."))
        #expect(added.contains("href=\"/eng/l3/#c-\(mentor["id"] as! String)\""))
        #expect(reworded.contains("href=\"/eng/l3/#c-\(impact["id"] as! String)\""))
        // The level heading and the competency.
        #expect(section.contains("<h3>Eng › <a href=\"/eng/l3/\">L3 Senior</a></h3>"))
        #expect(section.contains("<h4>Impact <span class=\"changes-count\">1 reworded, 1 added, 1 removed</span></h4>"))
        // The oldest version has nothing to compare with.
        #expect(html.contains("The first version listed: 1 level in 1 track."))
        // In the sitemap, and linked from every page's footer.
        #expect(try site.read("public/sitemap.xml").contains("<loc>/changes/</loc>"))
        #expect(try site.read("public/index.html").contains("<a href=\"/changes/\">What changed in the ladder</a>"))
        // The same build twice is the same bytes.
        let first = site.snapshot()
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(site.snapshot() == first)
    }

    @Test func a_reworded_criterion_keeps_its_old_id_as_an_alias() throws {
        let site = try repository(history: "history: [v1, v2]")
        defer { site.remove() }
        // The v1 ids, from a build of v1 without history.
        let old = try TempSite(files: ["content/eng/l3.md": Self.v1])
        defer { old.remove() }
        #expect(old.ladder(["build", old.path, "--quiet"]).status == 0)
        let oldData = try #require(try JSONSerialization.jsonObject(with: Data(old.read("public/ladder.json").utf8)) as? [String: Any])
        let oldID = try #require(Self.criterion(oldData, "Impact is measured at the level of projects and the team's goals.")?["id"] as? String)

        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.read("public/ladder.json").utf8)) as? [String: Any])
        let impact = try #require(Self.criterion(data, "Impact is measured at the level of a group of teams and their goals."))
        #expect(impact["aliases"] as? [String] == [oldID])
        #expect(impact["id"] as? String != oldID)
        // Criteria that were not reworded have none.
        #expect(Self.criterion(data, "Writes tests for every change.")?["aliases"] == nil)
        #expect(Self.criterion(data, "Mentors two engineers outside the team.")?["aliases"] == nil)
        // The schema names the key.
        #expect(try site.read("public/ladder.schema.json").contains("\"aliases\""))
        // The assess page carries the alias on the criterion, as data (no inline script).
        let assess = try site.read("public/eng/l3/assess/index.html")
        #expect(assess.contains("data-id=\"\(impact["id"] as! String)\" data-aliases=\"[&quot;\(oldID)&quot;]\""))
    }

    @Test func unreleased_changes_and_aliases_across_versions() throws {
        let site = try repository(history: "history: tags", annotated: true)
        defer { site.remove() }
        // Reworded again in the working tree: the criterion keeps both earlier ids, newest first.
        try site.write("content/eng/l3.md", Self.v2.replacingOccurrences(of: "a group of teams and their goals", with: "a group of teams and the goals they share"))
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let html = try site.read("public/changes/index.html")
        let unreleased = try #require(html.range(of: "<h2 id=\"v-unreleased\">Unreleased</h2>"))
        let v2 = try #require(html.range(of: "<h2 id=\"v-v2\">v2</h2>"))
        let v1 = try #require(html.range(of: "<h2 id=\"v-v1\">v1</h2>"))
        #expect(unreleased.lowerBound < v2.lowerBound && v2.lowerBound < v1.lowerBound)
        #expect(String(html[unreleased.lowerBound..<v2.lowerBound]).contains("1 reworded in 1 level."))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.read("public/ladder.json").utf8)) as? [String: Any])
        let now = try #require(Self.criterion(data, "Impact is measured at the level of a group of teams and the goals they share."))
        #expect((now["aliases"] as? [String])?.count == 2)
    }

    @Test func history_tags_orders_every_tag_by_its_commit_date() throws {
        let site = try repository(history: "history: tags")
        defer { site.remove() }
        // A tag named to sort first by name, on the older commit: still listed by date.
        try git(site, ["tag", "a-first", "v1"])
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let html = try site.read("public/changes/index.html")
        let order = ["v-v2", "v-v1", "v-a-first"].map { html.range(of: "<h2 id=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        // v1 and a-first are the same commit and date: by name, a-first is the older; v1 then has no change.
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(html.contains("No change to the criteria (1 level in 1 track)."))
    }

    @Test func history_outside_a_git_repository_is_an_error_at_its_line() throws {
        let site = try TempSite(files: ["content/eng/l3.md": Self.v1, "content/site.yml": "title: Careers\nhistory: [v1, v2]\n"])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/site.yml:2:1: error: 'history' needs the site in a git repository"), "\(result.err)")
        #expect(result.err.contains("hint:"))
        #expect(!site.exists("public/changes/index.html"))
    }

    @Test func a_tag_that_does_not_exist_is_named_at_its_line() throws {
        let site = try repository(history: "history:\n  - v1\n  - v3")
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/site.yml:4:5: error: tag 'v3' does not exist in the repository; hint: did you mean 'v1'?"), "\(result.err)")
        let check = site.ladder(["check", site.path])
        #expect(check.status == 1)
        #expect(check.err.contains("tag 'v3' does not exist"))
    }

    @Test func history_that_is_neither_a_list_nor_tags_is_an_error() throws {
        let site = try repository(history: "history: all")
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/site.yml:2:1: error: 'history' must be a list of git tags (history: [v1, v2]) or 'tags' for every tag, found 'all'"), "\(result.err)")
    }

    @Test func a_content_page_at_changes_is_an_error_while_history_is_on() throws {
        let site = try repository(history: "history: [v1]")
        defer { site.remove() }
        try site.write("content/changes.md", "---\ntitle: Changes\n---\n\nOur own.\n")
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("/changes/ is the ladder's history"), "\(result.err)")
    }

    @Test func all_levels_criteria_have_a_history_and_aliases_too() throws {
        let site = try repository(history: "history: [v1]")
        defer { site.remove() }
        // Tagged as v1 with an "All levels" section, then reworded in the working tree.
        try site.write("content/eng/index.md", "---\ntitle: Eng\n---\n\n## All levels\n\n- Is kind in every code review.\n")
        try git(site, ["add", "-A"])
        try git(site, ["commit", "-q", "-m", "shared"])
        try git(site, ["tag", "-f", "v1"])
        try site.write("content/eng/index.md", "---\ntitle: Eng\n---\n\n## All levels\n\n- Is kind and specific in every code review.\n")
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let html = try site.read("public/changes/index.html")
        #expect(html.contains("<h3>Eng › <a href=\"/eng/l3/\">At every level</a></h3>"))
        #expect(html.contains("<ins><span class=\"visually-hidden\">added: </span>and specific</ins>"))
        #expect(html.contains("The first version listed: 1 level in 1 track."))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.read("public/ladder.json").utf8)) as? [String: Any])
        let shared = try #require(((data["tracks"] as? [[String: Any]])?.first?["shared"] as? [[String: Any]])?.first)
        let aliases = try #require(shared["aliases"] as? [String])
        #expect(aliases.count == 1)
        #expect(try site.read("public/eng/l3/assess/index.html").contains("data-aliases=\"[&quot;\(aliases[0])&quot;]\""))
    }

    @Test func without_history_there_is_no_changes_page() throws {
        let site = try TempSite(files: ["content/eng/l3.md": Self.v1])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(!site.exists("public/changes/index.html"))
        #expect(!(try site.read("public/index.html")).contains("/changes/"))
    }
}
