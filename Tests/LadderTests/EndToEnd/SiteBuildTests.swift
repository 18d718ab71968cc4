import Foundation
@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// Builds fixture sites shaped like the documents Ladder was designed from, and reads the HTML.
@Suite struct SiteBuildTests {
    @Test func levels_written_as_prose_fill_the_matrix_and_comparisons_with_their_text() throws {
        // The Fly page's levels have no competency sections: the matrix is one row of each level's text,
        // and a comparison shows the two levels' text side by side (never an empty table).
        let site = try TempSite(copying: Repo.fixture("sites/fly"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let matrix = try site.read("public/platform/matrix/index.html")
        let body = try #require(matrix.range(of: "<tbody>").map { String(matrix[$0.lowerBound...]) })
        #expect(body.contains("<th scope=\"row\">Expectations</th>"))
        for (level, text) in [("p1", "P1 Engineers are new to the platform."), ("p2", "P2 Engineers own features from start to finish."),
                              ("p3", "P3 Engineers lead teams.")] {
            #expect(body.contains("<li>\(text)</li>"), "\(level)")
            #expect(body.contains("href=\"/platform/\(level)/\""), "\(level)")
        }
        let compare = try site.read("public/platform/compare/p2-vs-p3/index.html")
        let table = try #require(compare.range(of: "<tbody>").map { String(compare[$0.lowerBound...]) })
        #expect(table.contains("<li>P2 Engineers own features from start to finish.</li>"))
        #expect(table.contains("<span class=\"visually-hidden\">New: </span>We hand P3s whole areas of the platform."))
        #expect(!table.contains("P1 Engineers"))
    }

    @Test func levels_list_page_like_a_jekyll_docs_page() throws {
        let site = try TempSite(copying: Repo.fixture("sites/fly"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")

        // The page itself, with the docs layout, anchors on each level item and no table of contents.
        let page = try site.read("public/docs/levels/index.html")
        #expect(page.contains("<title>Platform Levels · "))
        #expect(page.contains("<li id=\"p1\">"))
        #expect(page.contains("<li id=\"p3\">"))
        #expect(page.contains("class=\"docs-sidebar\""))
        #expect(!page.contains("class=\"toc\""))
        #expect(page.contains("href=\"/docs/handbook/#promotions\""))

        // Each bold-led item became a level page of the track, in order, with prev/next.
        let p2 = try site.read("public/platform/p2/index.html")
        #expect(p2.contains("<h1>P2 Engineers</h1>"))
        #expect(p2.contains("own features from start to finish"))
        #expect(p2.contains("rel=\"prev\" href=\"/platform/p1/\""))
        #expect(p2.contains("rel=\"next\" href=\"/platform/p3/\""))
        let overview = try site.read("public/platform/index.html")
        let order = ["/platform/p1/", "/platform/p2/", "/platform/p3/"].map { overview.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!)

        // `sitemap: false` keeps the page (and levels drawn from it) out of the sitemap.
        let sitemap = try site.read("public/sitemap.xml")
        #expect(!sitemap.contains("/docs/levels/"))
        #expect(!sitemap.contains("/platform/p1/"))
        #expect(sitemap.contains("<loc>/docs/handbook/</loc>"))

        // A cross-link to a list level's anchor resolves.
        let handbook = try site.read("public/docs/handbook/index.html")
        #expect(handbook.contains("href=\"/docs/levels/#p2\""))
        #expect(handbook.contains("<meta name=\"description\" content=\"How the platform team works day to day.\">"))
        #expect(handbook.contains("class=\"toc\""))
    }

    @Test func level_files_and_a_headings_track_make_cross_linked_levels() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("(5 levels in 2 tracks)"))

        // base_url has a path: every internal link carries it, the sitemap is absolute.
        let l2 = try site.read("public/eng/l2/index.html")
        #expect(l2.contains("rel=\"prev\" href=\"/careers/eng/l1/\""))
        #expect(l2.contains("rel=\"next\" href=\"/careers/eng/l3/\""))
        #expect(l2.contains("<h2 id=\"scope-and-impact\">Scope and Impact</h2>"))
        #expect(l2.contains("<h2 id=\"craft\">Craft</h2>"))
        #expect(l2.contains("href=\"/careers/eng/l3/#impact\""))
        #expect(l2.contains("<p class=\"lead\">Summary of level 2.</p>"))
        let l3 = try site.read("public/eng/l3/index.html")
        #expect(l3.contains("Equivalent to <a href=\"/careers/mgmt/m1/\">M1 · Team Lead</a>"))
        #expect(!l3.contains("rel=\"next\""))

        // The management track is one file split at its `##` headings; sections get clean anchors.
        let m2 = try site.read("public/mgmt/m2/index.html")
        #expect(m2.contains("<span class=\"level-id\">M2</span> Manager of Managers"))
        #expect(m2.contains("<h2 id=\"people\">People</h2>"))
        #expect(m2.contains("<p class=\"lead\">Leads several teams.</p>"))
        #expect(m2.contains("rel=\"prev\" href=\"/careers/mgmt/m1/\""))

        // Track overviews list every level with its summary, and the track's competencies in site.yml order.
        let eng = try site.read("public/eng/index.html")
        #expect(eng.contains("/\">Engineer 1</a><p>Summary of level 1.</p>"))
        let competencies = try #require(eng.range(of: "<strong>Impact</strong>"))
        #expect(eng.range(of: "<strong>Craft</strong>")!.lowerBound > competencies.lowerBound)
        let mgmt = try site.read("public/mgmt/index.html")
        #expect(mgmt.contains("Managers grow people."))
        #expect(mgmt.contains("/careers/mgmt/m2/"))

        // No front matter: title from the first heading, shown once.
        let notes = try site.read("public/notes/index.html")
        #expect(notes.contains("<title>Plain Notes · Acme Careers</title>"))
        #expect(notes.components(separatedBy: "Plain Notes</h1>").count == 2)

        let sitemap = try site.read("public/sitemap.xml")
        for url in ["", "eng/", "eng/l1/", "eng/l3/", "mgmt/", "mgmt/m2/", "notes/"] {
            #expect(sitemap.contains("<loc>https://jobs.acme.test/careers/\(url)</loc>"), "\(url)")
        }
        #expect(try site.read("public/robots.txt").contains("Sitemap: https://jobs.acme.test/careers/sitemap.xml"))
        #expect(site.exists("public/404.html"))
        #expect(site.exists("public/assets/style.css"))
    }

    @Test func article_front_matter_drafts_aliases_and_tags() throws {
        let site = try TempSite(copying: Repo.fixture("sites/article"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        // A missing file is a warning with its location; the image exists.
        #expect(result.err.contains("content/blog/post.md:21:"))
        #expect(result.err.contains("warning: link to missing file '/files/x.pdf'"))
        #expect(!result.err.contains("chart.svg"))

        let post = try site.read("public/blog/post/index.html")
        #expect(post.contains("<meta name=\"description\" content=\"A folded, quoted description that spans two lines.\">"))
        #expect(post.contains("<time datetime=\"2021-01-21\">21 January 2021</time>"))
        #expect(post.contains("by Ada Example, Bo Sample"))
        #expect(post.contains("<img src=\"/img/chart.svg\" alt=\"chart\" />"))
        #expect(post.contains("href=\"/tags/careers/\""))
        #expect(try site.read("public/tags/careers/index.html").contains("href=\"/blog/post/\""))
        #expect(try site.read("public/old-post/index.html").contains("url=/blog/post/"))
        #expect(site.exists("public/img/chart.svg"))
        #expect(!site.exists("public/draft/index.html"))
        #expect(try site.read("public/sitemap.xml").contains("<loc>/blog/post/</loc><lastmod>2021-02-01</lastmod>"))

        // `--drafts` builds drafts too; `check --strict` turns the missing file into a failure.
        #expect(site.ladder(["build", site.path, "--drafts", "--quiet"]).status == 0)
        #expect(site.exists("public/draft/index.html"))
        #expect(site.ladder(["check", site.path]).status == 0)
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
    }

    @Test func a_site_template_overrides_the_built_in_one_file_by_file() throws {
        let site = try TempSite(copying: Repo.fixture("sites/article"), files: [
            "templates/layouts/article.mustache": "<p class=\"custom\">{{page.title}} by {{page.authors_text}}</p>{{> footer}}",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let post = try site.read("public/blog/post/index.html")
        #expect(post.hasPrefix("<p class=\"custom\">Two Tracks by Ada Example, Bo Sample</p>"))
        #expect(post.contains("class=\"site-footer\""))   // the built-in partial still resolves
        #expect(try site.read("public/tags/index.html").contains("<!DOCTYPE html>"))
    }

    @Test func an_overridden_header_is_rendered_once_per_site_and_pasted_into_every_page() throws {
        // The header and footer see only `site` (like Hugo's partialCached), so a site's own header must
        // still reach every page through `{{{site.header_html}}}`, with its values escaped once.
        let site = try TempSite(copying: Repo.fixture("sites/article"), files: [
            "templates/partials/header.mustache": "<header class=\"mine\">{{site.title}} · {{site.params.motto}}</header>\n",
            "content/site.yml": "title: Blog\nmotto: \"Grow <fast> & well\"\n",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        // Every HTML page but the redirects of aliases, which have no header.
        let pages = site.snapshot().filter { $0.key.hasSuffix(".html") }
            .mapValues { String(decoding: $0, as: UTF8.self) }.filter { !$0.value.contains("http-equiv=\"refresh\"") }
        #expect(pages.count > 3)
        for (path, html) in pages {
            #expect(html.contains("<header class=\"mine\">"), "\(path)")
            #expect(html.contains("<header class=\"mine\">Blog · Grow &lt;fast&gt; &amp; well</header>\n<div class=\"container\">"), "\(path)")
        }
    }

    @Test func html_in_titles_and_front_matter_is_escaped() throws {
        let site = try TempSite(files: [
            "content/x.md": "---\ntitle: \"<script>alert(1)</script>\"\ndescription: \"a \\\"quote\\\" & <b>\"\n---\nBody\n",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let page = try site.read("public/x/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("content=\"a &quot;quote&quot; &amp; &lt;b&gt;\""))
    }
}
