import Foundation
import Testing

/// Ladders found in a folder as a whole (issue 13): a folder of level pages, a folder of competency
/// pages. Each fixture under `Fixtures/recognise/` is built with the real command; look-alikes stay plain.
@Suite struct FolderRecognitionTests {
    func build(_ fixture: String) throws -> (TempSite, (status: Int32, out: String, err: String)) {
        let site = try TempSite(copying: Repo.fixture("recognise/\(fixture)"))
        return (site, site.ladder(["build", site.path]))
    }

    /// The level URLs in the order the track overview lists them.
    func levelOrder(_ site: TempSite, track: String, ids: [String]) throws -> [String] {
        // The overview's list of levels (its introduction, above it, may mention the levels first).
        let page = try site.read("public\(track)index.html")
        let overview = page.range(of: "id=\"levels-at-a-glance\"").map { String(page[$0.lowerBound...]) } ?? page
        let found = ids.compactMap { id in overview.range(of: "href=\"\(track)\(id)/\"").map { (id, $0.lowerBound) } }
        return found.sorted { $0.1 < $1.1 }.map(\.0)
    }

    func expectViews(_ site: TempSite, track: String, pair: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(site.exists("public\(track)matrix/index.html"), sourceLocation: sourceLocation)
        #expect(site.exists("public\(track)compare/\(pair)/index.html"), sourceLocation: sourceLocation)
    }

    @Test func a_folder_of_data_files_keyed_by_level_is_one_track_of_competencies() throws {
        // One competency per JSON or YAML file, each keyed by the same levels; a file with no name field is
        // named after itself. Files keyed by something else (API versions) stay files.
        let (site, result) = try build("folder-competency-files")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/em/", ids: ["l1", "l2", "l3", "l4"]) == ["l1", "l2", "l3", "l4"])
        let l3 = try site.read("public/em/l3/index.html")
        #expect(l3.contains(">Facilitation</h2>") && l3.contains(">Hiring</h2>") && l3.contains(">Mentoring</h2>"), "\(l3)")
        #expect(l3.contains("Runs a planning day.") && l3.contains("Designs the interview loop.") && l3.contains("Turns a problem into next steps."))
        #expect(site.exists("public/em/competencies/mentoring/index.html"))
        #expect(site.exists("public/em/mentoring.json") && site.exists("public/em/hiring.yml"))
        #expect(result.out.contains("content/em/: track 'em', 4 levels L1–L4 from its competency files"), "\(result.out)")

        let (plain, plainResult) = try build("neg-folder-data-files")
        defer { plain.remove() }
        #expect(plainResult.status == 0, "\(plainResult.err)")
        #expect(plainResult.out.contains("(0 levels in 0 tracks)"), "\(plainResult.out)")
        #expect(plain.exists("public/api/users.json"))
    }

    @Test func role_pages_with_leading_ids_are_levels_of_the_folder_track() throws {
        let (site, result) = try build("folder-role-pages")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/eng/: track 'eng', 3 levels L4–L6 from its level pages"), "\(result.out)")
        #expect(result.out.contains("(3 levels in 1 tracks, 1 recognised)"), "\(result.out)")
        #expect(try levelOrder(site, track: "/eng/", ids: ["l4", "l5", "l6"]) == ["l4", "l5", "l6"])
        let l5 = try site.read("public/eng/l5/index.html")
        #expect(l5.contains("L5 Senior Engineer"))
        #expect(l5.contains("Owns a service in production, including its on-call runbook."))
        // The example under Impact, and the folder index's "All levels" on every level.
        #expect(l5.contains("Cut the checkout page’s load time in half") || l5.contains("Cut the checkout page's load time in half"))
        #expect(l5.contains("Writes down decisions so the next person can find them."))
        #expect(!l5.contains("Explains a hard trade-off"))
        // The index is the overview, and its link to the level page goes to the level.
        let overview = try site.read("public/eng/index.html")
        #expect(overview.contains("How engineers grow at Acme."))
        #expect(overview.contains("href=\"/eng/l5/\""))
        #expect(site.exists("public/eng/competencies/ownership/index.html"))
        expectViews(site, track: "/eng/", pair: "l4-vs-l6")
        #expect(!result.err.contains("no summary"), "\(result.err)")
    }

    @Test func a_gitbook_summary_orders_level_pages_whose_titles_do_not() throws {
        let (site, result) = try build("folder-summary-order")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        // Alphabetical order would be builder, explorer, shaper, steward: SUMMARY.md's order decides.
        let ids = ["explorer", "builder", "shaper", "steward"]
        #expect(try levelOrder(site, track: "/path/", ids: ids) == ids)
        #expect(result.out.contains("content/path/: track 'path', 4 levels explorer–steward from its level pages"), "\(result.out)")
        #expect(try site.read("public/path/shaper/index.html").contains("Designs new patterns."))
        // Without it the same pages say nothing of their order, and stay plain pages.
        let unordered = try TempSite(copying: Repo.fixture("recognise/folder-summary-order"))
        defer { unordered.remove() }
        try FileManager.default.removeItem(atPath: unordered.path + "/content/SUMMARY.md")
        let plain = unordered.ladder(["build", unordered.path])
        #expect(plain.status == 0, "\(plain.err)")
        #expect(plain.out.contains("(0 levels in 0 tracks)"), "\(plain.out)")
    }

    @Test func titles_with_numerals_and_seniority_order_a_nested_folder_at_its_url() throws {
        let (site, result) = try build("folder-numerals-nested")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        let ids = ["software-engineer-i", "software-engineer-ii", "software-engineer-iii", "senior-software-engineer"]
        #expect(result.out.contains("content/careers/platform/: track 'platform', 4 levels software-engineer-i–senior-software-engineer from its level pages"),
                "\(result.out)")
        // File names (alpha, beta, delta, gamma) would give III, Senior, II, I: the titles decide.
        #expect(try levelOrder(site, track: "/careers/platform/", ids: ids) == ids)
        #expect(try site.read("public/careers/platform/index.html").contains("The platform ladder at Acme"))
        #expect(try site.read("public/careers/platform/software-engineer-ii/index.html").contains("Runs the deploy pipeline for a whole service."))
        expectViews(site, track: "/careers/platform/", pair: "software-engineer-i-vs-senior-software-engineer")
    }

    @Test func seniority_words_beat_file_names() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/level-per-file"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        let ids = ["associate-engineer", "engineer", "senior-engineer", "staff-engineer"]
        #expect(try levelOrder(site, track: "/engineering/", ids: ids) == ids)
        // The FAQ in the folder is no level: it stays a plain page.
        #expect(site.exists("public/engineering/faq/index.html"))
        #expect(!(try site.read("public/engineering/index.html")).contains("/engineering/faq/"))
        #expect(try site.read("public/engineering/matrix/index.html").contains("Grows senior engineers into leads."))
        expectViews(site, track: "/engineering/", pair: "associate-engineer-vs-staff-engineer")
    }

    @Test func bare_id_titles_with_an_index_page() throws {
        let (site, result) = try build("level-id-per-file")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/ladder/: track 'ladder', 3 levels L1–L3 from its level pages"), "\(result.out)")
        #expect(try levelOrder(site, track: "/ladder/", ids: ["l1", "l2", "l3"]) == ["l1", "l2", "l3"])
        #expect(try site.read("public/ladder/l2/index.html").contains("Owns features end to end"))
        expectViews(site, track: "/ladder/", pair: "l1-vs-l3")
    }

    @Test func numbered_file_names_order_the_levels_and_take_in_a_title_that_names_none() throws {
        let (site, result) = try build("folder-numbered-files")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/levels/: track 'levels', 3 levels junior–senior-l1 from its level pages"), "\(result.out)")
        // "Expert" alone would rank above "Senior-L1"'s words; `01`, `02`, `03` say otherwise.
        #expect(try levelOrder(site, track: "/levels/", ids: ["junior", "expert", "senior-l1"]) == ["junior", "expert", "senior-l1"])
        #expect(try site.read("public/levels/expert/index.html").contains("Chooses the right pattern for a problem and explains why."))
        expectViews(site, track: "/levels/", pair: "junior-vs-senior-l1")
    }

    @Test func pages_that_give_their_order_and_share_competency_sections() throws {
        let (site, result) = try build("folder-ordered-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/growth/: track 'growth', 3 levels starter–practitioner from its level pages"), "\(result.out)")
        // `weight` decides, not the file names (foundation, practitioner, starter).
        let ids = ["starter", "foundation", "practitioner"]
        #expect(try levelOrder(site, track: "/growth/", ids: ids) == ids)
        expectViews(site, track: "/growth/", pair: "starter-vs-practitioner")
    }

    @Test func competency_pages_are_one_track_whose_levels_are_their_sections() throws {
        let (site, result) = try build("competency-pathway")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/pathway/: track 'pathway', 3 levels Junior–Senior from its competency pages"), "\(result.out)")
        #expect(result.out.contains("(3 levels in 1 tracks, 1 recognised)"), "\(result.out)")
        #expect(try levelOrder(site, track: "/pathway/", ids: ["junior", "mid", "senior"]) == ["junior", "mid", "senior"])
        let junior = try site.read("public/pathway/junior/index.html")
        #expect(junior.contains("Junior level"))
        #expect(junior.contains("You pair with someone more experienced to write your first tests."))
        #expect(junior.contains("Clone, branch, commit and open a pull request."))
        #expect(!junior.contains("Split large work into reviewable pull requests."))
        // An empty section is no competency of that level; the next level has it.
        #expect(!junior.contains("Asking for help"))
        #expect(try site.read("public/pathway/mid/index.html").contains("You ask with context"))
        // Each page is a competency of every level; the pages themselves stay, at their URLs.
        for id in ["testing-your-work", "asking-for-help", "version-control"] {
            #expect(site.exists("public/pathway/competencies/\(id)/index.html"), "\(id)")
        }
        #expect(site.exists("public/pathway/testing/index.html"))
        #expect(try site.read("public/pathway/index.html").contains("Each page below is one skill"))
        // What follows the levels on a page ("Resources") is not the senior level's.
        #expect(!(try site.read("public/pathway/senior/index.html")).contains("Acme testing guide"))
        expectViews(site, track: "/pathway/", pair: "junior-vs-senior")
    }

    @Test func pasted_level_lines_on_each_page_are_one_track_with_examples() throws {
        let (site, result) = try build("competency-pasted-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/growth/: track 'growth', 3 levels Level 1–Level 3 from its competency pages"), "\(result.out)")
        #expect(try levelOrder(site, track: "/growth/", ids: ["level-1", "level-2", "level-3"]) == ["level-1", "level-2", "level-3"])
        let level2 = try site.read("public/growth/level-2/index.html")
        #expect(level2.contains("Plans and finishes a feature of their own"))
        #expect(level2.contains("Solves tickets that need a fix in the code"))
        // "E.g." lines are the examples of their level, not of the next one.
        #expect(level2.contains("Shipped the export button") && level2.contains("Found the cause of the duplicate invoices"))
        #expect(!level2.contains("Led the billing migration"))
        #expect(site.exists("public/growth/competencies/delivery/index.html"))
        #expect(site.exists("public/growth/competencies/support/index.html"))
        expectViews(site, track: "/growth/", pair: "level-1-vs-level-3")
    }

    @Test func levels_none_on_the_index_keeps_the_folder_plain() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/competency-pathway"))
        defer { site.remove() }
        try site.write("content/pathway/index.md", "---\ntitle: Pathway\nlevels: none\n---\n\nThe skills.\n")
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("from its competency pages"), "\(result.out)")
        #expect(!site.exists("public/pathway/matrix/index.html"))
    }

    @Test func ten_competency_pages_are_one_track_not_ten() throws {
        var files: [String: String] = [:]
        for n in 1...10 {
            files["content/skills/skill-\(n).md"] = """
                ---
                title: Skill \(n)
                ---

                How a developer grows in skill \(n).

                ## L1

                - Learns skill \(n) with a mentor.

                ## L2

                - Uses skill \(n) alone.

                ## L3

                - Teaches skill \(n) to others.
                """
        }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/skills/: track 'skills', 3 levels L1–L3 from its competency pages"), "\(result.out)")
        #expect(result.out.contains("(3 levels in 1 tracks, 1 recognised)"), "\(result.out)")
        let l2 = try site.read("public/skills/l2/index.html")
        #expect((1...10).allSatisfy { l2.contains("Uses skill \($0) alone.") })
        #expect(site.exists("public/skills/competencies/skill-10/index.html"))
        #expect(!site.exists("public/skills/skill-1/l1/index.html"))
    }

    @Test func a_folder_named_like_an_existing_track_is_a_track_of_its_own_and_check_says_so() throws {
        var files = ["content/engineering/l1.md": "---\nlevel: L1\nsummary: First.\n---\n\n## Impact\n\n- Ships a task.\n"]
        for name in ["l4-engineer", "l5-senior-engineer", "l6-staff-engineer"] {
            files["content/careers/engineering/\(name).md"] = try String(
                contentsOf: Repo.fixture("recognise/folder-role-pages/content/eng/\(name).md"), encoding: .utf8)
        }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let result = site.ladder(["check", site.path])
        #expect(result.status == 0, "\(result.err)")
        // `engineering` is taken by the level file's track: the folder's track is named after its path.
        #expect(result.out.contains("content/careers/engineering/: track 'careers-engineering', 3 levels L4–L6 from its level pages"), "\(result.out)")
        #expect(result.out.contains("4 levels in 2 tracks, 1 recognised, no errors."), "\(result.out)")
        let built = site.ladder(["build", site.path])
        #expect(built.status == 0, "\(built.err)")
        #expect(try levelOrder(site, track: "/careers/engineering/", ids: ["l4", "l5", "l6"]) == ["l4", "l5", "l6"])
        #expect(try levelOrder(site, track: "/engineering/", ids: ["l1", "l4"]) == ["l1"])
    }

    @Test(arguments: ["neg-folder-howto", "neg-folder-one-level", "neg-folder-team-pages", "neg-folder-game-levels"])
    func look_alike_folders_stay_plain_pages(_ fixture: String) throws {
        let (site, result) = try build(fixture)
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("(0 levels in 0 tracks)"), "\(fixture): \(result.out)")
        #expect(!result.out.contains("recognised"), "\(fixture): \(result.out)")
    }

    @Test func competency_pages_kept_in_group_folders_are_one_track_at_their_parent() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/competency-groups"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/path/: track 'path', 3 levels Junior–Senior from its competency pages"), "\(result.out)")
        #expect(result.out.contains("(3 levels in 1 tracks, 1 recognised)"), "\(result.out)")
        for name in ["testing", "debugging", "reviewing", "planning"] {
            #expect(site.exists("public/path/competencies/\(name)/index.html"), "\(name)")
        }
        let mid = try site.read("public/path/mid/index.html")
        #expect(mid.contains("Debugging: works on their own."))
        #expect(mid.contains("Planning: works on their own."))
        #expect(!mid.contains("teaches others"))
        // The parent folder's index page introduces the track.
        #expect(try site.read("public/path/index.html").contains("How developers grow here, skill by skill."))
    }
}

extension FolderRecognitionTests {
    @Test func level_pages_of_several_roles_in_one_folder_are_a_track_per_role() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/folder-several-roles"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        // `Site-Reliability Engineer 2` and the lone `Site Reliability 3` are the first role's; the shared
        // `Careers - ` names no role.
        #expect(result.out.contains("content/roles/: track 'site-reliability-engineer', 3 levels site-reliability-engineer-1–site-reliability-3 from its level pages, one role of several"), "\(result.out)")
        #expect(result.out.contains("content/roles/: track 'data-analyst', 2 levels data-analyst-1–data-analyst-2"), "\(result.out)")
        #expect(site.exists("public/roles/site-reliability-engineer/site-reliability-3/index.html"))
        #expect(try site.read("public/roles/data-analyst/data-analyst-2/index.html").contains("Finds the questions worth asking."))
        // Roles are never mixed: no comparison across them.
        #expect(!site.exists("public/roles/site-reliability-engineer/compare/site-reliability-engineer-1-vs-data-analyst-1/index.html"))
        #expect(site.exists("public/roles/data-analyst/compare/data-analyst-1-vs-data-analyst-2/index.html"))
    }
}
