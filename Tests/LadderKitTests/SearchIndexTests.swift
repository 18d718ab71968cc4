import Foundation
import Testing

/// The search index as the build writes it: real sites built by the real pipeline, files read from disk.
@Suite struct SearchIndexTests {
    /// Builds `fixture` (or the example site) and returns the site, with `public/` written.
    func built(_ fixture: String? = nil, _ arguments: [String] = []) throws -> TempSite {
        let site: TempSite
        if let fixture {
            site = try TempSite(copying: Repo.fixture("sites/\(fixture)"))
        } else {
            site = try TempSite()
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                             to: site.folder.appendingPathComponent("content"))
        }
        let result = site.ladder(["build", site.path, "--quiet"] + arguments)
        #expect(result.status == 0, "\(result.err)")
        return site
    }

    func searchFiles(_ site: TempSite) -> [String: Data] {
        site.snapshot().filter { $0.key.hasPrefix("search/") }
    }

    /// The always-loaded file, parsed.
    func meta(_ site: TempSite) throws -> [String: Any] {
        let name = try #require(searchFiles(site).keys.first { $0.hasPrefix("search/index.") && $0.hasSuffix(".json") })
        let data = try #require(site.snapshot()[name])
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func the_index_is_byte_identical_across_builds_and_named_by_content() throws {
        let first = try built()
        defer { first.remove() }
        let second = try built()
        defer { second.remove() }
        let a = searchFiles(first), b = searchFiles(second)
        #expect(a.count > 2)
        #expect(a == b)
        let pattern = try NSRegularExpression(pattern: #"^search/(index|terms|vocab|text|levels)\.[0-9a-f]{10}\.json$"#)
        for name in a.keys where name != "search/index.html" {
            #expect(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil, "\(name)")
        }
    }

    @Test func every_competency_of_every_level_is_a_result_with_its_deep_link() throws {
        let site = try built("search")
        defer { site.remove() }
        let docs = try #require(try meta(site)["docs"] as? [[String]])
        #expect(docs.contains(["/engineering/l3/#delegation", "L3 Senior Engineer", "Delegation"]))
        #expect(docs.contains(["/engineering/l3/", "L3 Senior Engineer", ""]))
        #expect(docs.contains(["/design/d1/#ownership", "D1 Designer", "Ownership"]))
        #expect(docs.contains(["/guide/#escalation", "Working guide", "Escalation"]))
        // Generated views repeat level text; they are not indexed.
        #expect(!docs.contains { $0[0].contains("/compare/") || $0[0].contains("/matrix/") || $0[0].contains("/competencies/") })
        // Every anchor the index links to exists on its page.
        let files = site.snapshot()
        for doc in docs {
            let parts = doc[0].split(separator: "#", maxSplits: 1).map(String.init)
            let html = String(decoding: try #require(files[String(parts[0].dropFirst()) + "index.html"], "\(doc[0])"), as: UTF8.self)
            if parts.count == 2 { #expect(html.contains(#"id="\#(parts[1])""#), "\(doc[0])") }
        }
    }

    @Test func facets_give_each_track_and_level_a_range_of_documents() throws {
        let site = try built("search")
        defer { site.remove() }
        let m = try meta(site)
        let docs = try #require(m["docs"] as? [[String]])
        let tracks = try #require(m["tracks"] as? [[Any]])
        #expect(tracks.map { $0[0] as? String } == ["engineering", "design"])
        let levels = try #require(tracks[0][4] as? [[Any]])
        let l3 = try #require(levels.first { $0[0] as? String == "L3" })
        let range = (l3[2] as! Int)..<(l3[3] as! Int)
        #expect(range.map { docs[$0][0] } == ["/engineering/l3/", "/engineering/l3/#impact", "/engineering/l3/#ownership",
                                              "/engineering/l3/#mentoring", "/engineering/l3/#delegation"])
    }

    @Test func changed_content_changes_the_names_of_the_files_it_touches() throws {
        let site = try built("search")
        defer { site.remove() }
        let before = Set(searchFiles(site).keys)
        try site.write("content/engineering/l3.md", try site.read("content/engineering/l3.md")
            .replacingOccurrences(of: "Hands off work", with: "Hands over work"))
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let after = Set(searchFiles(site).keys)
        #expect(before.first { $0.hasPrefix("search/index.") && $0.hasSuffix("json") }
                != after.first { $0.hasPrefix("search/index.") && $0.hasSuffix("json") })
        #expect(before.first { $0.hasPrefix("search/text.") } != after.first { $0.hasPrefix("search/text.") })
        // The search page points at the new index.
        let page = try site.read("public/search/index.html")
        let meta = try #require(after.first { $0.hasPrefix("search/index.") && $0.hasSuffix("json") })
        #expect(page.contains(#"data-index="/\#(meta)""#))
    }

    @Test func the_base_path_prefixes_every_link_of_the_index_and_the_search_page() throws {
        let site = try built("search", ["--base-url", "https://jobs.example/careers/"])
        defer { site.remove() }
        let docs = try #require(try meta(site)["docs"] as? [[String]])
        #expect(docs.allSatisfy { $0[0].hasPrefix("/careers/") })
        #expect(docs.contains(["/careers/engineering/l3/#delegation", "L3 Senior Engineer", "Delegation"]))
        let page = try site.read("public/search/index.html")
        #expect(page.contains(#"data-index="/careers/search/index."#))
        #expect(page.contains(#"src="/careers/assets/search.js""#))
        #expect(try site.read("public/guide/index.html").contains(#"action="/careers/search/""#))
    }

    @Test func every_page_has_a_search_box_and_the_search_page_stays_out_of_the_sitemap() throws {
        let site = try built("search")
        defer { site.remove() }
        for (path, data) in site.snapshot() where path.hasSuffix(".html") && !path.contains("redirect") {
            let html = String(decoding: data, as: UTF8.self)
            guard html.contains("<header") else { continue }
            #expect(html.contains(#"<form class="header-search" role="search" action="/search/" method="get">"#), "\(path)")
        }
        let page = try site.read("public/search/index.html")
        #expect(page.contains(#"id="search-results""#))
        #expect(page.contains(#"aria-live="polite""#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(!(try site.read("public/sitemap.xml")).contains("/search/"))
    }

    @Test func search_false_in_site_yml_turns_search_off() throws {
        let site = try TempSite(copying: Repo.fixture("sites/search"))
        defer { site.remove() }
        try site.write("content/site.yml", try site.read("content/site.yml") + "search: false\n")
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(!site.exists("public/search"))
        #expect(!(try site.read("public/guide/index.html")).contains("header-search"))
    }

    @Test func a_page_at_the_search_url_is_an_error_at_that_page() throws {
        let site = try TempSite(copying: Repo.fixture("sites/search"))
        defer { site.remove() }
        try site.write("content/search.md", "# Search tips\n")
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.err.contains("content/search.md:1:1: error: /search/ is the search page"), "\(result.err)")
    }
}
