import Foundation
import Testing

/// Competency pages, the matrix, comparisons and equivalents on the `ladder` fixture site.
@Suite struct LadderViewsTests {
    @Test func compare_marks_what_changes_at_the_higher_level() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let page = try site.read("public/eng/compare/l1-vs-l2/index.html")
        // Shared expectation: not marked. Reworded one: its changed word marked, on the higher side only.
        #expect(page.contains("<li class=\"diff-same\">Writes tests for every change.</li>"))
        #expect(page.contains("<li class=\"diff-reworded\"><span class=\"visually-hidden\">Reworded: </span>Writes code at depth "
            + "<del><span class=\"visually-hidden\">removed: </span>1.</del> <ins><span class=\"visually-hidden\">added: </span>2.</ins></li>"))
        #expect(page.contains("<li>Writes code at depth 1.</li>"))
        #expect(page.contains("<li><strong>Craft</strong>: 1 reworded, 1 unchanged</li>"))
        // The alias "Scope and Impact" lines up with Impact, linking to the L2 section's anchor.
        // The cell's link is an arrow on screen; its name says where it goes.
        #expect(page.contains("href=\"/careers/eng/l2/#scope-and-impact\"><span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">L2 · Impact on the level page</span></a>"))
        // Every pair exists; the index lists them and carries the picker.
        for pair in ["l1-vs-l2", "l1-vs-l3", "l2-vs-l3"] { #expect(site.exists("public/eng/compare/\(pair)/index.html")) }
        #expect(!site.exists("public/eng/compare/l2-vs-l1/index.html"))
        let index = try site.read("public/eng/compare/index.html")
        #expect(index.contains("<select name=\"a\">"))
        #expect(index.contains("href=\"/careers/eng/compare/l1-vs-l3/\""))
        // Level pages link to their neighbours' comparisons.
        let l2 = try site.read("public/eng/l2/index.html")
        #expect(l2.contains("href=\"/careers/eng/compare/l1-vs-l2/\""))
        #expect(l2.contains("href=\"/careers/eng/compare/l2-vs-l3/\""))
    }

    @Test func matrix_and_competency_pages_cover_every_level() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let matrix = try site.read("public/eng/matrix/index.html")
        #expect(matrix.contains("<table class=\"matrix\">"))
        for (level, anchor) in [("l1", "impact"), ("l2", "scope-and-impact"), ("l3", "impact"), ("l3", "craft")] {
            #expect(matrix.contains("href=\"/careers/eng/\(level)/#\(anchor)\""), "\(level)#\(anchor)")
        }
        let impact = try site.read("public/eng/competencies/impact/index.html")
        #expect(impact.contains("Delivers work of size 1."))
        #expect(impact.contains("Delivers work of size 2."))
        #expect(impact.contains("Delivers work of size 3."))
        #expect(site.exists("public/mgmt/competencies/delivery/index.html"))
    }

    @Test func equivalents_show_on_both_tracks() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        for track in ["eng", "mgmt"] {
            let overview = try site.read("public/\(track)/index.html")
            #expect(overview.contains("<h2 id=\"equivalents\">"), "\(track)")
            #expect(overview.contains(">Engineer 3<"), "\(track)")
            #expect(overview.contains("M1 · Team Lead"), "\(track)")
        }
    }
}

@Suite struct LadderWarningTests {
    @Test func gaps_one_off_competencies_and_missing_summaries_are_warnings() throws {
        func level(_ n: Int, _ sections: [String], summary: Bool = true) -> String {
            "---\ntitle: E\(n)\nlevel: L\(n)\n" + (summary ? "summary: S\(n).\n" : "") + "---\n"
                + sections.map { "## \($0)\n\n- Item for \($0).\n" }.joined(separator: "\n")
        }
        let site = try TempSite(files: [
            "content/eng/l1.md": level(1, ["Impact", "Craft"]),
            "content/eng/l2.md": level(2, ["Impact"]),
            "content/eng/l3.md": level(3, ["Impact", "Craft", "Impcat"], summary: false).replacingOccurrences(of: "title: E3\n", with: "title: E3\n"),
        ])
        defer { site.remove() }
        let result = site.ladder(["check", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/eng/l2.md:3:1: warning: level L2 has no 'Craft' section, though L1 and L3 do"))
        #expect(result.err.contains("content/eng/l3.md:3:1: warning: competency 'Impcat' appears only in L3 of track 'eng' (a typo?)"))
        #expect(result.err.contains("content/eng/l3.md:3:1: warning: level L3 has no summary"))
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
    }
}
