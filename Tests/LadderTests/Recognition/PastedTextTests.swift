import Foundation
import Testing

/// Text pasted from a document or a web page: bullet characters and plain `Level N` lines. The page is
/// parsed once, as written, and its layout applied to cmark's tree: its inline Markdown survives and every
/// error points at the line and column the author wrote.
@Suite struct PastedTextTests {
    static let levelLines = """
        Operations
        Level 1
        Keeps the lights on with help
        Follows the *runbook* for each alert
        Reads the [guide](https://example.com/guide) before a change
        E.g. restarted the queue
        Level 2
        Keeps the lights on alone
        Writes the runbook for a new alert
        Level 3
        Keeps the lights on for a group of teams
        Owns the paging policy

        """

    static let bullets = """
        Acme Levels

        • L1s learn the work
        with a mentor beside them.
        ◦ They pair on every change.
        ◦ They ask early.
        • L2s run features.
        • L3s lead a team and *choose* what to build.

        """

    @Test func level_lines_keep_their_inline_markdown_and_examples() throws {
        let site = try TempSite(files: ["content/ops.md": Self.levelLines])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        let level1 = withoutCriterionIDs(try site.read("public/ops/level-1/index.html"))
        #expect(level1.contains("<p class=\"lead\">Keeps the lights on with help</p>"))
        #expect(level1.contains("<li>Follows the <em>runbook</em> for each alert</li>"))
        #expect(level1.contains("<li>Reads the <a href=\"https://example.com/guide\">guide</a> before a change</li>"))
        // "E.g. restarted" is an example, its first letter raised as the line starts a sentence.
        #expect(level1.contains("<li>Restarted the queue</li>"))
        #expect(!level1.contains("Owns the paging policy"))
        #expect(try site.read("public/ops/index.html").contains("<h1>Operations</h1>"))
    }

    @Test func an_error_in_pasted_text_points_at_the_line_and_column_written() throws {
        let page = Self.levelLines.replacingOccurrences(of: "(https://example.com/guide)", with: "(missing.md)")
        let site = try TempSite(files: ["content/ops.md": page])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        // Line 5 of the file, column 11: where `[guide]` starts.
        #expect(result.err.contains("content/ops.md:5:11: error: link to missing page 'missing.md'"), "\(result.err)")
    }

    @Test func bullet_lines_are_a_list_with_nested_items_and_wrapped_lines() throws {
        let site = try TempSite(files: ["content/levels.md": Self.bullets])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("content/levels.md: track 'levels', 3 levels L1–L3 from its bullet lines"), "\(result.out)")
        let l1 = try site.read("public/levels/l1/index.html")
        // The wrapped line continues its item; the `◦` lines are a list inside it.
        #expect(l1.contains("learn the work\nwith a mentor beside them."), "\(l1)")
        #expect(l1.contains("<li>They pair on every change.</li>"))
        #expect(!l1.contains("•") && !l1.contains("◦"))
        let overview = try site.read("public/levels/index.html")
        #expect(overview.contains("<h1>Acme Levels</h1>"))
        #expect(overview.contains("with a mentor beside them. They pair on every change."))
        #expect(try site.read("public/levels/l3/index.html").contains("<em>choose</em>"))
    }

    @Test func a_page_with_a_few_bullet_characters_in_prose_stays_as_written() throws {
        let page = "# Notes\n\nPrices – as of today – are listed below.\n\nA line.\n"
        let site = try TempSite(files: ["content/notes.md": page])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(try site.read("public/notes/index.html").contains("<p>Prices – as of today – are listed below.</p>"))
    }
}
