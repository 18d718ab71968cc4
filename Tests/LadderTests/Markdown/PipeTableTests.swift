@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// Pipe tables are a transform of cmark's tree: the cells below are rendered by the real cmark.
@Suite struct PipeTableTests {
    func render(_ body: String, rawHTML: Bool = false) -> String {
        MarkdownRenderer(displayPath: "t.md", bodyLine: 1, allowRawHTML: rawHTML).render(body).html
    }

    @Test func a_header_and_delimiter_row_make_a_table_with_alignment() {
        let html = render("| Level | Scope | Pay |\n|:--|:-:|--:|\n| L1 | team | 1 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th class=\"align-left\">Level</th><th class=\"align-center\">Scope</th><th class=\"align-right\">Pay</th>"))
        #expect(html.contains("<td class=\"align-left\">L1</td><td class=\"align-center\">team</td><td class=\"align-right\">1</td>"))
        #expect(!html.contains("<p>"))
    }

    @Test func outer_pipes_are_optional_and_rows_are_padded_or_cut_to_the_header() {
        let html = render("a | b\n--- | ---\n1\n2 | 3 | 4\n")
        #expect(html.contains("<th>a</th><th>b</th>"))
        #expect(html.contains("<td>1</td><td></td>"))
        #expect(html.contains("<td>2</td><td>3</td>\n"))
        #expect(!html.contains("4"))
    }

    @Test func escaped_pipes_stay_in_their_cell_even_in_code() {
        let html = render("| op | meaning |\n|----|---------|\n| `a \\| b` | either \\| or |\n")
        #expect(html.contains("<td><code>a | b</code></td><td>either | or</td>"))
    }

    @Test func cells_are_inline_markdown_rendered_by_cmark_and_stay_safe() {
        let html = render("| x | y |\n|---|---|\n| **bold** *em* | [link](https://example.com) <b>raw</b> |\n")
        #expect(html.contains("<td><strong>bold</strong> <em>em</em></td>"))
        #expect(html.contains("<a href=\"https://example.com\">link</a>"))
        #expect(!html.contains("<b>"))
        #expect(render("| x |\n|---|\n| <b>raw</b> |\n", rawHTML: true).contains("<td><b>raw</b></td>"))
    }

    @Test func tables_work_inside_lists_and_next_to_code_blocks() {
        let body = """
        - item

          | in | list |
          | -- | ---- |
          | c  | d    |

        ```
        | not | a table |
        |-----|---------|
        ```
        | after | code |
        |-------|------|
        | e     | f    |
        """
        let html = render(body)
        #expect(html.contains("<li>\n<p>item</p>\n<table>"))
        #expect(html.contains("<td>c</td><td>d</td>"))
        #expect(html.contains("<pre><code>| not | a table |\n|-----|---------|\n</code></pre>"))
        #expect(html.contains("<th>after</th><th>code</th>"))
        #expect(html.components(separatedBy: "<table>").count == 3)
    }

    @Test func text_before_the_header_row_stays_a_paragraph_and_block_count_is_kept() {
        let body = "Intro line\na | b\n--- | ---\n1 | 2\n\nAfter.\n"
        let document = MarkdownRenderer(displayPath: "t.md", bodyLine: 1).render(body)
        #expect(document.html.contains("<p>Intro line</p>\n<table>"))
        #expect(document.blocks.map(\.index) == [0, 1])
        #expect(Outline(body: body, bodyLine: 1).blockCount == 2)
        #expect(document.blocks[0].plainText.contains("Intro line a b 1 2"))
    }

    @Test func not_tables_stay_paragraphs() {
        // Cell counts differ; no pipe in the delimiter; a lone rule is a setext heading for cmark.
        #expect(!render("a | b | c\n--- | ---\n").contains("<table>"))
        #expect(!render("a | b\n--- ---\n").contains("<table>"))
        #expect(!render("Just a | pipe in prose.\n").contains("<table>"))
    }

    @Test func a_broken_link_in_a_cell_is_reported_at_its_own_column() {
        var seen: [LadderCore.SourceLocation] = []
        let renderer = MarkdownRenderer(displayPath: "content/t.md", bodyLine: 4, rewriteLink: { url, _, location in
            seen.append(location)
            return url
        })
        _ = renderer.render("Intro.\n\n| a | b |\n|---|---|\n| x | see [L9](l9.md) |\n")
        #expect(seen == [LadderCore.SourceLocation(path: "content/t.md", line: 8, column: 11)])
    }
}
