import Testing
@testable import LadderModel

/// A page's URL from its content path is made over bytes for ASCII paths; it must be the URL the
/// general rule (over Characters) gives, on paths that mix every step of the rule.
@Suite struct PageURLTests {
    @Test func the_ascii_path_gives_the_general_rules_url() {
        let names = ["a", "Team", "index", "_index", "INDEX", "x y", " ", "My Page", "l3.v2", ""]
        let extensions = ["", ".md", ".MD", ".Markdown", ".markdown.md", ".yml", ".json.yml", ".YAML", ".csv", ".ts",
                          ".html", ".md.html", ".HTML", ".txt", ".mjs"]
        let prefixes = ["", "/", "eng/", "eng//", "a b/c/", "/x/"]
        var checked = 0
        for prefix in prefixes {
            for name in names {
                for ext in extensions {
                    for suffix in ["", "/"] {
                        let path = prefix + name + ext + suffix
                        #expect(Page.asciiURL(forContentPath: path) == Page.generalURL(forContentPath: path), "\(path.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == prefixes.count * names.count * extensions.count * 2)
        #expect(Page.url(forContentPath: "engineering/L3 Senior.md") == "/engineering/L3-Senior/")
        #expect(Page.asciiURL(forContentPath: "équipe/l3.md") == nil)
        #expect(Page.url(forContentPath: "équipe/index.md") == "/équipe/")
    }
}
