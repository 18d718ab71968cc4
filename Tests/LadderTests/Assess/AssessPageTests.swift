import Foundation
import Testing

/// `/<track>/<level>/assess/`: every criterion with a checkbox, the next level's new expectations apart.
@Suite struct AssessPageTests {
    static let files = [
        "content/eng/l1.md": "---\nlevel: L1\nsummary: One.\n---\n\n## Impact\n\nFraming words beside the list.\n\n- Ships small features.\n- Writes tests for every change.\n\n## Craft\n\nWrites clear code. Reviews code kindly.\n",
        "content/eng/l2.md": "---\nlevel: L2\nsummary: Two.\n---\n\n## Impact\n\n- Ships whole projects.\n- Writes tests for every change.\n\n## Mentoring\n\n- Mentors one engineer.\n",
    ]

    @Test func every_level_has_an_assess_page_with_a_labelled_checkbox_per_criterion() throws {
        let site = try TempSite(files: Self.files)
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let l1 = try site.read("public/eng/l1/assess/index.html")
        #expect(site.exists("public/eng/l2/assess/index.html"))
        #expect(l1.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!(try site.read("public/sitemap.xml")).contains("assess"))
        // Each of L1's criteria: a checkbox, its label, a note, a permalink to the level page's item.
        let level = try site.read("public/eng/l1/index.html")
        for id in CriterionIDTests.ids(level).map(\.id) {
            let bare = String(id.dropFirst(2))
            #expect(l1.contains("<input type=\"checkbox\" id=\"t-\(bare)\" name=\"tick\" value=\"\(bare)\">"))
            #expect(l1.contains("<label for=\"t-\(bare)\">"))
            #expect(l1.contains("<textarea id=\"n-\(bare)\""))
            #expect(l1.contains("href=\"/eng/l1/#\(id)\""))
        }
        // Prose beside a list frames it; a section of prose alone is assessed sentence by sentence.
        #expect(!l1.contains("Framing words beside the list."))
        for sentence in ["Writes clear code.", "Reviews code kindly."] {
            #expect(l1.contains("\">\(sentence)</label>"), "\(sentence)")
            #expect(l1.contains("href=\"/eng/l1/#craft\" aria-label=\"\(sentence) on the level page\""))
        }
        // New at L2: the reworded and added criteria, never the one both levels share.
        let next = try #require(l1.range(of: "assess-next")).lowerBound
        let nextPart = String(l1[next...])
        #expect(nextPart.contains("Ships whole projects."))
        #expect(nextPart.contains("Mentors one engineer."))
        #expect(!nextPart.contains("Writes tests for every change."))
        #expect(l1.contains("<script src=\"/assets/assess.js\" defer></script>"))
        #expect(site.exists("public/assets/assess.js"))
        // The level page links to it; the top level says there is nothing above.
        #expect(level.contains("href=\"/eng/l1/assess/\""))
        #expect(try site.read("public/eng/l2/assess/index.html").contains("highest level"))
        #expect(!l1.contains("data-counts"))
    }

    @Test func what_every_level_expects_is_assessed_on_each_level_with_its_ids_on_the_level_page() throws {
        let site = try TempSite(files: Self.files.merging(["content/eng/index.md": "---\ntitle: Eng\n---\n\n## All levels\n\n- Is kind in review.\n"]) { $1 })
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let level = try site.read("public/eng/l2/index.html")
        let shared = try #require(CriterionIDTests.ids(level).first { $0.text == "Is kind in review." })
        let assess = try site.read("public/eng/l2/assess/index.html")
        #expect(assess.contains("id=\"a-all-levels\""))
        #expect(assess.contains("value=\"\(shared.id.dropFirst(2))\""))
        #expect(assess.contains("href=\"/eng/l2/#\(shared.id)\""))
    }

    @Test func site_settings_turn_assess_pages_off_or_show_counts() throws {
        let off = try TempSite(files: Self.files.merging(["content/site.yml": "assess: false\n"]) { $1 })
        defer { off.remove() }
        #expect(off.ladder(["build", off.path, "--quiet"]).status == 0)
        #expect(!off.exists("public/eng/l1/assess/index.html"))
        #expect(!(try off.read("public/eng/l1/index.html")).contains("/assess/"))
        #expect(!(try off.read("public/ladder.json")).contains("assess_url"))

        let counts = try TempSite(files: Self.files.merging(["content/site.yml": "assess:\n  counts: true\n"]) { $1 })
        defer { counts.remove() }
        #expect(counts.ladder(["build", counts.path, "--quiet"]).status == 0)
        #expect(try counts.read("public/eng/l1/assess/index.html").contains("data-counts=\"true\""))
    }
}
