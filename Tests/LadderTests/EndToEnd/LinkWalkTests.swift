import Foundation
import Testing

/// Walks every HTML file of the built example site and follows every internal link and anchor.
@Suite struct LinkWalkTests {
    @Test func every_internal_link_and_anchor_in_the_example_site_resolves() throws {
        let files = try buildExampleSite()
        let (checked, broken) = walk(files)
        #expect(checked > 500)
        #expect(broken == [])
    }

    @Test func without_views_no_view_is_written_and_no_page_links_to_one() throws {
        let files = try buildExampleSite(siteYAML: "views: false\n")
        let views = files.keys.filter { $0.contains("/matrix/") || $0.contains("/compare/") || $0.contains("/competencies/") }
        #expect(views == [])
        #expect(files["engineering/l3/index.html"] != nil)
        let (checked, broken) = walk(files)
        #expect(checked > 300)
        #expect(broken == [])
    }

    /// The example site built with `--base-url`; `siteYAML` is appended to its `site.yml`.
    func buildExampleSite(siteYAML: String = "") throws -> [String: Data] {
        let site = try TempSite()
        defer { site.remove() }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                         to: site.folder.appendingPathComponent("content"))
        if !siteYAML.isEmpty { try site.write("content/site.yml", try site.read("content/site.yml") + "\n" + siteYAML) }
        let result = site.ladder(["build", site.path, "--quiet", "--base-url", "https://example.test/"])
        #expect(result.status == 0, "\(result.err)")
        return site.snapshot()
    }

    /// Follows every `href` and `src` of every HTML file; returns how many were checked and the broken ones.
    func walk(_ files: [String: Data]) -> (checked: Int, broken: [String]) {
        var idsByFile: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            idsByFile[path] = Set(matches(of: #" id="([^"]+)""#, in: String(decoding: data, as: UTF8.self)))
        }
        var checked = 0
        var broken: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in matches(of: #"(?:href|src)="([^"]*)""#, in: html) {
                if link.hasPrefix("http") || link.hasPrefix("mailto:") || link.isEmpty { continue }
                checked += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = parts[0]
                if target.isEmpty {
                    target = path
                } else {
                    guard target.hasPrefix("/") else { broken.append("\(path): relative \(link)"); continue }
                    target = String(target.dropFirst())
                    if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                }
                guard files[target] != nil else { broken.append("\(path): \(link)"); continue }
                if parts.count == 2, !parts[1].isEmpty, idsByFile[target]?.contains(parts[1]) != true {
                    broken.append("\(path): \(link) (no anchor)")
                }
            }
        }
        return (checked, broken)
    }

    func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
