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

    /// 3 tracks × 170 levels × 3 sections of made-up words: over every "small site" limit (2,000
    /// documents, 500 levels, 64 KB of postings), so titles, levels and terms all go to files of their own.
    func largeSite() throws -> TempSite {
        var files: [String: String] = [:]
        var seed: UInt64 = 42
        func word() -> String {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let letters = Array("bcdfghklmnprstvw"), vowels = Array("aeiou")
            var x = seed >> 20, w = ""
            for _ in 0..<(2 + Int(x % 3)) { x /= 3; w.append(letters[Int(x % 16)]); x /= 16; w.append(vowels[Int(x % 5)]); x /= 5 }
            return w
        }
        for t in 1...3 {
            for l in 1...170 {
                var text = "---\nlevel: L\(l)\ntitle: Rung \(l)\n---\n"
                for section in ["Impact", "Craft", "Ownership"] {
                    text += "## \(section)\n" + (0..<30).map { _ in word() }.joined(separator: " ") + ".\n\n"
                }
                files["content/t\(t)/l\(l).md"] = text
            }
        }
        return try TempSite(files: files)
    }

    @Test func a_large_site_is_sharded_and_still_byte_identical_across_builds() throws {
        let site = try largeSite()
        defer { site.remove() }
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let first = searchFiles(site)
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(searchFiles(site) == first)
        let m = try meta(site)
        #expect(m["docs"] == nil && m["terms"] == nil)
        let shards = try #require(m["shards"] as? [[String]])
        let vocab = try #require(m["vocab"] as? [String: String])
        let chunks = try #require(m["chunks"] as? [[Any]])
        let tracks = try #require(m["tracks"] as? [[Any]])
        #expect(shards.count > 3)
        #expect(shards.map(\.[0]) == shards.map(\.[0]).sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        var referenced = shards.map(\.[1]) + Array(vocab.values) + chunks.compactMap { $0[1] as? String }
        referenced += tracks.compactMap { $0[4] as? String }
        #expect(tracks.allSatisfy { $0[4] is String }, "levels in files of their own")
        #expect(Set(referenced.map { "search/" + $0 }).union(first.keys.filter { $0.hasPrefix("search/index.") })
                == Set(first.keys), "every file is referenced, and every reference exists")
        // A text record carries its URL, title and heading when the index file does not.
        let chunk = try #require(first["search/" + (chunks[0][1] as! String)])
        let records = try #require(try JSONSerialization.jsonObject(with: chunk) as? [[String]])
        #expect(records[1].prefix(3) == ["/t1/l1/", "L1 Rung 1", ""])
        #expect(records[2].prefix(3) == ["/t1/l1/#impact", "L1 Rung 1", "Impact"])
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
