import Foundation
import Testing

/// How the default theme lays out the ladder on the `ladder` fixture site, built by the real pipeline:
/// what a reader sees before any CSS (the words, their order, the landmarks).
@Suite struct ThemeLayoutTests {
    @Test func a_headings_track_overview_shows_its_introduction_first_and_links_to_the_levels() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let overview = try site.read("public/mgmt/index.html")
        let intro = try #require(overview.range(of: "Managers grow people."))
        let levels = try #require(overview.range(of: "Levels at a glance"))
        #expect(intro.lowerBound < levels.lowerBound, "the introduction comes before the list of levels")
        #expect(overview.contains("href=\"/careers/mgmt/m1/\""))
        // The levels' own text lives on their pages, not repeated on the overview.
        #expect(!overview.contains("Runs one-on-ones."))
        #expect(!overview.contains("Coaches team leads."))
        #expect(try site.read("public/mgmt/m1/index.html").contains("Runs one-on-ones."))
    }

    @Test func the_matrix_reads_level_and_title_apart_and_does_not_repeat_them_in_every_cell() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let matrix = try site.read("public/eng/matrix/index.html")
        // "L1 Junior", not "L1Junior", when read without styles or by a screen reader.
        #expect(matrix.contains("<a href=\"/careers/eng/l1/\">L1 <span class=\"level-title\">"))
        // A cell's link shows an arrow; its name, for screen readers only, says where it goes.
        #expect(!matrix.contains("\">L1 · Impact</a>"))
        #expect(matrix.contains("<span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">L1 Impact on the level page</span>"))
        // The table scrolls in its own labelled box.
        #expect(matrix.contains("<div class=\"table-scroll matrix-scroll\" role=\"region\" aria-label=\"Competencies by level\" tabindex=\"0\" id=\"matrix-all\">"))
        // On a phone the header row is out of sight: each cell names its level, and each row has an id the
        // list of competencies links to (the browser test, test_phone.py, checks how they show).
        #expect(matrix.contains("<tr id=\"competency-impact\">"))
        #expect(matrix.contains("<li><a href=\"#competency-impact\">Impact</a></li>"))
        #expect(matrix.contains("<td><span class=\"stack-label\" aria-hidden=\"true\">Engineer 1</span>"))
    }

    @Test func a_level_page_has_one_levels_landmark_and_separated_compare_links() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let l2 = try site.read("public/eng/l2/index.html")
        #expect(l2.components(separatedBy: "aria-label=\"Levels\"").count == 2, "one nav landmark named Levels")
        #expect(l2.components(separatedBy: "rel=\"next\"").count == 3, "next level at the top and at the end")
        // Each link its own list item (the theme draws "·" between them): never "L1 vs L2 L2 vs L3".
        #expect(l2.contains("<li><a href=\"/careers/eng/compare/l1-vs-l2/\">L1 vs L2</a></li><li><a href=\"/careers/eng/compare/l2-vs-l3/\">L2 vs L3</a></li>"))
        // The competencies beside the text: the table of contents comes before the sections it lists.
        let toc = try #require(l2.range(of: "<nav class=\"toc\" aria-label=\"Competencies\">"))
        let main = try #require(l2.range(of: "<div class=\"level-main\">"))
        #expect(toc.lowerBound < main.lowerBound)
    }

    @Test func a_home_page_of_a_heading_and_a_paragraph_shows_both_and_no_empty_tracks_or_dangling_separator() throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n\nWelcome to our careers site.\n",
                                        "content/site.yml": "title: Careers\n"])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let home = try site.read("public/index.html")
        #expect(home.contains("<h1>Home</h1><p>Welcome to our careers site.</p>"))
        #expect(!home.contains("all-tracks"))
        #expect(home.contains("<p class=\"colophon\">Careers</p>"))
    }

    @Test func a_ladder_page_out_of_the_sitemap_keeps_every_page_made_from_it_out() throws {
        let site = try TempSite(copying: Repo.fixture("sites/fly"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let sitemap = try site.read("public/sitemap.xml")
        #expect(site.exists("public/platform/matrix/index.html"))
        #expect(!sitemap.contains("/platform/"), "\(sitemap)")
        #expect(sitemap.contains("/docs/handbook/"))
    }

    @Test func the_header_lists_nav_groups_as_menus() throws {
        let site = try TempSite(files: [
            "content/about/pay.md": "---\ntitle: Pay\nnav: about\n---\nText.\n",
            "content/about/faq.md": "---\ntitle: FAQ\nnav: about\n---\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let page = try site.read("public/about/pay/index.html")
        let header = try #require(page.components(separatedBy: "</header>").first)
        #expect(header.contains("<li class=\"nav-group\"><details><summary>About</summary><ul><li><a href=\"/about/faq/\">FAQ</a></li><li><a href=\"/about/pay/\">Pay</a></li></ul></details></li>"))
        #expect(header.contains("placeholder=\"Search\""))
    }
}
