import Foundation
import Testing

/// Competencies at any depth, equivalents that name nothing, and links written as URLs.
@Suite struct CrossCheckTests {
    @Test func competencies_under_a_grouping_heading_are_found_at_their_depth() throws {
        let site = try TempSite(copying: Repo.fixture("formats/role-page"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        let l5 = try site.read("public/roles/l5/index.html")
        #expect(l5.contains("<ul><li><a href=\"#impact\">Impact</a></li><li><a href=\"#ownership\">Ownership</a></li><li><a href=\"#communication\">Communication</a></li><li><a href=\"#leadership\">Leadership</a></li><li><a href=\"#what-changes\">What changes from L4</a></li></ul>"))
        // "Responsibilities" groups them and is not one; what follows them is kept, not lost.
        #expect(!l5.contains("competencies/responsibilities"))
        #expect(l5.contains("<h3 id=\"anti-patterns\">Anti-patterns</h3>"))
        #expect(l5.contains("Fixing everything alone, late at night."))
        #expect(site.exists("public/roles/competencies/leadership/index.html"))
        #expect(!site.exists("public/roles/competencies/overview/index.html"))
        let compare = try site.read("public/roles/compare/l4-vs-l5/index.html")
        #expect(compare.contains("Mentors two or more engineers."))
    }

    @Test func competencies_named_in_site_yml_are_found_at_any_depth() throws {
        let site = try TempSite(files: [
            "content/site.yml": "competencies: [Impact, Craft]\n",
            "content/eng/l1.md": "---\nlevel: L1\ntitle: One\nsummary: First.\n---\n## About\n\n### Impact\n\n- a\n\n### Craft\n\n- b\n",
            "content/eng/l2.md": "---\nlevel: L2\ntitle: Two\nsummary: Second.\n---\n## About\n\n### Impact\n\n- c\n\n### Craft\n\n- d\n",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path]).status == 0)
        #expect(site.exists("public/eng/competencies/craft/index.html"))
        #expect(!site.exists("public/eng/competencies/about/index.html"))
    }

    @Test func competencies_written_as_a_list_of_labels_over_lists_are_read() throws {
        let level = "---\nlevel: L1\ntitle: One\nsummary: First.\n---\nIntro.\n\n- Impact\n  - Ships features customers use.\n- Ownership\n  - Fixes what they shipped.\n  - See [x](gone.md).\n"
        let site = try TempSite(files: ["content/eng/l1.md": level])
        defer { site.remove() }
        let failed = site.ladder(["build", site.path])
        // The broken link keeps its line.
        #expect(failed.err.contains("content/eng/l1.md:12:"), "\(failed.err)")
        try site.write("content/eng/l1.md", level.replacingOccurrences(of: "  - See [x](gone.md).\n", with: ""))
        #expect(site.ladder(["build", site.path]).status == 0)
        let page = withoutCriterionIDs(try site.read("public/eng/l1/index.html"))
        #expect(page.contains("<ul><li><a href=\"#impact\">Impact</a></li><li><a href=\"#ownership\">Ownership</a></li></ul>"))
        #expect(page.contains("<h2 id=\"ownership\">Ownership</h2>\n<ul>\n<li>Fixes what they shipped.</li>"))
        #expect(site.exists("public/eng/competencies/ownership/index.html"))
        // An ordinary list of sentences is not taken for competencies.
        let prose = try TempSite(files: ["content/eng/l1.md": "---\nlevel: L1\ntitle: One\n---\n- Ships work on time.\n  - with tests\n- Helps others.\n  - in review\n"])
        defer { prose.remove() }
        #expect(prose.ladder(["build", prose.path]).status == 0)
        #expect(!prose.exists("public/eng/competencies/ships-work-on-time/index.html"))
    }

    static let tracks: [String: String] = [
        "content/eng/l4.md": "---\nlevel: L4\ntitle: Staff\nsummary: Staff.\nequivalent: M1\n---\n## Impact\n\n- x\n",
        "content/mgmt/m1.md": "---\nlevel: M1\ntitle: Manager\nsummary: Manager.\n---\n## People\n\n- y\n",
    ]

    @Test func an_equivalent_shows_on_both_levels_and_one_naming_no_level_is_a_warning() throws {
        let site = try TempSite(files: Self.tracks)
        defer { site.remove() }
        #expect(site.ladder(["build", site.path]).status == 0)
        #expect(try site.read("public/eng/l4/index.html").contains("Equivalent to <a href=\"/mgmt/m1/\">"))
        #expect(try site.read("public/mgmt/m1/index.html").contains("Equivalent to <a href=\"/eng/l4/\">"))
        try site.write("content/eng/l4.md", Self.tracks["content/eng/l4.md"]!.replacingOccurrences(of: "M1", with: "M9"))
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/eng/l4.md:5:1: warning: 'equivalent: M9' names no level of another track"), "\(result.err)")
    }

    @Test func a_link_written_as_a_url_is_checked_like_a_markdown_link() throws {
        var files = Self.tracks
        files["content/about.md"] = "---\ntitle: About\n---\nSee [impact](/eng/l4/#impactt), [gone](/eng/l9/), [pdf](/files/ladder.pdf) and [ok](/mgmt/m1/#people).\n"
        let site = try TempSite(files: files)
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/about.md:4:5: error: link to missing anchor '#impactt' on /eng/l4/"), "\(result.err)")
        #expect(result.err.contains("content/about.md:4:33: error: link to missing page '/eng/l9/'"), "\(result.err)")
        // A missing static file stays a warning.
        #expect(result.err.contains("Build failed with 2 errors"), "\(result.err)")
        #expect(!result.err.contains("#people"))
        // With a base path, a link that spells it out means the same page.
        try site.write("content/site.yml", "base_url: https://acme.example/careers/\n")
        try site.write("content/about.md", "---\ntitle: About\n---\nSee [ok](/careers/mgmt/m1/#people) and [bad](/careers/mgmt/m1/#nope).\n")
        let based = site.ladder(["build", site.path])
        #expect(based.status == 1)
        #expect(based.err.contains("link to missing anchor '#nope' on /mgmt/m1/"), "\(based.err)")
        #expect(!based.err.contains("#people"))
    }
}
