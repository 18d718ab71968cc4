import LadderKit
import Testing

@Suite struct MarkdownTests {
    @Test func headings_get_github_style_unique_anchors() {
        let outline = Outline(body: "# Title\n\n## Scope & Impact\n\n## Impact\n\n## Impact\n", bodyLine: 1)
        #expect(outline.headings.map(\.anchor) == ["title", "scope--impact", "impact", "impact-1"])
        let html = MarkdownRenderer(displayPath: "p.md", bodyLine: 1).render("## Impact\n\n## Impact\n").html
        #expect(html == "<h2 id=\"impact\">Impact</h2>\n<h2 id=\"impact-1\">Impact</h2>\n")
    }

    @Test func raw_html_is_dropped_unless_the_site_opts_in() {
        let body = "<script>alert(1)</script>\n\nText <b>bold</b> [x](javascript:alert(1))\n"
        let safe = MarkdownRenderer(displayPath: "p.md", bodyLine: 1).render(body).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        #expect(!safe.contains("javascript:"))
        let unsafe = MarkdownRenderer(displayPath: "p.md", bodyLine: 1, allowRawHTML: true).render(body).html
        #expect(unsafe.contains("<b>bold</b>"))
    }

    @Test func links_are_rewritten_with_their_file_line_and_column() {
        var seen: [(String, LadderKit.SourceLocation)] = []
        let renderer = MarkdownRenderer(displayPath: "content/a.md", bodyLine: 5, rewriteLink: { url, _, location in
            seen.append((url, location))
            return url == "l3.md" ? "/eng/l3/" : url
        })
        let html = renderer.render("Intro.\n\nSee [L3](l3.md) and\n[web](https://example.com).\n").html
        #expect(html.contains("<a href=\"/eng/l3/\">L3</a>"))
        #expect(seen.map { $0.0 } == ["l3.md", "https://example.com"])
        #expect(seen[0].1 == LadderKit.SourceLocation(path: "content/a.md", line: 7, column: 5))
        #expect(seen[1].1.line == 8)
    }

    @Test func bold_led_lists_are_found_for_levels_list_pages() {
        let body = "Intro.\n\n* **L1 Engineers** are new.\n\n* **L2 Engineers** own features.\n"
        let outline = Outline(body: body, bodyLine: 1)
        #expect(outline.boldLedList?.items.map(\.boldText) == ["L1 Engineers", "L2 Engineers"])
        #expect(outline.boldLedList?.items.map(\.rest) == ["are new.", "own features."])
        let html = MarkdownRenderer(displayPath: "p.md", bodyLine: 1, levelList: (1, ["l1", "l2"])).render(body).html
        #expect(html.contains("<li id=\"l1\">\n<p><strong>L1 Engineers</strong> are new.</p>\n</li>"))
    }
}
