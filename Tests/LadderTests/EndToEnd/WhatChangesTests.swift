import Foundation
import Testing

/// "What changes" (issue 31) on real builds: the comparison pages align each level's criteria with the
/// previous wording and mark the words, and each level page says what changes from the level before.
@Suite struct WhatChangesTests {
    func buildExample() throws -> TempSite {
        let site = try TempSite()
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                         to: site.folder.appendingPathComponent("content"))
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        return site
    }

    /// The `<td>` of the higher level in the row of `competency`.
    func higherCell(_ page: String, _ competency: String) throws -> String {
        let row = try #require(page.range(of: "<th scope=\"row\">\(competency) "))
        let rest = page[row.upperBound...]
        let cell = try #require(rest.range(of: "<td class=\"higher\">"))
        let end = try #require(rest.range(of: "</td>", range: cell.upperBound..<rest.endIndex))
        return String(rest[cell.upperBound..<end.lowerBound])
    }

    @Test func the_example_sites_impact_criterion_is_a_reworded_pair_from_l3_to_l4() throws {
        let site = try buildExample()
        defer { site.remove() }
        let page = try site.read("public/engineering/compare/l3-vs-l4/index.html")
        let impact = try higherCell(page, "Impact")
        // "Impact at L3 is measured at the level of projects and the team's goals." →
        // "Impact at L4 is measured at the level of a group of teams."
        #expect(impact.contains("<li class=\"diff-reworded\"><span class=\"visually-hidden\">Reworded: </span>Impact at "
            + "<del><span class=\"visually-hidden\">removed: </span>L3</del> <ins><span class=\"visually-hidden\">added: </span>L4</ins> "
            + "is measured at the level of <del><span class=\"visually-hidden\">removed: </span>projects and the team&#39;s goals.</del> "
            + "<ins><span class=\"visually-hidden\">added: </span>a group of teams.</ins></li>"))
        // A criterion with another subject is new, and what L3 asks that L4 no longer lists is struck.
        #expect(impact.contains("<mark class=\"diff-new\"><span class=\"visually-hidden\">New: </span>Leaves behind shared tools or platforms that other teams adopt on their own.</mark>"))
        #expect(impact.contains("<p class=\"diff-gone-label\">No longer listed at L4:</p>"))
        #expect(impact.contains("<del><span class=\"visually-hidden\">No longer listed: </span>Replaced the nightly route-recompute job"))
        // L3's column stays as written.
        #expect(page.contains("<li>Impact at L3 is measured at the level of projects and the team&#39;s goals.</li>"))
        // The summary above the table, and the toggle that needs no script.
        #expect(page.contains("<li><strong>Impact</strong>: 4 reworded, 1 new, 4 no longer listed</li>"))
        #expect(page.contains("<input type=\"checkbox\" id=\"only-changes\" class=\"only-changes\">"))
        #expect(page.contains("<label for=\"only-changes\" class=\"only-changes-label\">Show only what changes</label>"))
        #expect(!page.contains("<script>"))
        // Before, every L4 expectation of Impact was new; now none of the reworded ones is.
        #expect(!impact.contains("New: </span>Impact at L4"))
    }

    @Test func level_pages_say_what_changes_from_the_previous_level() throws {
        let site = try buildExample()
        defer { site.remove() }
        let l4 = try site.read("public/engineering/l4/index.html")
        #expect(l4.contains("<h2 id=\"what-changes\">What changes from L3</h2>"))
        #expect(l4.contains("<li><a href=\"#what-changes\">What changes from L3</a></li>"))
        #expect(l4.contains("<li><strong>Impact</strong>: 4 reworded, 1 new, 4 no longer listed</li>"))
        #expect(l4.contains("<h3>Impact</h3><ul><li class=\"diff-added\"><mark class=\"diff-new\"><span class=\"visually-hidden\">New: </span>Leaves behind shared tools"))
        #expect(l4.contains("<a href=\"/engineering/compare/l3-vs-l4/\">L3 and L4 side by side, word by word</a>"))
        // The first level has nothing before it.
        let l1 = try site.read("public/engineering/l1/index.html")
        #expect(!l1.contains("id=\"what-changes\""))
        // A prose track (no competencies) compares sentences in its one row.
        let m2 = try site.read("public/management/m2/index.html")
        #expect(m2.contains("What changes from M1"))
    }

    @Test func reworded_text_is_escaped_and_examples_stay_apart() throws {
        let site = try TempSite(files: [
            "content/eng/l1.md": """
                ---
                title: One
                level: L1
                ---

                ## Craft

                - Writes <b>code</b> & tests for "small" changes.
                  - Fixed a typo.
                - Ships weekly.
                """,
            "content/eng/l2.md": """
                ---
                title: Two
                level: L2
                ---

                ## Craft

                - Writes <b>code</b> & tests for `<script>` larger changes.
                  - Fixed a typo.
                  - Added a feature flag.
                - Ships weekly.
                """,
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let page = try site.read("public/eng/compare/l1-vs-l2/index.html")
        let craft = try higherCell(page, "Craft")
        #expect(!craft.contains("<script>") && !craft.contains("<b>"))
        #expect(craft.contains("Writes code &amp; tests for <del><span class=\"visually-hidden\">removed: </span>&quot;small&quot;</del> "
            + "<ins><span class=\"visually-hidden\">added: </span>&lt;script&gt; larger</ins> changes."))
        // Examples are compared apart from the criterion: the new one is marked, the kept one plain.
        #expect(craft.contains("<ul class=\"diff-examples\"><li>Fixed a typo.</li><li><ins><span class=\"visually-hidden\">added: </span>Added a feature flag.</ins></li></ul>"))
        #expect(craft.contains("<li class=\"diff-same\">Ships weekly.</li>"))
    }

    @Test func comparisons_are_the_same_from_build_to_build() throws {
        let first = try buildExample(), second = try buildExample()
        defer { first.remove(); second.remove() }
        for path in ["public/engineering/compare/l3-vs-l4/index.html", "public/engineering/l4/index.html",
                     "public/management/compare/m1-vs-m2/index.html"] {
            #expect(try first.read(path) == second.read(path), "\(path)")
        }
    }
}
