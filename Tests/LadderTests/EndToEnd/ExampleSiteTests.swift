import Foundation
import Testing

/// The repository's own example site (content/) builds completely and reproducibly.
@Suite struct ExampleSiteTests {
    func buildExample() throws -> TempSite {
        let site = try TempSite()
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("content"),
                                         to: site.folder.appendingPathComponent("content"))
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.err.contains("error"), "\(result.err)")
        return site
    }

    @Test func example_site_has_every_level_track_home_and_article() throws {
        let site = try buildExample()
        defer { site.remove() }
        for level in 1...5 { #expect(site.exists("public/engineering/l\(level)/index.html")) }
        for level in 1...4 { #expect(site.exists("public/management/m\(level)/index.html")) }
        for level in 1...4 { #expect(site.exists("public/support/s\(level)/index.html")) }
        for path in ["index.html", "engineering/index.html", "management/index.html", "blog/career-paths/index.html",
                     "support/levels/index.html", "sitemap.xml", "404.html", "robots.txt", "img/career-tracks.svg"] {
            #expect(site.exists("public/" + path), "\(path)")
        }
        let sitemap = try site.read("public/sitemap.xml")
        #expect(sitemap.contains("/engineering/l3/"))
        #expect(!sitemap.contains("/support/levels/"))   // sitemap: false
        #expect(!sitemap.contains("/drafts/"))
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path + "/content").filter { $0.hasSuffix(".md") }
        #expect(pages.count >= 15)
    }

    @Test func two_builds_are_byte_identical() throws {
        let first = try buildExample()
        let second = try buildExample()
        defer { first.remove(); second.remove() }
        let a = first.snapshot(), b = second.snapshot()
        #expect(a.count > 30)
        #expect(a.keys.sorted() == b.keys.sorted())
        for key in a.keys.sorted() { #expect(a[key] == b[key], "\(key) differs") }
    }
}
