import Foundation
import Testing

/// "All levels" expectations and tracks given as data (`topics:` / `content: [{level, criteria, …}]`).
@Suite struct SharedExpectationTests {
    static func level(_ n: Int) -> String {
        "---\ntitle: Engineer \(n)\nlevel: L\(n)\nsummary: Level \(n).\n---\n\n## Impact\n\n- Delivers work of size \(n).\n"
    }

    @Test func an_all_levels_section_of_the_track_intro_shows_on_every_level_page() throws {
        let site = try TempSite(files: [
            "content/eng/index.md": "---\ntitle: Engineering\n---\n\nIntro.\n\n## All levels\n\n- Writes *postmortems* for every incident.\n\n### Safety\n\nNo production data on laptops.\n\n## History\n\nNot shared.\n",
            "content/eng/l1.md": Self.level(1), "content/eng/l2.md": Self.level(2),
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        for n in [1, 2] {
            let page = withoutCriterionIDs(try site.read("public/eng/l\(n)/index.html"))
            #expect(page.contains("<section class=\"competency shared\" aria-labelledby=\"shared-expectations\">"))
            #expect(page.contains("<h2 id=\"shared-expectations\">At every level</h2>"))
            #expect(page.contains("Shared: expected at every level"))
            #expect(page.contains("<li>Writes <em>postmortems</em> for every incident.</li>"))
            // Inner headings sit under the section, with anchors that cannot clash with the level's own.
            #expect(page.contains("<h3 id=\"shared-safety\">Safety</h3>"))
            #expect(!page.contains("Not shared."))
            #expect(page.contains("Delivers work of size \(n)."))
        }
    }

    @Test func an_all_levels_heading_on_a_headings_page_is_not_a_level() throws {
        let site = try TempSite(files: [
            "content/mgmt.md": "---\ntitle: Management\nlevels: headings\n---\n\n## All levels\n\n- Holds one-on-ones.\n\n## M1 Lead\n\nLeads a team.\n\n### People\n\n- Hires.\n\n## M2 Manager\n\nLeads leads.\n\n### People\n\n- Hires leads.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(!site.exists("public/mgmt/all-levels/index.html"))
        #expect(!site.exists("public/mgmt/all/index.html"))
        let m2 = try site.read("public/mgmt/m2/index.html")
        #expect(m2.contains("Holds one-on-ones."))
        #expect(m2.contains("Level 2 of 2"))
    }

    @Test func two_all_levels_sections_for_one_track_are_an_error() throws {
        let site = try TempSite(files: [
            "content/mgmt.md": "---\nlevels: headings\n---\n\n## All levels\n\n- A.\n\n## Every level\n\n- B.\n\n## M1 Lead\n\nLeads.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        #expect(result.err.contains("content/mgmt.md:9:1: error: track 'mgmt' already has expectations for all levels (at "))
    }
}

@Suite struct DataTrackTests {
    static let framework = """
    ---
    title: Infrastructure
    track: infra
    levels:
      - level: 1
        title: Engineer I
        summary: Learns the platform.
      - level: 2
        title: Engineer II
        summary: Runs services alone.
    topics:
      - name: Foundations
        content:
          - level: all
            criteria: [Changes production only through review.]
          - level: 1
            criteria:
              - Follows the runbooks.
            exampleCriteria:
              - Rotated certificates with a buddy.
          - level: 2
            criteria:
              - Follows the runbooks.
              - Builds new instances of existing systems.
            exampleCriteria:
              - criteria: Stood up the **Rotterdam** cache.
      - name: Operations
        content:
          - level: 2
            criteria: Handles pages alone; works with L1s on runbooks.
    ---

    The ladder is kept as data.
    """

    @Test func topics_become_a_track_with_level_pages_views_and_shared_criteria() throws {
        let site = try TempSite(files: ["content/infra/framework.md": Self.framework])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let l2 = withoutCriterionIDs(try site.read("public/infra/l2/index.html"))
        #expect(l2.contains("<span class=\"level-id\">L2</span> Engineer II</h1>"))
        #expect(l2.contains("<p class=\"lead\">Runs services alone.</p>"))
        #expect(l2.contains("<h2 id=\"foundations\">Foundations</h2>"))
        #expect(l2.contains("<li>Builds new instances of existing systems.</li>"))
        #expect(l2.contains("<li>Stood up the <strong>Rotterdam</strong> cache.</li>"))
        #expect(l2.contains("<h2 id=\"operations\">Operations</h2>"))
        // Level mentions in data criteria link like prose does.
        #expect(l2.contains("works with <a href=\"/infra/l1/\">L1s</a> on runbooks"))
        #expect(l2.contains("Changes production only through review."))
        #expect(l2.contains("id=\"shared-expectations\""))
        let compare = try site.read("public/infra/compare/l1-vs-l2/index.html")
        #expect(compare.contains("<li class=\"diff-same\">Follows the runbooks.</li>"))
        #expect(compare.contains("<mark class=\"diff-new\"><span class=\"visually-hidden\">New: </span>Builds new instances of existing systems.</mark>"))
        let matrix = try site.read("public/infra/matrix/index.html")
        #expect(matrix.contains("href=\"/infra/l2/#operations\""))
        #expect(!site.exists("public/infra/all/index.html"))
        #expect(try site.read("public/infra/framework/index.html").contains("The ladder is kept as data."))
    }

    @Test func a_blog_posts_topics_list_is_not_a_track() throws {
        let site = try TempSite(files: [
            "content/blog/post.md": "---\ntitle: Post\ndate: 2021-01-21\ntopics:\n  - insights\n---\n\nText.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try site.read("public/blog/post/index.html").contains("<p>Text.</p>"))
        #expect(!site.exists("public/blog/index.html"))
    }

    @Test func bad_data_is_reported_at_its_line_in_the_front_matter() throws {
        let cases: [(String, String)] = [
            ("---\ntopics:\n  - name: A\n    content:\n      - level: [1, 2]\n        criteria: [x]\n---\n",
             "content/t/f.md:5:16: error: 'level' must be a number or a level id such as L3, found a list"),
            ("---\ntopics:\n  - name: A\n    content:\n      - level: 1\n        criteria: [\"see [x](missing.md)\"]\n---\n",
             "content/t/f.md:6:1: error: link to missing page 'missing.md'"),
            ("---\ntopics:\n  - name: A\n    content:\n      - level: 1\n        criteria: [\"[x](#nowhere)\"]\n---\n\n## Intro\n",
             "content/t/f.md:6:1: error: link to missing anchor '#nowhere'"),
        ]
        for (text, expected) in cases {
            let site = try TempSite(files: ["content/t/f.md": text])
            defer { site.remove() }
            let result = site.ladder(["build", site.path])
            #expect(result.status == 1)
            #expect(result.err.contains(expected), "\(result.err)")
        }
    }
}
