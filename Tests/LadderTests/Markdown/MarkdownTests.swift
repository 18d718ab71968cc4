@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
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
        var seen: [(String, LadderCore.SourceLocation)] = []
        let renderer = MarkdownRenderer(displayPath: "content/a.md", bodyLine: 5, rewriteLink: { url, _, location in
            seen.append((url, location))
            return url == "l3.md" ? "/eng/l3/" : url
        })
        let html = renderer.render("Intro.\n\nSee [L3](l3.md) and\n[web](https://example.com).\n").html
        #expect(html.contains("<a href=\"/eng/l3/\">L3</a>"))
        #expect(seen.map { $0.0 } == ["l3.md", "https://example.com"])
        #expect(seen[0].1 == LadderCore.SourceLocation(path: "content/a.md", line: 7, column: 5))
        #expect(seen[1].1.line == 8)
    }

    @Test func blocks_give_their_html_text_and_list_items_from_the_document_text() throws {
        // Non-ASCII text, an empty item, an item with a code block and a nested list: every offset must
        // land on the right characters.
        let body = """
        ## Café *Impact* 🚀

        Ships résumé tooling.

        * Leads **design** reviews
        *
        * Writes code:

              let x = 1
        * Mentors
          * juniors
        """
        let document = MarkdownRenderer(displayPath: "p.md", bodyLine: 1).render(body + "\n")
        #expect(document.blocks.map(\.index) == [0, 1, 2])
        let heading = document.blocks[0]
        let anchor = try #require(heading.heading).anchor
        #expect(heading.html == "<h2 id=\"\(anchor)\">Café <em>Impact</em> 🚀</h2>\n")
        #expect(heading.headingInnerHTML == "Café <em>Impact</em> 🚀")
        #expect(heading.html(headingDepth: 3, anchor: "x") == "<h3 id=\"x\">Café <em>Impact</em> 🚀</h3>\n")
        #expect(heading.plainText == "Café Impact 🚀")
        #expect(document.blocks[1].plainText == "Ships résumé tooling.")
        #expect(document.blocks[1].listItems.isEmpty)
        let list = document.blocks[2]
        #expect(list.listItems == ["Leads design reviews", "", "Writes code: let x = 1", "Mentors juniors"])
        #expect(list.plainText == "Leads design reviews Writes code: let x = 1\n Mentors juniors")
        #expect(list.html.hasPrefix("<ul>\n<li>\n<p>Leads <strong>design</strong> reviews</p>\n</li>\n<li></li>"))
        #expect(document.html == document.blocks.map(\.html).joined())
        // Equal content, equal blocks: the preview server compares documents from different builds.
        #expect(MarkdownRenderer(displayPath: "p.md", bodyLine: 1).render(body + "\n") == document)
        #expect(MarkdownRenderer(displayPath: "p.md", bodyLine: 1).render(body + "\nMore.\n") != document)
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

@Suite struct LevelMentionTests {
    @Test func level_ids_in_prose_link_but_not_in_code_links_or_headings() {
        var renderer = MarkdownRenderer(displayPath: "p.md", bodyLine: 1)
        renderer.levelMentions = ["L3": "/eng/l3/", "M1": "/mgmt/m1/"]
        let html = renderer.render("""
        ## Working with L3s

        An L2 works with L3s on designs, and (M1) approves. XL3 and L30 are not levels.

        Code `L3` and [L3 page](other.md) stay as they are.

            L3 in a code block
        """).html
        #expect(html.contains("<h2 id=\"working-with-l3s\">Working with L3s</h2>"))
        #expect(html.contains("An L2 works with <a href=\"/eng/l3/\">L3s</a> on designs, and (<a href=\"/mgmt/m1/\">M1</a>) approves. XL3 and L30 are not levels."))
        #expect(html.contains("<code>L3</code>"))
        #expect(html.contains("<a href=\"other.md\">L3 page</a>"))
        #expect(html.contains("<pre><code>L3 in a code block"))
    }

    @Test func mentions_link_across_the_site_and_can_be_turned_off() throws {
        let site = try TempSite(copying: Repo.fixture("sites/fly"))
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(try site.read("public/platform/p1/index.html").contains("They work with <a href=\"/platform/p2/\">P2s</a> on small changes."))
        try site.write("content/site.yml", "link_level_mentions: false\n")
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(try site.read("public/platform/p1/index.html").contains("They work with P2s on small changes."))
    }
}

/// Slugs have an ASCII fast path; it must agree with the Unicode rules it stands in for.
@Suite struct SlugTests {
    @Test func ascii_and_unicode_headings() {
        #expect(Slug.make("Technical Skill") == "technical-skill")
        #expect(Slug.make("C++ & Go_lang\t2") == "c--go_lang-2")
        #expect(Slug.make("L3: Senior (IC)") == "l3-senior-ic")
        #expect(Slug.make("Équipe Über 2") == "équipe-über-2")
        #expect(Slug.make("line\r\nbreak") == "linebreak")
        #expect(Slug.make("") == "")
    }
}
