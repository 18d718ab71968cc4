@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

@Suite struct FrontMatterTests {
    @Test func rich_front_matter_like_a_blog_post_parses_with_types() throws {
        let text = """
        ---
        title: Two Tracks
        description: "A folded, quoted description
          that spans two lines."
        authors:
          - Ada Example
        date: 2021-01-21
        seo:
          metadescription: >-
            Folded block
            scalar.
        tweet: ""
        ---
        Body
        """
        let page = try ContentLoader.parsePage(text: text, displayPath: "content/post.md", contentPath: "post.md")
        let fm = page.frontMatter
        #expect(try fm.string("description") == "A folded, quoted description that spans two lines.")
        #expect(try fm.stringList("authors") == ["Ada Example"])
        #expect(try fm.date("date") == "2021-01-21")
        guard case .map(let seo)? = fm["seo"] else { Issue.record("seo is not a map"); return }
        #expect(seo["metadescription"] == .string("Folded block scalar."))
        #expect(fm["tweet"] == .string(""))
        #expect(page.body == "Body")
        #expect(page.bodyLine == 14)
    }

    @Test func yaml_errors_point_at_the_file_line_not_the_yaml_line() {
        let text = "---\ntitle: ok\nlist: [a, b\n---\n"
        #expect(throws: Diagnostic.self) {
            try ContentLoader.parsePage(text: text, displayPath: "content/x.md", contentPath: "x.md")
        }
        do {
            _ = try ContentLoader.parsePage(text: text, displayPath: "content/x.md", contentPath: "x.md")
        } catch {
            #expect(error.location.path == "content/x.md")
            #expect(error.location.line == 4)
            #expect(error.message.contains("invalid YAML"))
        }
    }

    @Test func wrong_types_are_reported_at_the_key() throws {
        let page = try ContentLoader.parsePage(
            text: "---\ntitle: T\n\nsitemap: maybe\nlevel: [a, b]\n---\n", displayPath: "p.md", contentPath: "p.md")
        #expect(throws: Diagnostic.error(LadderCore.SourceLocation(path: "p.md", line: 4, column: 1), "'sitemap' must be true or false, found 'maybe'")) {
            try page.frontMatter.bool("sitemap")
        }
        #expect(throws: Diagnostic.error(LadderCore.SourceLocation(path: "p.md", line: 5, column: 1), "'level' must be text, found a list")) {
            try page.frontMatter.string("level")
        }
    }

    @Test func a_page_without_front_matter_is_all_body() throws {
        let page = try ContentLoader.parsePage(text: "# Glossary\n\nWords.\n", displayPath: "g.md", contentPath: "g.md")
        #expect(page.frontMatter.map.isEmpty)
        #expect(page.bodyLine == 1)
        #expect(page.body.hasPrefix("# Glossary"))
    }

    @Test func alias_bombs_are_refused_not_expanded() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        #expect(throws: Diagnostic.self) {
            try ContentLoader.parsePage(text: "---\n" + yaml + "---\n", displayPath: "bomb.md", contentPath: "bomb.md")
        }
    }
}
