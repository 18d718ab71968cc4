import Foundation
import Testing
@testable import LadderMarkdown
@testable import LadderModel

/// Criterion ids: stable while a criterion's text is, changed when it is reworded, and on the level page.
@Suite struct CriterionIDTests {
    static func levelFile(impact: [String], intro: String = "Intro text.") -> String {
        """
        ---
        level: L1
        summary: First level.
        ---

        \(intro)

        ## Impact

        \(impact.map { "- " + $0 }.joined(separator: "\n"))

        ## Craft

        Writes clear code. Reviews others' code.
        """
    }

    /// `c-` ids of the `<li>`s of a page, in order, with the text that follows each.
    static func ids(_ html: String) -> [(id: String, text: String)] {
        let regex = try! NSRegularExpression(pattern: "<li id=\"(c-[^\"]+)\">([^<]*)")
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            (String(html[Range($0.range(at: 1), in: html)!]), String(html[Range($0.range(at: 2), in: html)!]))
        }
    }

    func build(_ files: [String: String]) throws -> (TempSite, String) {
        let site = try TempSite(files: files)
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        return (site, try site.read("public/eng/l1/index.html"))
    }

    @Test func ids_survive_unrelated_edits_and_change_only_for_the_reworded_criterion() throws {
        let criteria = ["Ships small features.", "Fixes bugs across a service.", "Writes tests for every change."]
        let (a, before) = try build(["content/eng/l1.md": Self.levelFile(impact: criteria)])
        defer { a.remove() }
        let first = Self.ids(before)
        #expect(first.count == 3)
        #expect(Set(first.map(\.id)).count == 3)
        #expect(first.allSatisfy { $0.id.count == 10 })   // c- and 8 hex digits

        // Another paragraph edited, a criterion re-cased and re-spaced: the same ids.
        var respaced = criteria
        respaced[1] = "fixes  bugs ACROSS a service."
        let (b, unrelated) = try build(["content/eng/l1.md": Self.levelFile(impact: respaced, intro: "Different intro.")])
        defer { b.remove() }
        #expect(Self.ids(unrelated).map(\.id) == first.map(\.id))

        // One criterion reworded: that id changes, the others do not.
        var reworded = criteria
        reworded[2] = "Writes tests for most changes."
        let (c, after) = try build(["content/eng/l1.md": Self.levelFile(impact: reworded)])
        defer { c.remove() }
        let second = Self.ids(after).map(\.id)
        #expect(second[0] == first[0].id && second[1] == first[1].id)
        #expect(second[2] != first[2].id)
    }

    @Test func repeated_text_in_one_competency_gets_a_suffix_and_ids_are_unique_on_the_page() throws {
        let (site, page) = try build(["content/eng/l1.md": Self.levelFile(impact: ["Same words.", "same   words.", "Other words."])])
        defer { site.remove() }
        let found = Self.ids(page).map(\.id)
        #expect(found.count == 3)
        #expect(found[1] == found[0] + "-2")
        // Headings' ids and criteria's ids never clash.
        let all = try NSRegularExpression(pattern: " id=\"([^\"]+)\"")
            .matches(in: page, range: NSRange(page.startIndex..., in: page)).map { (page as NSString).substring(with: $0.range(at: 1)) }
        #expect(Set(all).count == all.count)
    }

    @Test func a_job_family_keeps_the_ids_its_data_gives() throws {
        let family = """
        name: Ops
        levels:
          - {id: one, name: Ops One}
          - {id: two, name: Ops Two}
        themes:
          - {id: rel, name: Reliability}
        competencies:
          - {id: given-1, level: one, theme: rel, summary: Restarts a stuck sorter.}
          - {id: given-2, level: two, theme: rel, summary: Finds why the sorter sticks., examples: [Wrote the fix]}
        """
        let site = try TempSite(files: ["content/ops.yml": family])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let two = try site.read("public/ops/two/index.html")
        #expect(two.contains("<li id=\"c-given-2\">"))
        #expect(!two.contains("c-given-1"))
    }

    /// The list HTML written item by item, to know where each `<li` is, is exactly what cmark writes.
    @Test func lists_render_as_cmark_renders_them() {
        let bodies = [
            "- a\n- b\n",
            "- a\n\n- b\n\n  more\n",
            "3. three\n4. four\n",
            "1. one\n   - nested *em*\n   - nested `code`\n2. two\n",
            "* x\n\n  ```\n  code\n  ```\n* y <b>raw</b>\n",
            "- [link](http://x.example/)\n  > quoted\n",
        ]
        for body in bodies {
            let ours = MarkdownRenderer(displayPath: "x.md", bodyLine: 1).render(body).html
            let tree = CMarkTree(body)
            let cmark = withExtendedLifetime(tree) { CMarkTree.html(tree.root, unsafe: false) }
            #expect(ours == cmark, "\(body)")
        }
    }

    @Test func an_item_splits_into_its_text_and_its_examples() {
        let document = MarkdownRenderer(displayPath: "x.md", bodyLine: 1)
            .render("- Leads the migration.\n  - Moved billing\n  - Moved routing\n- Mentors two engineers.\n")
        let criteria = document.blocks[0].listCriteria
        #expect(criteria.map(\.text) == ["Leads the migration.", "Mentors two engineers."])
        #expect(criteria[0].examples == ["Moved billing", "Moved routing"])
        #expect(criteria[1].examples.isEmpty)
        #expect(document.blocks[0].itemLines == [1, 4])
    }

    /// Ids hash the normalised text, so the byte path for ASCII must give what the Character path gives:
    /// every string of up to five pieces from an alphabet of white space, capitals and punctuation.
    @Test func the_ascii_fast_path_normalises_as_the_character_path() {
        let alphabet = ["A", "b", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "Z.", "é"]
        for text in everyString(over: alphabet, upTo: 5) {
            #expect(LevelCriteria.normalise(text) == LevelCriteria.slowNormalise(text), "\(text.debugDescription)")
        }
    }

    /// What comparisons (and "new at the next level") match items by: the byte path for ASCII gives what
    /// the scalar path gives, on every string of up to five pieces from an alphabet of cases and marks.
    @Test func the_comparison_key_by_bytes_matches_the_scalar_path() {
        let alphabet = ["A", "z", "0", "9", " ", "-", "'", "\t", "Zé", "@[`{"]
        let all = everyString(over: alphabet, upTo: 5)
        #expect(all.count > 100_000)
        for text in all {
            #expect(LevelComparison.normalise(text) == LevelComparison.scalarNormalise(text), "\(text.debugDescription)")
        }
    }
}
