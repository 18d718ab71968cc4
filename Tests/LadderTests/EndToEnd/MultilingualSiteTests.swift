import Foundation
@testable import LadderGenerate
import Testing

/// A site in two languages (`languages: [en, de]`, Fixtures/sites/languages): English at `/`, German under
/// `/de/`, with L1 translated beside its original (`l1.de.md`), L2 in `content/de/` and L3 not translated.
@Suite struct MultilingualSiteTests {
    static func built() throws -> TempSite {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        return site
    }

    /// Every HTML file of the built site, by its URL path (`/de/engineering/l3/`).
    static func pages(of site: TempSite) -> [String: String] {
        var pages: [String: String] = [:]
        for (path, data) in site.snapshot() where path.hasSuffix("index.html") {
            pages["/" + path.dropLast("index.html".count)] = String(decoding: data, as: UTF8.self)
        }
        return pages
    }

    /// The `<link rel="alternate" hreflang>` of a page: language → absolute URL.
    static func alternates(_ html: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#)
        var out: [String: String] = [:]
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            out[String(html[Range(match.range(at: 1), in: html)!])] = String(html[Range(match.range(at: 2), in: html)!])
        }
        return out
    }

    /// The criterion anchors of a page (`c-1a2b3c4d`), in order.
    static func criterionIDs(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"c-[0-9a-f]{8}"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
    }

    @Test func both_languages_are_built_and_the_untranslated_level_is_marked_in_the_readers_language() throws {
        let site = try Self.built()
        defer { site.remove() }
        let notice = "Noch nicht übersetzt – auf Englisch angezeigt"
        // Every generated page exists in German too: levels, views, search, 404, the data.
        for path in ["de/index.html", "de/engineering/index.html", "de/engineering/l1/index.html", "de/engineering/l3/index.html",
                     "de/engineering/l3/assess/index.html", "de/engineering/matrix/index.html", "de/engineering/compare/l1-vs-l3/index.html",
                     "de/engineering/competencies/impact/index.html", "de/search/index.html", "de/404.html", "de/ladder.json",
                     "de/about/index.html", "de/sitemap.xml"] {
            #expect(site.exists("public/" + path), "\(path)")
        }
        #expect(!site.exists("public/de/robots.txt"), "robots.txt is read at the root only")
        let l3 = try site.read("public/de/engineering/l3/index.html")
        #expect(l3.contains(notice))
        #expect(l3.contains("Leads projects across teams."), "shown in English")
        #expect(l3.contains("<html lang=\"de\">") && l3.contains("<main id=\"main\" lang=\"en\">"))
        let l1 = try site.read("public/de/engineering/l1/index.html")
        #expect(l1.contains("Liefert kleine, gut getestete Änderungen.") && !l1.contains(notice))
        let l2 = try site.read("public/de/engineering/l2/index.html")
        #expect(l2.contains("Verantwortet Funktionen vom Entwurf bis zur Auslieferung.") && !l2.contains(notice))
        #expect(try site.read("public/de/about/index.html").contains("Über diese Leiter"))
        // The English site is the English one, unmarked, and links to the German pages from a language menu.
        let english = try site.read("public/engineering/l3/index.html")
        #expect(!english.contains(notice) && !english.contains("übersetzt"))
        #expect(english.contains("<a href=\"/de/engineering/l3/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"))
        #expect(english.contains("<span aria-current=\"page\" lang=\"en\">English</span>"))
        // A translated level is the same level: German links stay under /de/, competencies keep their ids, named in German.
        let matrix = try site.read("public/de/engineering/matrix/index.html")
        #expect(matrix.contains("Wirkung") && matrix.contains("Kommunikation") && !matrix.contains(">Impact<"))
        #expect(matrix.contains("href=\"/de/engineering/l3/\""))
        #expect(!site.exists("public/de/engineering/competencies/wirkung/index.html"))
        // Views that show the untranslated level beside translated ones mark it, in English under a German note.
        let mark = "<small lang=\"de\">(auf Englisch)</small>"
        #expect(matrix.contains("<th scope=\"col\" lang=\"en\"><a href=\"/de/engineering/l3/\">L3 <span class=\"level-title\">Senior Engineer</span></a> " + mark))
        #expect(matrix.components(separatedBy: mark).count == 2, "only L3 is marked")
        let competency = try site.read("public/de/engineering/competencies/impact/index.html")
        #expect(competency.contains("<section class=\"competency-level\" aria-labelledby=\"level-L3\" lang=\"en\">") && competency.contains(mark))
        #expect(try site.read("public/de/engineering/index.html").contains(mark))
        #expect(try site.read("public/de/engineering/compare/l2-vs-l3/index.html").contains("<th scope=\"col\" lang=\"en\">L3 · Senior Engineer " + mark + "</th>"))
        #expect(!(try site.read("public/engineering/matrix/index.html")).contains("<small"))
    }

    @Test func hreflang_pairs_are_valid_both_ways_with_x_default() throws {
        let site = try Self.built()
        defer { site.remove() }
        let pages = Self.pages(of: site)
        let origin = "https://careers.example.com"
        var checked = 0
        for (url, html) in pages where !html.contains("http-equiv=\"refresh\"") {
            let links = Self.alternates(html)
            #expect(Set(links.keys) == ["en", "de", "x-default"], "\(url): \(links)")
            let own = url.hasPrefix("/de/") ? "de" : "en"
            #expect(links[own] == origin + url, "\(url) names itself")
            #expect(links["x-default"] == links["en"], "\(url)")
            for (language, target) in links where language != "x-default" {
                // The page each link names exists and names this page back.
                let path = String(target.dropFirst(origin.count))
                let other = try #require(pages[path], "\(url) → \(target)")
                #expect(Self.alternates(other)[own] == origin + url, "\(path) links back to \(url)")
            }
            checked += 1
        }
        #expect(checked >= 30)
    }

    @Test func each_sitemap_lists_every_url_with_its_alternates() throws {
        let site = try Self.built()
        defer { site.remove() }
        let english = try site.read("public/sitemap.xml"), german = try site.read("public/de/sitemap.xml")
        #expect(english.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        let entry = "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://careers.example.com/engineering/l3/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://careers.example.com/de/engineering/l3/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://careers.example.com/engineering/l3/\"/>"
        #expect(english.contains("<loc>https://careers.example.com/engineering/l3/</loc>" + entry))
        #expect(german.contains("<loc>https://careers.example.com/de/engineering/l3/</loc>" + entry))
        #expect(!german.contains("<loc>https://careers.example.com/engineering/"))
        let robots = try site.read("public/robots.txt")
        #expect(robots.contains("Sitemap: https://careers.example.com/sitemap.xml\nSitemap: https://careers.example.com/de/sitemap.xml\n"))
    }

    @Test func each_language_has_its_ladder_json_with_its_language_and_the_same_ids() throws {
        let site = try Self.built()
        defer { site.remove() }
        func ladder(_ path: String) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(site.read(path).utf8)) as? [String: Any])
        }
        let english = try ladder("public/ladder.json"), german = try ladder("public/de/ladder.json")
        #expect(english["language"] as? String == "en" && german["language"] as? String == "de")
        #expect(german["url"] as? String == "https://careers.example.com/de/")
        func levels(_ data: [String: Any]) -> [[String: Any]] {
            ((data["tracks"] as? [[String: Any]])?.first?["levels"] as? [[String: Any]]) ?? []
        }
        #expect(levels(german).map { $0["id"] as? String } == ["L1", "L2", "L3"])
        #expect(levels(german).map { $0["title"] as? String } == ["Ingenieurin", "Ingenieurin II", "Senior Engineer"])
        // Criterion ids (what an assess link ticks) are the same in both languages.
        let ids = { (data: [String: Any]) in try String(data: JSONSerialization.data(withJSONObject: levels(data).map { level in
            ((level["competencies"] as? [[String: Any]]) ?? []).map { ($0["criteria"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" } }
        }), encoding: .utf8) }
        #expect(try ids(english) == ids(german))
        // …and on the pages: a level's, its assess page's, and the track's "All levels" ones (translated in index.de.md).
        for page in ["engineering/l1/index.html", "engineering/l3/index.html", "engineering/l1/assess/index.html"] {
            let englishIDs = Self.criterionIDs(try site.read("public/" + page))
            #expect(englishIDs.count >= 5, "\(page)")
            #expect(Self.criterionIDs(try site.read("public/de/" + page)) == englishIDs, "\(page)")
        }
        #expect(try site.read("public/de/engineering/l1/index.html").contains("Hält Kundendaten vertraulich."))
        #expect(try site.read("public/de/engineering/index.html").contains("<title>Entwicklung · "))
        let competencies = ((german["tracks"] as? [[String: Any]])?.first?["competencies"] as? [[String: Any]]) ?? []
        #expect(competencies.map { $0["id"] as? String } == ["impact", "communication"])
        #expect(competencies.map { $0["name"] as? String } == ["Wirkung", "Kommunikation"])
        let schema = try site.read("public/de/ladder.schema.json")
        #expect((try? JSONSerialization.jsonObject(with: Data(schema.utf8))) != nil && schema.contains("\"language\""))
    }

    @Test func check_reports_how_complete_each_language_is_by_track() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        let result = site.ladder(["check", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty, "no warning: \(result.err)")
        #expect(result.out.contains("de: engineering: 2 of 3 levels translated, 6 of 9 criteria (66%); shown in the default language: L3"))
        #expect(!site.exists("public"))
    }

    @Test func a_translation_in_both_forms_warns_and_the_file_beside_the_original_wins() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        try site.write("content/de/engineering/l1.md", "---\nlevel: L1\ntitle: Aus dem Ordner\n---\n\n## Wirkung\n\n- Anders.\n\n## Kommunikation\n\n- Anders.\n")
        let result = site.ladder(["check", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/de/engineering/l1.md: warning: translates engineering/l1.md into 'de', as \(site.path)/content/engineering/l1.de.md does: \(site.path)/content/engineering/l1.de.md is used"), "\(result.err)")
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        #expect(try site.read("public/de/engineering/l1/index.html").contains("Ingenieurin"))
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
    }

    @Test func a_site_in_one_language_has_no_language_menu_alternates_or_language_in_its_data() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        // Without `languages:`, `l1.de.md` and `content/de/` are pages like any other.
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/de"))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/engineering/l1.de.md"))
        for languages in ["", "languages: [en]\n"] {
            try site.write("content/site.yml", "title: Acme Careers\nbase_url: https://careers.example.com/\n" + languages)
            #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
            let page = try site.read("public/engineering/l3/index.html")
            #expect(!page.contains("hreflang") && !page.contains("class=\"view-links languages\""))
            #expect(!(try site.read("public/ladder.json")).contains("\"language\""))
            #expect(!(try site.read("public/sitemap.xml")).contains("xhtml"))
        }
    }

    @Test func a_language_without_strings_is_an_error_at_site_yml() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        try site.write("content/site.yml", "title: Acme\nlanguages: [en, de, xx]\n")
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.err.contains("unknown language 'xx'"), "\(result.err)")
        #expect(!site.exists("public"))
    }

    @Test func the_history_of_the_ladder_is_the_default_languages() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        try site.write("content/site.yml", "title: Acme\nlanguages: [en, de]\nhistory: [v1]\n")
        func git(_ arguments: [String]) throws {
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "user.email=t@example.com", "-c", "user.name=T",
                                                                               "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + arguments, in: site.folder)
            #expect(result.status == 0, "git \(arguments): \(result.err)")
        }
        try git(["init", "-q"]); try git(["add", "-A"]); try git(["commit", "-q", "-m", "v1"]); try git(["tag", "v1"])
        try site.write("content/engineering/l3.md", try site.read("content/engineering/l3.md").replacingOccurrences(of: "Leads projects", with: "Leads large projects"))
        // The tagged version is read in its default language (its translations are no duplicate levels).
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(try site.read("public/changes/index.html").contains("large"))
        #expect(!site.exists("public/de/changes/index.html"))
        #expect(!(try site.read("public/de/engineering/l1/index.html")).contains("changes/"), "no link to a page the German site lacks")
    }

    @Test func a_language_code_that_is_no_code_or_is_listed_twice_is_an_error_and_nothing_is_written() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        for (languages, message) in [("[en, ../../x]", "'../../x' in 'languages' is not a language code"),
                                     ("[en, de, DE]", "'DE' is listed twice in 'languages'")] {
            try site.write("content/site.yml", "title: Acme\nlanguages: \(languages)\n")
            let result = site.ladder(["build", site.path, "--quiet"])
            #expect(result.status == 1)
            #expect(result.err.contains("content/site.yml:2:1: error: \(message)"), "\(result.err)")
            #expect(!site.exists("public") && !site.exists("x"))
        }
        #expect(LanguageContent.isLanguageTag("pt-BR") && LanguageContent.isLanguageTag("zh-Hant-TW") && !LanguageContent.isLanguageTag("e"))
    }
}
