import Foundation
import Testing

/// Walks every HTML file of the built example site and follows every internal link and anchor.
@Suite struct LinkWalkTests {
    @Test func every_internal_link_and_anchor_in_the_example_site_resolves() throws {
        let site = try TempSite()
        defer { site.remove() }
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                         to: site.folder.appendingPathComponent("content"))
        #expect(site.ladder(["build", site.path, "--quiet", "--base-url", "https://example.test/"]).status == 0)
        let files = site.snapshot()
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
        #expect(checked > 500)
        #expect(broken == [])
    }

    func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
