import Foundation
import Testing

/// Ladders found in pages as they are, with no `levels:` or `level:` key (issue 13). Each fixture under
/// `Fixtures/recognise/` is built with the real command; negatives must stay plain pages.
@Suite struct RecognitionTests {
    /// Builds a fixture site and returns it with the command's result.
    func build(_ fixture: String, _ extra: [String: String] = [:]) throws -> (TempSite, (status: Int32, out: String, err: String)) {
        let site = try TempSite(copying: Repo.fixture("recognise/\(fixture)"), files: extra)
        return (site, site.ladder(["build", site.path]))
    }

    /// The level URLs in the order the track overview lists them.
    func levelOrder(_ site: TempSite, track: String, ids: [String]) throws -> Bool {
        // The overview's list of levels (its introduction, above it, may mention "L1 to L4" first).
        let page = try site.read("public\(track)index.html")
        let overview = page.range(of: "id=\"levels-at-a-glance\"").map { String(page[$0.lowerBound...]) } ?? page
        let positions = try ids.map { id in
            try #require(overview.range(of: "href=\"\(track)\(id)/\"")?.lowerBound, "\(track)\(id)/ not on the overview")
        }
        return positions == positions.sorted()
    }

    func expectViews(_ site: TempSite, track: String, pair: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(site.exists("public\(track)matrix/index.html"), sourceLocation: sourceLocation)
        #expect(site.exists("public\(track)compare/\(pair)/index.html"), sourceLocation: sourceLocation)
    }

    @Test func ic_headings_with_an_all_levels_section_and_a_trailing_faq() throws {
        let (site, result) = try build("ic-track-all-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        // Two whole-ladder pages in one folder are two tracks, each at its page's URL.
        #expect(try levelOrder(site, track: "/tracks/backend/", ids: ["ic1", "ic2", "ic3", "ic4", "ic5"]))
        #expect(try levelOrder(site, track: "/tracks/data/", ids: ["ic1", "ic2", "ic3"]))
        expectViews(site, track: "/tracks/backend/", pair: "ic1-vs-ic5")
        // "All Levels" is shown on every level page; the FAQ after the last level stays on the overview.
        let ic3 = try site.read("public/tracks/backend/ic3/index.html")
        #expect(ic3.contains("Keeps services healthy and answers their own pages."))
        #expect(ic3.contains("Designs services that one team depends on."))
        #expect(!ic3.contains("Can I skip a level?"))
        #expect(try site.read("public/tracks/backend/index.html").contains("Can I skip a level?"))
        #expect(!site.exists("public/tracks/backend/faq/index.html"))
        #expect(!site.exists("public/tracks/backend/all-levels/index.html"))
        #expect(result.out.contains("content/tracks/backend.md: track 'backend', 5 levels IC1–IC5 from its headings"))
        #expect(result.out.contains("content/tracks/data.md: track 'data', 3 levels IC1–IC3 from its headings"))
        #expect(result.out.contains("(8 levels in 2 tracks, 2 recognised)"))
        #expect(result.err.isEmpty, "\(result.err)")
    }

    @Test func developer_d_headings_keep_ids_and_titles_and_a_shallower_trailing_heading_is_no_level() throws {
        let (site, result) = try build("developer-d-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/developer/", ids: ["d1", "d2", "d3", "d4"]))
        let d2 = try site.read("public/developer/d2/index.html")
        #expect(d2.contains("<h1>Developer 2</h1>"))
        #expect(d2.contains("builds medium features and pays down the debt they touch"))
        #expect(!d2.contains("runs a service in production"))
        #expect(!site.exists("public/developer/other-pages/index.html"))
        expectViews(site, track: "/developer/", pair: "d1-vs-d4")
        // The home page links to the page; it is plain, and the link still works.
        #expect(try site.read("public/index.html").contains("href=\"/developer/\""))
        #expect(result.out.contains("content/developer.md: track 'developer', 4 levels D1–D4 from its headings"))
    }

    @Test func titled_levels_in_seniority_order_and_h1_levels_are_not_the_title() throws {
        let (site, result) = try build("titled-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/software-engineering/", ids: [
            "software-engineer-1", "software-engineer-2", "senior-software-engineer", "staff-software-engineer"]))
        let senior = try site.read("public/software-engineering/senior-software-engineer/index.html")
        #expect(senior.contains("Plans multi-month projects"))
        expectViews(site, track: "/software-engineering/", pair: "software-engineer-1-vs-staff-software-engineer")
        // `# QA Engineer I` is the first level, not the page's title.
        #expect(try levelOrder(site, track: "/qa/", ids: ["qa-engineer-i", "qa-engineer-ii", "senior-qa-engineer"]))
        #expect(try site.read("public/qa/qa-engineer-i/index.html").contains("Runs the test plans the team already has"))
        #expect(result.out.contains("content/qa.md: track 'qa', 3 levels qa-engineer-i–senior-qa-engineer from its headings"))
    }

    @Test func a_bold_led_list_is_a_track_at_the_page_url() throws {
        let (site, result) = try build("bold-bullet-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/docs/levels/", ids: ["l1", "l2", "l3", "l4"]))
        let l3 = try site.read("public/docs/levels/l3/index.html")
        #expect(l3.contains("<h1>L3 Engineers</h1>"))
        #expect(l3.contains("trust them to choose what to build next"))
        expectViews(site, track: "/docs/levels/", pair: "l1-vs-l4")
        // Prose after the list stays on the overview.
        #expect(try site.read("public/docs/levels/index.html").contains("Moving down is rare."))
        #expect(result.out.contains("content/docs/levels.md: track 'levels', 4 levels L1–L4 from its bold list"))
    }

    @Test func pasted_bullets_with_curly_possessives_are_a_bold_list() throws {
        let (site, result) = try build("pasted-bullet-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/levels/", ids: ["l1", "l2", "l3", "l4"]))
        let overview = try site.read("public/levels/index.html")
        #expect(overview.contains("<h1>Acme Levels</h1>"))
        #expect(!overview.contains("•"))
        #expect(try site.read("public/levels/l2/index.html").contains("run features from start to finish"))
        expectViews(site, track: "/levels/", pair: "l2-vs-l3")
        #expect(result.out.contains("content/levels.md: track 'levels', 4 levels L1–L4 from its bullet lines"))
    }

    @Test func bold_paragraphs_as_a_word_processor_writes_headings_are_levels() throws {
        let (site, result) = try build("bold-paragraph-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        let track = "/engineering-levels/"
        #expect(try levelOrder(site, track: track, ids: ["associate-engineer", "engineer", "senior-engineer", "staff-engineer"]))
        let senior = try site.read("public\(track)senior-engineer/index.html")
        #expect(senior.contains("<h1>Senior Engineer</h1>"))
        #expect(senior.contains("Leads projects across the team"))
        #expect(senior.contains("Mentors two engineers"))
        #expect(!senior.contains("Chooses the architecture"))
        // The document page shows its bold lines as the headings they stand for.
        #expect(try site.read("public\(track)index.html").contains("<h1>Engineering levels</h1>"))
        expectViews(site, track: track, pair: "engineer-vs-senior-engineer")
        #expect(result.out.contains("content/engineering-levels.md: track 'engineering-levels', 4 levels associate-engineer–staff-engineer from its bold paragraphs"), "\(result.out)")
    }

    @Test func bold_paragraphs_repeated_under_level_headings_are_its_competencies() throws {
        let (site, result) = try build("bold-paragraph-sections")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/ladder/", ids: ["p1", "p2", "p3"]))
        let p2 = try site.read("public/ladder/p2/index.html")
        #expect(p2.contains(">Delivery</h2>") && p2.contains(">Collaboration</h2>"), "\(p2)")
        #expect(p2.contains("Pairs with designers on a feature."))
        #expect(site.exists("public/ladder/competencies/delivery/index.html"))
        #expect(site.exists("public/ladder/competencies/collaboration/index.html"))
        let matrix = try site.read("public/ladder/matrix/index.html")
        #expect(matrix.contains("Ships projects that span several sprints."))
    }

    @Test func plain_level_lines_with_eg_examples_are_one_competency_of_each_level() throws {
        let (site, result) = try build("plain-level-lines")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/infrastructure/", ids: ["level-1", "level-2", "level-3", "level-4"]))
        let level1 = withoutCriterionIDs(try site.read("public/infrastructure/level-1/index.html"))
        #expect(level1.contains("<p class=\"lead\">Works safely inside the existing setup, following current practice</p>"))
        #expect(level1.contains("<li>Makes small configuration changes</li>"))
        #expect(level1.contains("Examples</h3>"))
        #expect(level1.contains("<li>Cleared a full disk without help</li>"))
        #expect(!level1.contains("E.g."))
        #expect(site.exists("public/infrastructure/competencies/infrastructure/index.html"))
        expectViews(site, track: "/infrastructure/", pair: "level-1-vs-level-4")
        #expect(result.out.contains("content/infrastructure.md: track 'infrastructure', 4 levels Level 1–Level 4 from its Level lines"))
    }

    @Test func level_headings_with_competency_subheadings_fill_the_matrix() throws {
        let (site, result) = try build("level-checkbox-matrix")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/ladder/", ids: ["level-1", "level-2", "level-3"]))
        for competency in ["simple", "tested", "kind"] {
            #expect(site.exists("public/ladder/competencies/\(competency)/index.html"))
        }
        let matrix = try site.read("public/ladder/matrix/index.html")
        #expect(matrix.contains("Writes the test before the fix."))
        expectViews(site, track: "/ladder/", pair: "level-1-vs-level-3")
    }

    @Test func ic_dash_titles_under_a_section_heading() throws {
        let (site, result) = try build("ic-dash-title")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/ladder/", ids: ["ic1", "ic2", "ic3"]))
        #expect(try site.read("public/ladder/ic1/index.html").contains("<span class=\"level-id\">IC1</span> Junior Engineer"))
        #expect(!site.exists("public/ladder/engineering-career-ladder/index.html"))
    }

    @Test func numbered_headings_with_the_same_bold_items_under_each_are_levels_and_the_code_table_is_navigation() throws {
        // `Q` is no level prefix Ladder knows: the numbers in order and `Tests`, `Automation` and
        // `Communication` under every heading are the evidence.
        let (site, result) = try build("numbered-bold-items")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/qa/", ids: ["q1", "q2", "q3"]))
        let q2 = try site.read("public/qa/q2/index.html")
        #expect(q2.contains("<h1>QA Engineer 2</h1>"))
        #expect(q2.contains("adds automated checks for the regressions the team has seen"))
        #expect(!q2.contains("sets the test strategy of a product area"))
        #expect(result.out.contains("content/qa.md: track 'qa', 3 levels Q1–Q3 from its headings"))
        // The bold leads under every level are its competencies: a section each, without the lead.
        #expect(q2.contains("<h2 id=\"automation\">Automation</h2>"))
        #expect(q2.contains("<p>adds automated checks for the regressions the team has seen.</p>"))
        // (The sections, that is: "What changes from Q1" below them names each competency in bold.)
        #expect(!q2.components(separatedBy: "id=\"what-changes\"")[0].contains("<strong>Automation</strong>"))
        let matrix = try site.read("public/qa/matrix/index.html")
        #expect(matrix.contains("href=\"/qa/competencies/tests/\""))
        #expect(matrix.contains("<li>sets the test strategy of a product area.</li>"))
        #expect(try site.read("public/qa/competencies/communication/index.html").contains("coaches developers in testing their own work."))
    }

    @Test func a_heading_with_only_sub_levels_under_it_is_a_group_and_its_sub_levels_are_levels() throws {
        let (site, result) = try build("sub-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/growth/", ids: ["junior", "mid", "senior-i", "senior-ii", "staff"]))
        #expect(!site.exists("public/growth/senior/index.html"))
        let seniorII = try site.read("public/growth/senior-ii/index.html")
        #expect(seniorII.contains("Grows other seniors."))
        #expect(!seniorII.contains("Designs a service the team owns."))
        #expect(!seniorII.contains("Writes the group"))
        #expect(try site.read("public/growth/senior-i/index.html").contains("Designs a service the team owns."))
        expectViews(site, track: "/growth/", pair: "senior-i-vs-senior-ii")
    }

    @Test func a_first_level_with_no_label_joins_the_ladder_when_it_has_the_same_sections() throws {
        let (site, result) = try build("unlabelled-first-level")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/competencies/", ids: [
            "software-engineering-apprentice", "software-engineer-i", "software-engineer-ii", "senior-software-engineer"]))
        #expect(try site.read("public/competencies/software-engineering-apprentice/index.html")
            .contains("Writes working code with close guidance."))
        // The FAQ after the levels shares none of their sections: it stays on the overview.
        #expect(!site.exists("public/competencies/faq/index.html"))
        #expect(try site.read("public/competencies/index.html").contains("Twice a year."))
        #expect(site.exists("public/competencies/competencies/delivery/index.html"))
    }

    @Test func two_tracks_in_one_page_each_under_its_heading_are_two_tracks() throws {
        let (site, result) = try build("two-tracks-one-page")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/career-ladder/engineering/", ids: ["l1", "l2", "l3"]))
        #expect(try levelOrder(site, track: "/career-ladder/management/", ids: ["m1", "m2", "m3"]))
        let m2 = try site.read("public/career-ladder/management/m2/index.html")
        #expect(m2.contains("Grows managers."))
        #expect(!m2.contains("Hires and grows group managers."))
        #expect(!m2.contains("Chooses designs that keep the service simple."))
        #expect(try site.read("public/career-ladder/management/index.html").contains("<title>Management · "))
        // `# Engineering` is a track's heading, not the page's title.
        #expect(try site.read("public/career-ladder/index.html").contains("<title>Career ladder · "))
        expectViews(site, track: "/career-ladder/engineering/", pair: "l1-vs-l3")
        #expect(site.exists("public/career-ladder/management/competencies/people/index.html"))
        #expect(result.out.contains("content/career-ladder.md: track 'engineering', 3 levels L1–L3 from its headings"))
        #expect(result.out.contains("content/career-ladder.md: track 'management', 3 levels M1–M3 from its headings"))
    }

    @Test func a_table_with_levels_across_its_header_is_a_ladder_with_a_competency_per_row() throws {
        let (site, result) = try build("table-levels-across")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/matrix/", ids: ["junior-engineer", "engineer", "senior-engineer", "staff-engineer"]))
        let senior = try site.read("public/matrix/senior-engineer/index.html")
        #expect(senior.contains("<h2 id=\"scope\">Scope</h2>"))
        #expect(senior.contains("<p>Delivers projects across a team.</p>"))
        #expect(senior.contains("Sets the team&#39;s testing practice.") || senior.contains("Sets the team's testing practice."))
        #expect(!senior.contains("Delivers features on their own."))
        // A bold row with empty cells groups the rows under it: it is no competency.
        #expect(!senior.contains("id=\"delivery\""))
        #expect(!site.exists("public/matrix/competencies/delivery/index.html"))
        #expect(site.exists("public/matrix/competencies/mentoring/index.html"))
        // A link in a cell is rewritten where the level shows it; the table stays on the page.
        #expect(try site.read("public/matrix/staff-engineer/index.html").contains("href=\"/guide/\""))
        let overview = try site.read("public/matrix/index.html")
        #expect(overview.contains("<table>"))
        #expect(overview.contains("Promotions are decided twice a year."))
        let compare = try site.read("public/matrix/compare/engineer-vs-senior-engineer/index.html")
        #expect(compare.contains("<span class=\"visually-hidden\">New: </span>Delivers projects across a team."))
        #expect(result.out.contains("content/matrix.md: track 'matrix', 4 levels junior-engineer–staff-engineer from its table"))
    }

    @Test func a_table_with_a_level_per_row_is_a_ladder_with_a_competency_per_column() throws {
        let (site, result) = try build("table-levels-down")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/levels/", ids: ["l1", "l2", "l3"]))
        let l2 = try site.read("public/levels/l2/index.html")
        #expect(l2.contains("<h2 id=\"communication\">Communication</h2>"))
        #expect(l2.contains("Writes clear design notes."))
        #expect(!l2.contains("Completes well-scoped tasks."))
        let matrix = try site.read("public/levels/matrix/index.html")
        #expect(matrix.contains("href=\"/levels/competencies/impact/\""))
        #expect(matrix.contains("<li>Explains trade-offs to other teams.</li>"))
        // Search finds a cell under its level and competency.
        let check = site.ladder(["check", site.path, "--explain"])
        #expect(check.out.contains("read by the table reader (its table), score 7: +4 labels of one family in order, +2 2 competencies with a cell for every level"), "\(check.out)")
        #expect(check.out.contains("  competencies: Impact, Communication"))
    }

    @Test func a_raw_html_table_with_spanning_and_unclosed_cells_is_read_with_a_real_parser() throws {
        // Blank lines split the table into several HTML blocks; rowspan groups a level's rows; colspan
        // (a level's summary) is no competency's; unclosed cells and rows are closed as a browser does; a
        // script is no text.
        let (site, result) = try build("html-table-levels")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/management/", ids: ["m1", "m2", "m3"]))
        let m1 = try site.read("public/management/m1/index.html")
        #expect(m1.contains("<h2 id=\"delivery\">Delivery</h2>"))
        #expect(m1.contains(">Ships the team's roadmap.</li>"))
        #expect(m1.contains(">Runs planning.</li>"))
        #expect(m1.contains("<p>Holds one-to-ones.</p>"))
        #expect(!m1.contains("Leads one team."))
        #expect(!m1.contains("Grows managers."))
        let m3 = try site.read("public/management/m3/index.html")
        #expect(m3.contains("<p>Hires group managers</p>"))
        #expect(!m3.contains("alert"))
        #expect(site.exists("public/management/competencies/people/index.html"))
        #expect(result.out.contains("content/management.md: track 'management', 3 levels M1–M3 from its table"), "\(result.out)")
    }

    @Test func a_heading_ladder_and_a_table_ladder_outside_its_levels_are_two_tracks_of_the_page() throws {
        let (site, result) = try build("headings-and-table")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/framework/", ids: ["ic1", "ic2", "ic3"]))
        #expect(try levelOrder(site, track: "/framework/management-levels/", ids: ["m1", "m2", "m3"]))
        #expect(try site.read("public/framework/management-levels/m2/index.html").contains("Grows first-time managers."))
        #expect(try site.read("public/framework/ic3/index.html").contains("Leads projects across the team"))
        #expect(!(try site.read("public/framework/ic3/index.html").contains("Ships one team")))
        #expect(result.out.contains("content/framework.md: track 'management-levels', 3 levels M1–M3 from its table"), "\(result.out)")
        #expect(result.out.contains("(6 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func levels_table_reads_the_table_whatever_its_score() throws {
        // Bare labels and no word about careers: not recognised on its own, read when the page says so.
        let table = "| Tier | Reach | Answers |\n|---|---|---|\n| T1 | Our own team | Within a day |\n| T2 | Two teams | Within two days |\n| T3 | The company | Within a week |\n"
        let site = try TempSite(files: ["content/plain.md": "# Plain\n\n" + table,
                                        "content/forced.md": "---\ntitle: Forced\nlevels: table\n---\n" + table])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(!site.exists("public/plain/t1/index.html"))
        #expect(try site.read("public/forced/t2/index.html").contains("Within two days"))
        let none = try TempSite(files: ["content/forced.md": "---\ntitle: Forced\nlevels: table\n---\nNo table here.\n"])
        defer { none.remove() }
        let failed = none.ladder(["build", none.path])
        #expect(failed.status == 1)
        #expect(failed.err.contains("content/forced.md:3:1: error: 'levels: table' but no table whose header row or first column names levels"), "\(failed.err)")
    }

    @Test func level_depth_says_which_headings_are_the_levels() throws {
        // Read as it is, the `##` headings (Impact, Craft…) are no ladder; `level_depth: 3` makes the `###` the levels.
        let body = "## Guide\n\nHow we grow.\n\n### Apprentice\n\nLearns.\n\n### Practitioner\n\nDelivers.\n\n### Expert\n\nTeaches.\n"
        let site = try TempSite(files: ["content/forced.md": "---\ntitle: Forced\nlevel_depth: 3\n---\n" + body,
                                        "content/plain.md": "---\ntitle: Plain\n---\n" + body,
                                        "content/wrong.md": "---\ntitle: Wrong\nlevel_depth: 9\n---\n" + body])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/wrong.md:3:1: error: 'level_depth' must be a heading depth from 1 to 6, found 9"), "\(result.err)")
        try site.write("content/wrong.md", "# Gone\n")
        let fixed = site.ladder(["build", site.path])
        #expect(fixed.status == 0, "\(fixed.err)")
        #expect(try levelOrder(site, track: "/forced/", ids: ["apprentice", "practitioner", "expert"]))
        #expect(try site.read("public/forced/practitioner/index.html").contains("Delivers."))
        #expect(!site.exists("public/plain/practitioner/index.html"))
        let explain = site.ladder(["check", site.path, "--explain", "content/forced.md"])
        #expect(explain.out.contains("read by its front matter (levels: headings, level_depth: 3)"), "\(explain.out)")
    }

    @Test func a_json_file_of_roles_and_skills_is_a_track_and_other_data_stays_a_file() throws {
        let ladder = """
            {
              "title": "Engineering ladder",
              "skills": [
                {"id": "code", "name": "Code quality", "description": "How well they write code."},
                {"id": "delivery", "name": "Delivery", "description": "Getting things shipped."}
              ],
              "roles": [
                {"id": "se1", "name": "Software Engineer I",
                 "expectations": {"code": ["Writes readable code with help.", "Adds tests when asked."], "delivery": "Ships small tasks."}},
                {"id": "se2", "name": "Software Engineer II",
                 "expectations": {"code": "Writes clean, tested code.", "delivery": "Ships features on their own."}},
                {"id": "sse", "name": "Senior Software Engineer",
                 "expectations": {"code": "Sets the team's <code> standards.", "delivery": "Ships projects across teams."}}
              ]
            }
            """
        let yaml = """
            levels:
              - title: Associate Designer
                competencies:
                  - skill: Craft
                    description: Uses the design system as it is.
                  - skill: Communication
                    description: Shares work in progress.
              - title: Designer
                competencies:
                  - skill: Craft
                    description: Extends the design system.
                  - skill: Communication
                    description: Presents work to the team.
              - title: Senior Designer
                competencies:
                  - skill: Craft
                    description: Shapes the design system.
                  - skill: Communication
                    description: Presents work to the company.
            """
        let site = try TempSite(files: [
            "content/engineering.json": ladder, "content/design/levels.yml": yaml,
            "content/data/team.json": #"{"members": [{"name": "Ada", "role": "Engineer"}, {"name": "Grace", "role": "Manager"}]}"#,
            "content/data/releases.yml": "releases:\n  - version: '1.0'\n    notes: [Fix]\n  - version: '1.1'\n    notes: [Add]\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/engineering/", ids: ["software-engineer-i", "software-engineer-ii", "senior-software-engineer"]))
        let se1 = try site.read("public/engineering/software-engineer-i/index.html")
        // Skills referred to by id are named; several texts are a list, one a paragraph; text is never Markdown.
        #expect(se1.contains("<h2 id=\"code-quality\">Code quality</h2>"))
        #expect(se1.contains("\">Writes readable code with help.</li>"))
        #expect(se1.contains("<p>Ships small tasks.</p>"))
        #expect(try site.read("public/engineering/senior-software-engineer/index.html").contains("Sets the team's &lt;code&gt; standards.</p>"))
        #expect(try levelOrder(site, track: "/design/levels/", ids: ["associate-designer", "designer", "senior-designer"]))
        #expect(try site.read("public/design/levels/designer/index.html").contains("Presents work to the team."))
        #expect(site.exists("public/design/levels/competencies/craft/index.html"))
        // The files themselves are published as they are; data that holds no ladder is no page.
        #expect(site.exists("public/engineering.json"))
        #expect(site.exists("public/data/team.json"))
        #expect(!site.exists("public/data/team/index.html"))
        #expect(!site.exists("public/data/releases/index.html"))
        #expect(result.out.contains("content/engineering.json: track 'engineering', 3 levels software-engineer-i–senior-software-engineer from its data"), "\(result.out)")
        #expect(result.out.contains("(6 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func skills_keyed_by_level_in_data_are_read_the_other_way_round() throws {
        // A matrix kept as data: each skill a record keyed by level (a map of maps, or a list of named
        // records), the levels the keys every record shares. Keys that are no levels stay data.
        let json = """
            {"matrix": {
              "Technical skills": {"L1": "Writes working code with help.", "L2": "Writes clean code alone.",
                                   "L3": ["Designs systems for the team.", "Reviews <designs>."], "L4": "Designs systems across teams."},
              "Communication": {"L1": "Asks for help early.", "L2": "Explains their work.", "L3": "Writes proposals.", "L4": "Aligns teams."}
            }}
            """
        let yaml = """
            title: Design competencies
            competencies:
              - name: Craft
                Junior: Uses the design system.
                Mid: Extends the design system.
                Senior: Shapes the design system.
              - name: Research
                Junior: Joins interviews.
                Mid: Runs interviews.
                Senior: Plans the research.
            """
        let site = try TempSite(files: [
            "content/engineering.json": json, "content/design.yml": yaml,
            "content/deploy.json": #"{"environments": {"staging": {"url": "s", "replicas": 1}, "production": {"url": "p", "replicas": 3}}}"#,
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.contains("warning"), "\(result.out)")
        #expect(try levelOrder(site, track: "/engineering/", ids: ["l1", "l2", "l3", "l4"]))
        let l3 = try site.read("public/engineering/l3/index.html")
        #expect(l3.contains(">Technical skills</h2>") && l3.contains(">Communication</h2>"))
        #expect(l3.contains("Reviews &lt;designs&gt;.</li>"))
        #expect(l3.contains("Writes proposals."))
        #expect(try levelOrder(site, track: "/design/", ids: ["junior", "mid", "senior"]))
        #expect(try site.read("public/design/mid/index.html").contains("Runs interviews."))
        #expect(site.exists("public/design/competencies/research/index.html"))
        #expect(!site.exists("public/deploy/index.html"))
        #expect(result.out.contains("(7 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func a_spreadsheet_saved_as_csv_or_tsv_is_read_as_its_records() throws {
        // Competencies down and levels across (quoted commas, a doubled quote, a line break in a cell, CRLF),
        // a level per row (TSV), and spreadsheets that hold no ladder, which stay files.
        let matrix = "Competency,Junior,Mid,Senior\r\nCoding,\"Writes code, with help\",Writes code alone,\"Designs \"\"systems\"\"\"\r\n"
            + "Communication,Asks questions,\"Explains work\nin writing\",Aligns the team\r\nOwnership,Finishes tasks,Owns features,Owns systems\r\n"
        let rows = "Level\tScope\tImpact\nL1\tTasks of a week\tFixes bugs\nL2\tFeatures of a month\tShips features\nL3\tProjects of a quarter\tLeads projects\n"
        let site = try TempSite(files: [
            "content/engineering.csv": matrix, "content/levels.tsv": rows,
            "content/team.csv": "Name,Role\nAda,Engineer\nGrace,Manager\nLin,Designer\n",
            "content/releases.csv": "Version,Notes\n1.0,First\n1.1,Fixes\n2.0,Second\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/engineering/", ids: ["junior", "mid", "senior"]))
        let mid = try site.read("public/engineering/mid/index.html")
        #expect(mid.contains(">Coding</h2>") && mid.contains("Writes code alone"))
        #expect(mid.contains("Explains work\nin writing") || mid.contains("Explains work in writing"))
        #expect(try site.read("public/engineering/junior/index.html").contains("Writes code, with help"))
        #expect(try site.read("public/engineering/senior/index.html").contains("Designs &quot;systems&quot;") || site.read("public/engineering/senior/index.html").contains("Designs \"systems\""))
        #expect(try levelOrder(site, track: "/levels/", ids: ["l1", "l2", "l3"]))
        #expect(try site.read("public/levels/l2/index.html").contains("Features of a month"))
        #expect(site.exists("public/engineering.csv") && site.exists("public/team.csv"))
        #expect(!site.exists("public/team/index.html") && !site.exists("public/releases/index.html"))
        #expect(result.out.contains("(6 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func a_ladder_apps_data_in_javascript_literals_is_read_as_data() throws {
        // `export const tracks: Tracks = {…}` with bare and quoted keys, three kinds of quotes, trailing commas,
        // comments, joined strings naming constants, and functions beside it (skipped): each track a
        // competency, its milestones the levels in order.
        let (site, result) = try build("script-data")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        let track = "/growth/constants/"
        #expect(try levelOrder(site, track: track, ids: ["level-1", "level-2", "level-3"]))
        let first = try site.read("public\(track)level-1/index.html")
        #expect(first.contains(">Mobile</h2>") && first.contains(">Web client</h2>"))
        #expect(first.contains("Learning: works effectively within established iOS or Android architectures"))
        #expect(first.contains("Adds simple actions that call server endpoints"))
        #expect(try site.read("public\(track)level-3/index.html").contains("Leading: designs major new features"))
        #expect(site.exists("public/growth/constants.js"))
        #expect(result.out.contains("content/growth/constants.js: track 'constants', 3 levels level-1–level-3 from its data"), "\(result.out)")
    }

    @Test func skills_as_lists_in_level_order_beside_a_list_of_titles_are_a_matrix() throws {
        // Each skill (a computed key naming a constant) lists one value per level, in the order of a list of
        // titles beside it, which may begin and end with titles of other words.
        let data = """
            const AGILE = 'Agile Engineering';
            const PROGRAMMING = 'Programming';
            export const NONE = '';
            const DEVELOPING = 'Developing', LEADING = 'Leading';
            export const jobTitles = ['Software Engineer Apprentice', 'Software Engineer 1', 'Software Engineer 2', 'Software Engineer 3', 'Software Architect'];
            export const skillProficencies = {
              [AGILE]: [NONE, 'Developing', 'Developing', 'Leading', 'Leading'],
              [PROGRAMMING]: ['Developing', 'Developing', 'Leading', 'Leading', 'Shaping'],
            };
            """
        let site = try TempSite(files: ["content/job-data.js": data])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/job-data/", ids: ["software-engineer-apprentice", "software-engineer-1", "software-engineer-2",
                                                                 "software-engineer-3", "software-architect"]))
        let second = try site.read("public/job-data/software-engineer-2/index.html")
        #expect(second.contains(">Agile Engineering</h2>") && second.contains(">Programming</h2>"))
        #expect(try site.read("public/job-data/software-architect/index.html").contains("Shaping"))
        #expect(!(try site.read("public/job-data/software-engineer-apprentice/index.html").contains(">Agile Engineering</h2>")))
    }

    @Test func records_in_order_with_the_same_lists_of_sentences_are_levels() throws {
        // Roles listed in order, each with the same lists of expectations written as sentences; a list of
        // people with lists of skill names is no ladder.
        let roles = """
            export const jobs = [
              { id: 'junior', name: 'Júnior', responsibilities: ['Learns the team code standards and follows them.', 'Builds simple features with help.'], behaviors: ['Says clearly what blocks them.'] },
              { id: 'pleno', name: 'Pleno', responsibilities: ['Builds complex features on their own.', 'Reviews the code of junior developers.'], behaviors: ['Gives useful feedback to the juniors.'] },
              { id: 'senior', name: 'Sênior', responsibilities: ['Shapes the architecture of the system.', 'Mentors the pleno developers weekly.'], behaviors: ['Links the team and its managers.'] },
            ];
            """
        let site = try TempSite(files: ["content/roles.ts": roles])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/roles.ts: track 'roles', 3 levels júnior–sênior from its data"), "\(result.out)")
        let pleno = try site.read("public/roles/pleno/index.html")
        #expect(pleno.contains(">Responsibilities</h2>") || pleno.contains(">responsibilities</h2>"), "\(pleno)")
        #expect(pleno.contains("Reviews the code of junior developers."))
    }

    @Test func levels_named_in_portuguese_german_and_french_are_read() throws {
        // Seniority after the role (`Desenvolvedor Pleno`, `Développeur Confirmé`) and `Stufe N`.
        let (site, result) = try build("levels-in-other-languages")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/trilha.md: track 'trilha', 3 levels desenvolvedor-júnior–desenvolvedor-sênior from its headings"), "\(result.out)")
        #expect(result.out.contains("content/stufen.md: track 'stufen', 3 levels Stufe 1–Stufe 3 from its headings"), "\(result.out)")
        #expect(result.out.contains("content/parcours.md: track 'parcours', 3 levels développeur-débutant–développeur-senior from its headings"), "\(result.out)")
        #expect(try site.read("public/stufen/stufe-2/index.html").contains("Liefert Features selbstständig aus."))
        #expect(site.exists("public/trilha/competencies/comportamental/index.html"))
    }

    @Test func a_column_of_job_titles_beside_level_ids_names_the_levels() throws {
        // In a pipe table and in a spreadsheet: `| L1 | Junior Engineer | … |` is level L1, "Junior Engineer",
        // and the titles are no competency. A column of words that are no titles in order stays one.
        let table = "# Engineering levels\n\n| Level | Title | Scope | Impact |\n|---|---|---|---|\n"
            + "| L1 | Junior Engineer | Tasks of a week | Fixes bugs |\n| L2 | Engineer | Features of a month | Ships features |\n"
            + "| L3 | Senior Engineer | Projects of a quarter | Leads projects |\n"
        let csv = "Level,Title,Scope,Team\nL1,Junior Engineer,Tasks of a week,Payments\nL2,Engineer,Features of a month,Search\nL3,Senior Engineer,Projects of a quarter,Payments\n"
        let site = try TempSite(files: ["content/ladder.md": table, "content/levels.csv": csv])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        for track in ["/ladder/", "/levels/"] {
            #expect(try levelOrder(site, track: track, ids: ["l1", "l2", "l3"]))
            let l1 = try site.read("public\(track)l1/index.html")
            #expect(l1.contains("Junior Engineer"), "\(track)")
            #expect(!l1.contains(">Title</h2>"), "\(track)")
            #expect(l1.contains(">Scope</h2>") && l1.contains("Tasks of a week"))
        }
        #expect(try site.read("public/levels/l2/index.html").contains(">Team</h2>"))
    }

    @Test func an_empty_levels_key_says_nothing_and_the_page_is_read_as_it_is() throws {
        let (site, result) = try build("empty-levels-key")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/research/", ids: ["level-1", "level-2", "level-3"]))
        #expect(try site.read("public/research/level-2/index.html").contains("You plan and run research projects on your own."))
        #expect(site.exists("public/research/competencies/ownership/index.html"))
    }

    @Test func pages_of_one_folder_whose_levels_hold_their_own_sections_are_ladders_not_competencies() throws {
        // Each page has `## Level 1` … with `### Knowledge` and `### Ownership` under every level: two
        // ladders, not one ladder whose competencies are the pages.
        let (site, result) = try build("pages-with-own-sections")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/design/product/", ids: ["level-1", "level-2", "level-3"]))
        #expect(try levelOrder(site, track: "/design/visual/", ids: ["level-1", "level-2", "level-3"]))
        #expect(site.exists("public/design/visual/competencies/knowledge/index.html"))
        #expect(result.out.contains("(6 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func titles_that_change_words_as_they_rise_are_levels_and_the_same_levels_under_sibling_headings_are_tracks() throws {
        let (site, result) = try build("seniority-titles-tracks")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        // `Analyst I`, `Analyst II`, `Senior Analyst`, then a management title: one scale of seniority.
        let ids = ["analyst-i", "analyst-ii", "senior-analyst", "analytics-director"]
        #expect(try levelOrder(site, track: "/analytics-paths/insight/", ids: ids))
        // The second path still holds placeholder text under every level: the same levels, so a track too.
        #expect(try levelOrder(site, track: "/analytics-paths/forecasting/", ids: ids))
        let senior = try site.read("public/analytics-paths/insight/senior-analyst/index.html")
        #expect(senior.contains("Reviews the methods of others."))
        #expect(!senior.contains("Chooses the method that fits the question."))
        expectViews(site, track: "/analytics-paths/insight/", pair: "analyst-i-vs-analytics-director")
        #expect(result.out.contains("(8 levels in 2 tracks, 2 recognised)"), "\(result.out)")
    }

    @Test func two_tables_of_titles_in_one_page_are_two_tracks_the_first_at_the_page() throws {
        let (site, result) = try build("two-title-tables")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/titles/", ids: ["trainee", "specialist", "senior-specialist", "principal-specialist"]))
        #expect(try levelOrder(site, track: "/titles/manager-titles/", ids: ["shift-manager", "senior-shift-manager", "operations-director"]))
        let director = try site.read("public/titles/manager-titles/operations-director/index.html")
        #expect(director.contains("The group&#39;s results.") || director.contains("The group’s results.") || director.contains("The group's results."))
        #expect(!director.contains("Owns the standards."))
        #expect(result.out.contains("content/titles.md: track 'manager-titles', 3 levels shift-manager–operations-director from its table under 'Manager titles'"), "\(result.out)")
    }

    @Test func titles_of_a_role_the_grammar_does_not_know_are_levels_by_their_seniority_words() throws {
        let (site, result) = try build("unknown-role-titles")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        // Closing hashes (`# Community Wrangler I #`) are not part of the label.
        #expect(try levelOrder(site, track: "/wranglers/", ids: ["community-wrangler-i", "community-wrangler-ii",
                                                                 "senior-community-wrangler", "staff-community-wrangler",
                                                                 "principal-community-wrangler"]))
        #expect(try site.read("public/wranglers/staff-community-wrangler/index.html").contains("Shapes the programme across regions."))
    }

    @Test func a_ladder_written_competency_by_competency_with_bold_level_items_is_a_matrix() throws {
        let (site, result) = try build("competency-first-bold-ids")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(try levelOrder(site, track: "/programmers/", ids: ["l1", "l2", "l3"]))
        // Each level holds its item under every competency, without the bold lead; no other level's.
        let l2 = try site.read("public/programmers/l2/index.html")
        for text in ["follows our patterns with ease.", "works on well-defined features.", "handles most incidents in their area."] {
            #expect(l2.contains(text), "\(text)")
        }
        #expect(!l2.contains("knows the basics of our language"))
        #expect(l2.contains("id=\"mastery\"") && l2.contains("id=\"ownership\""))
        let matrix = try site.read("public/programmers/matrix/index.html")
        #expect(matrix.contains("takes large features from idea to release."))
        #expect(result.out.contains("content/programmers.md: track 'programmers', 3 levels L1–L3 from its bold leads under each competency"), "\(result.out)")
    }

    @Test func lead_paragraphs_over_lists_under_competencies_of_one_sub_heading_name_are_a_matrix_named_by_the_competencies() throws {
        let (site, result) = try build("competency-first-lead-paragraphs")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        // The grid (the same levels under every competency) beats the bare level headings above it.
        #expect(try levelOrder(site, track: "/growth/", ids: ["junior-analyst", "analyst", "senior-analyst"]))
        let analyst = try site.read("public/growth/analyst/index.html")
        // `### Capabilities` is under every competency: the competency is named by the heading above it.
        #expect(analyst.contains("<h2 id=\"research\">Research</h2>"))
        #expect(analyst.contains("<h2 id=\"writing\">Writing</h2>"))
        #expect(analyst.contains("checking one source against another"))
        #expect(analyst.contains("writing a report that others can act on"))
        #expect(!analyst.contains("editing the reports of the team"))
        // `is capable of:` leads into the list and is not shown without its subject.
        #expect(!analyst.contains("is capable of:"))
        #expect(site.exists("public/growth/competencies/research/index.html"))
    }

    @Test func front_matter_that_is_a_template_is_skipped_with_a_warning_not_an_error() throws {
        let (site, result) = try build("template-front-matter")
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/archetypes/default.md:2:"), "\(result.err)")
        #expect(result.err.contains("warning: front matter that is a template ({{ … }} placeholders), not YAML"), "\(result.err)")
        #expect(!site.exists("public/archetypes/default/index.html"))
        // Broken YAML without placeholders is still an error.
        let broken = try TempSite(files: ["content/index.md": "---\ntitle: Home\n---\n# Home\n",
                                          "content/bad.md": "---\ntitle: \"Open\n  date: [\n---\nText\n"])
        defer { broken.remove() }
        let failed = broken.ladder(["build", broken.path])
        #expect(failed.status == 1)
        #expect(failed.err.contains("content/bad.md:") && failed.err.contains("error: invalid YAML"), "\(failed.err)")
    }

    @Test(arguments: [
        "neg-competency-sections", "neg-nav-table", "neg-faq-bold-questions", "neg-prose-levels", "neg-howto-steps", "neg-release-notes", "neg-resume",
        "neg-staffing-plan", "neg-ic-designators", "neg-tiers", "neg-interview-questions", "neg-heading-depth",
        "neg-roman-parts", "neg-bold-paragraph-notes", "neg-script-app",
    ])
    func look_alikes_stay_plain_pages(_ fixture: String) throws {
        let (site, result) = try build(fixture)
        defer { site.remove() }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("(0 levels in 0 tracks)"), "\(fixture): \(result.out)")
        #expect(!result.out.contains("recognised"), "\(fixture): \(result.out)")
    }

    @Test func levels_none_keeps_a_ladder_shaped_page_plain() throws {
        let body = "## L1\n\nLearns the ropes as an engineer.\n\n## L2\n\nOwns features.\n\n## L3\n\nLeads a team.\n"
        let site = try TempSite(files: ["content/guide/levels.md": "---\ntitle: Levels\nlevels: none\n---\n" + body,
                                        "content/other/levels.md": body])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(!site.exists("public/guide/levels/l1/index.html"))
        #expect(site.exists("public/guide/levels/index.html"))
        #expect(site.exists("public/other/levels/l1/index.html"))
        #expect(result.out.contains("(3 levels in 1 tracks, 1 recognised)"))
    }

    @Test func check_explain_says_what_was_read_by_which_reader_and_what_fell_short() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/numbered-bold-items"),
                                files: ["content/deploy.md": try String(contentsOf: Repo.fixture("recognise/neg-tiers/content/deployment.md"), encoding: .utf8)])
        defer { site.remove() }
        let all = site.ladder(["check", site.path, "--explain"])
        #expect(all.status == 0, "\(all.err)")
        #expect(all.out.contains("content/qa.md: track 'qa' at /qa/, read by the heading reader (its headings), score 8: +2 numbered in order, +4 3 sections under every level (automation, communication, tests), +2 names roles or seniority"), "\(all.out)")
        #expect(all.out.contains("  levels: Q1 (QA Engineer 1), Q2 (QA Engineer 2), Q3 (QA Engineer 3)"), "\(all.out)")
        #expect(all.out.contains("  competencies: Tests, Automation, Communication"), "\(all.out)")
        #expect(all.out.contains("content/deploy.md: no ladder; nearest reading: 3 headings (Level 1: Single Server …) score 3 of 5: +2 numbered in order, +4 2 sections under every level (components, use case), -3 no word about careers"), "\(all.out)")
        // A path keeps to what is under it.
        let one = site.ladder(["check", site.path, "--explain", "content/deploy.md"])
        #expect(one.status == 0)
        #expect(one.out.contains("content/deploy.md: no ladder"))
        #expect(!one.out.contains("read by the heading reader"))
    }

    @Test func check_says_which_tracks_it_recognised() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/bold-bullet-levels"))
        defer { site.remove() }
        let result = site.ladder(["check", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/docs/levels.md: track 'levels', 4 levels L1–L4 from its bold list"))
        // 10 pages and an assess page per level.
        #expect(result.out.contains("OK: 18 pages, 4 levels in 1 tracks, 1 recognised, no errors."))
        #expect(!site.exists("public"))
    }

    @Test func the_example_site_has_pages_recognised_as_they_are() throws {
        let site = try TempSite()
        defer { site.remove() }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                         to: site.folder.appendingPathComponent("content"))
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/design.md: track 'design', 4 levels designer-i–staff-designer from its headings"))
        #expect(result.out.contains("content/hiring/levels.md: track 'levels', 4 levels level-1–level-4 from its bullet lines"))
        #expect(try levelOrder(site, track: "/design/", ids: ["designer-i", "designer-ii", "senior-designer", "staff-designer"]))
        #expect(try levelOrder(site, track: "/hiring/levels/", ids: ["level-1", "level-2", "level-3", "level-4"]))
        #expect(site.exists("public/design/competencies/craft/index.html"))
        expectViews(site, track: "/design/", pair: "designer-i-vs-staff-designer")
        expectViews(site, track: "/hiring/levels/", pair: "level-1-vs-level-4")
        // A folder of level pages and a folder of competency pages, with nothing but titles.
        #expect(result.out.contains("content/data-science/: track 'data-science', 4 levels data-scientist-i–staff-data-scientist from its level pages"))
        #expect(result.out.contains("content/pathway/: track 'pathway', 3 levels Junior–Senior from its competency pages"))
        #expect(result.out.contains(", 4 recognised)"))
        #expect(try levelOrder(site, track: "/data-science/", ids: ["data-scientist-i", "data-scientist-ii", "senior-data-scientist", "staff-data-scientist"]))
        #expect(try levelOrder(site, track: "/pathway/", ids: ["junior", "mid", "senior"]))
        #expect(try site.read("public/pathway/mid/index.html").contains("Writes the runbook for a feature before it ships"))
        #expect(site.exists("public/pathway/competencies/code-review/index.html"))
        expectViews(site, track: "/data-science/", pair: "data-scientist-i-vs-staff-data-scientist")
        expectViews(site, track: "/pathway/", pair: "junior-vs-senior")
    }
}
