import Foundation
import Testing

/// The hostile fixture (script in titles, summaries, names, body, links) built for real: no payload
/// reaches HTML as markup, every JSON file parses and gives the payload back as text. The browser test
/// (Tests/browser/test_hostile.py) opens the same site and checks nothing ran.
@Suite struct HostileSiteTests {
    @Test func payloads_reach_html_only_escaped_and_json_only_as_text() throws {
        let site = try TempSite(copying: Repo.fixture("sites/hostile"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("content/index.md:10:1: warning: link to a 'javascript:' URL removed"), "\(result.err)")
        let files = site.snapshot()
        var htmlPages = 0, jsonFiles = 0, payloadsInJSON = 0
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                htmlPages += 1
                for markup in ["<script>window", "<img src=x", "<svg onload", "onerror=\"window", "href=\"javascript:", "href=\"vbscript:", "href=\"data:"] {
                    #expect(!text.contains(markup), "\(markup) in \(path)")
                }
            } else if path.hasSuffix(".json") {
                jsonFiles += 1
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON")
                if let parsed = try? JSONSerialization.jsonObject(with: data), "\(parsed)".contains("window.__pwned") { payloadsInJSON += 1 }
            }
        }
        #expect(htmlPages >= 10)
        #expect(jsonFiles >= 1)
        #expect(payloadsInJSON >= 1, "the search index holds the hostile text, as text")
        let matrix = try site.read("public/eng/matrix/index.html")
        #expect(matrix.contains("&lt;svg onload=window.__pwned=&#39;craft 1&#39;&gt;"))
    }
}
