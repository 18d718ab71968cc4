import Foundation
@testable import LadderGenerate
import Testing

/// What the default theme puts in every page's head (favicon, canonical and `og:` links) and under a
/// page ("Last updated", "Edit this page"), on sites built by the real pipeline.
@Suite struct PageHeadAndMetaTests {
    static let level = """
        ---
        level: L3
        title: Senior Engineer
        summary: Leads projects for the team.
        ---
        ## Impact
        Leads projects across the team.
        """

    @Test func every_page_has_a_canonical_link_og_tags_a_theme_color_and_the_built_in_favicon() throws {
        let site = try TempSite(files: [
            "content/site.yml": "title: Acme Careers\nbase_url: https://careers.acme.example/\ndescription: How we grow.\n",
            "content/index.md": "---\ntitle: Acme Careers\n---\nWelcome.\n",
            "content/eng/l3.md": Self.level,
            "content/about.md": "---\ntitle: About us\ndescription: Who we are.\n---\nText.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        for (path, url) in [("public/index.html", "https://careers.acme.example/"),
                            ("public/eng/l3/index.html", "https://careers.acme.example/eng/l3/"),
                            ("public/eng/index.html", "https://careers.acme.example/eng/"),
                            ("public/eng/matrix/index.html", "https://careers.acme.example/eng/matrix/"),
                            ("public/search/index.html", "https://careers.acme.example/search/"),
                            ("public/about/index.html", "https://careers.acme.example/about/")] {
            let html = try site.read(path)
            #expect(html.contains("<link rel=\"canonical\" href=\"\(url)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:url\" content=\"\(url)\">"), "\(path)")
            #expect(html.contains("<meta name=\"theme-color\""), "\(path)")
            #expect(html.contains("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">"), "\(path)")
        }
        let about = try site.read("public/about/index.html")
        #expect(about.contains("<meta property=\"og:title\" content=\"About us\">"))
        #expect(about.contains("<meta property=\"og:description\" content=\"Who we are.\">"))
        #expect(try site.read("public/index.html").contains("<meta property=\"og:title\" content=\"Acme Careers\">"))
        #expect(try site.read("public/eng/l3/index.html").contains("<meta property=\"og:title\" content=\"L3 Senior Engineer\">"))
        #expect(try site.read("public/assets/favicon.svg").hasPrefix("<svg"))
    }

    @Test func a_sites_own_favicon_is_linked_instead_of_the_built_in_one() throws {
        let site = try TempSite(files: ["content/about.md": "# About\n", "content/favicon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let html = try site.read("public/about/index.html")
        #expect(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))

        let ico = try TempSite(files: ["content/about.md": "# About\n", "content/favicon.ico": "ICO"])
        defer { ico.remove() }
        #expect(ico.ladder(["build", ico.path, "--quiet"]).status == 0)
        #expect(try ico.read("public/about/index.html").contains("<link rel=\"icon\" href=\"/favicon.ico\">"))
    }

    @Test func a_leading_heading_that_repeats_the_title_is_not_a_second_h1() throws {
        let site = try TempSite(files: [
            "content/promote.md": "---\ntitle: How we promote\n---\n# How We Promote\n\nTwice a year.\n\n## Calibration\n\nText.\n",
            "content/other.md": "---\ntitle: Our values\n---\n# Something else entirely\n\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let promote = try site.read("public/promote/index.html")
        #expect(promote.components(separatedBy: "<h1").count == 2, "one h1")
        #expect(promote.contains("<h1>How we promote</h1>"))
        // A different first heading is content: it stays.
        let other = try site.read("public/other/index.html")
        #expect(other.components(separatedBy: "<h1").count == 3)
        // Search lists the page once, not once more for its repeated title.
        let meta = try #require(try FileManager.default.contentsOfDirectory(atPath: site.path + "/public/search")
            .first { $0.hasPrefix("index.") && $0.hasSuffix(".json") })
        let index = try site.read("public/search/" + meta)
        #expect(index.components(separatedBy: "How We Promote").count == 1, "\(index)")
    }

    @Test func edit_link_from_edit_url_and_last_updated_from_lastmod() throws {
        let site = try TempSite(files: [
            "content/site.yml": "edit_url: https://github.com/acme/careers/edit/main/content/{path}\n",
            "content/about/how we promote.md": "---\ntitle: Promotion\nlastmod: 2026-03-14\n---\nText.\n",
            "content/private.md": "---\ntitle: Private\nedit: false\n---\nText.\n",
            "content/eng/l3.md": Self.level,
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let page = try site.read("public/about/how-we-promote/index.html")
        #expect(page.contains("<a href=\"https://github.com/acme/careers/edit/main/content/about/how%20we%20promote.md\">Edit this page</a>"))
        #expect(page.contains("Last updated <time datetime=\"2026-03-14\">14 March 2026</time>"))
        let level = try site.read("public/eng/l3/index.html")
        #expect(level.contains("href=\"https://github.com/acme/careers/edit/main/content/eng/l3.md\">Edit this page</a>"))
        // Not a git checkout, no lastmod: no date, and no error.
        #expect(!level.contains("Last updated"))
        let hidden = try site.read("public/private/index.html")
        #expect(!hidden.contains("Edit this page"))
        #expect(!hidden.contains("page-meta"))
    }

    @Test func last_updated_from_the_files_last_commit_in_one_git_log() throws {
        let site = try TempSite(files: [
            "content/about.md": "---\ntitle: About\n---\nText.\n",
            "content/eng/l3.md": Self.level,
            "content/fixed.md": "---\ntitle: Fixed\nlastmod: 2020-01-02\n---\nText.\n",
        ])
        defer { site.remove() }
        let git = URL(fileURLWithPath: "/usr/bin/env")
        func run(_ arguments: [String], date: String) throws {
            let process = Process()
            process.executableURL = git
            process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
            process.currentDirectoryURL = site.folder
            process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin:/usr/local/bin",
                                   "HOME": site.path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try run(["init", "-q"], date: "2026-01-05T10:00:00Z")
        try run(["add", "."], date: "2026-01-05T10:00:00Z")
        try run(["commit", "-q", "-m", "first"], date: "2026-01-05T10:00:00Z")
        try site.write("content/about.md", "---\ntitle: About\n---\nChanged text.\n")
        try run(["commit", "-q", "-a", "-m", "second"], date: "2026-02-20T10:00:00Z")
        try site.write("content/new.md", "---\ntitle: New\n---\nNot committed yet.\n")

        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try site.read("public/about/index.html").contains("Last updated <time datetime=\"2026-02-20\">20 February 2026</time>"))
        #expect(try site.read("public/eng/l3/index.html").contains("Last updated <time datetime=\"2026-01-05\">5 January 2026</time>"))
        #expect(try site.read("public/fixed/index.html").contains("<time datetime=\"2020-01-02\">"), "lastmod wins")
        #expect(!(try site.read("public/new/index.html")).contains("Last updated"), "an uncommitted file has no date")

        let log = "\0" + "2026-02-20\0\nabout.md\0\0" + "2026-01-05\0\nabout.md\0eng/l3.md\0"
        #expect(GitDates.parse(log) == ["about.md": "2026-02-20", "eng/l3.md": "2026-01-05"])
    }
}
