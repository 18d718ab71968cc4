import Foundation
import Testing

/// Inputs that used to be quadratic, leak files, or build silently.
@Suite struct HardeningTests {
    @Test func a_hundred_thousand_headings_of_one_name_get_unique_anchors_in_linear_time() throws {
        let body = String(repeating: "## Section\n\ntext\n\n", count: 100_000)
        let site = try TempSite(files: ["content/big.md": "---\ntitle: Big\ntoc: false\n---\n" + body])
        defer { site.remove() }
        let start = Date()
        let result = site.ladder(["build", site.path, "--quiet"])
        // Quadratic allocation took many minutes at this size; linear takes well under one, even in a debug build on a busy machine.
        #expect(Date().timeIntervalSince(start) < 300)
        #expect(result.status == 0, "\(result.err)")
        let page = try site.read("public/big/index.html")
        #expect(page.contains("<h2 id=\"section\">Section</h2>"))
        #expect(page.contains("<h2 id=\"section-1\">Section</h2>"))
        #expect(page.contains("<h2 id=\"section-99999\">Section</h2>"))
        #expect(!page.contains("id=\"section-100000\""))
    }

    @Test func a_symbolic_link_out_of_the_site_is_not_followed_unless_the_site_says_so() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-secret-\(UUID().uuidString).env")
        try "TOKEN=hunter2\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try TempSite(files: ["content/index.md": "# Home\n", "shared/ok.txt": "inside\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/leak.txt", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/ok.txt", withDestinationPath: "../shared/ok.txt")
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/leak.txt:1:1: warning: symbolic link to "), "\(result.err)")
        #expect(!site.exists("public/leak.txt"))
        #expect(try site.read("public/ok.txt") == "inside\n")
        #expect(site.ladder(["check", site.path, "--strict"]).status == 1)
        try site.write("content/site.yml", "follow_external_symlinks: true\n")
        #expect(site.ladder(["build", site.path]).status == 0)
        #expect(try site.read("public/leak.txt") == "TOKEN=hunter2\n")
    }

    @Test func a_base_url_that_is_not_one_is_a_usage_error() throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n"])
        defer { site.remove() }
        for bad in ["not a url", "https://acme.example/?x=1", "https://acme.example/#f", "//acme.example/"] {
            let result = site.ladder(["build", site.path, "--base-url", bad])
            #expect(result.status == 2, "\(bad)")
            #expect(result.err.contains("--base-url"), "\(bad): \(result.err)")
            #expect(!site.exists("public/index.html"))
        }
        #expect(site.ladder(["build", site.path, "--base-url", "/careers/"]).status == 0)
        #expect(try site.read("public/index.html").contains("href=\"/careers/assets/style.css"))
    }

    @Test func an_empty_file_is_a_warning_and_not_in_the_sitemap() throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n", "content/empty.md": "", "content/only.md": "---\ntitle: Only front matter\n---\n"])
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0)
        #expect(result.err.contains("content/empty.md: warning: the file is empty"), "\(result.err)")
        let sitemap = try site.read("public/sitemap.xml")
        #expect(!sitemap.contains("/empty/"))
        #expect(sitemap.contains("/only/"))
        #expect(!result.err.contains("only.md"))
    }
}
