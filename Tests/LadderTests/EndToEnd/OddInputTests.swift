import Foundation
import Testing

/// Valid but unusual input that must build, and build to what the page says.
@Suite struct OddInputTests {
    @Test func a_byte_order_mark_and_crlf_read_like_plain_lf() throws {
        let site = try TempSite(files: [
            "content/bom.md": "\u{FEFF}---\ntitle: With a mark\n---\nBody of the marked page.\n",
            "content/crlf.md": "---\r\ntitle: Windows\r\nsummary: Saved on Windows.\r\n---\r\n## Part\r\n\r\nText.\r\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let bom = try site.read("public/bom/index.html")
        #expect(bom.contains("<h1>With a mark</h1>") || bom.contains("<title>With a mark"))
        #expect(!bom.contains("\u{FEFF}"))
        let crlf = try site.read("public/crlf/index.html")
        #expect(crlf.contains("<title>Windows"))
        #expect(crlf.contains("<h2 id=\"part\">Part</h2>"))
        #expect(!crlf.contains("\r"))
    }

    @Test func thematic_breaks_in_the_body_are_not_front_matter() throws {
        let site = try TempSite(files: [
            "content/breaks.md": "---\ntitle: Breaks\n---\nFirst part.\n\n---\n\nSecond part.\n\n---\n\nThird part.\n",
            "content/no-front.md": "Opening line.\n\n---\n\nAfter the break.\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let breaks = try site.read("public/breaks/index.html")
        #expect(breaks.components(separatedBy: "<hr />").count == 3)
        #expect(breaks.contains("Third part."))
        let plain = try site.read("public/no-front/index.html")
        #expect(plain.contains("<hr />"))
        #expect(plain.contains("After the break."))
    }

    @Test func unicode_and_spaces_in_file_names_build_and_link() throws {
        let site = try TempSite(files: [
            "content/index.md": "# Home\n\nSee [the team](Über%20uns.md) and [the page](<日本語/ページ 1.md>).\n",
            "content/Über uns.md": "# Über uns\n\nWho we are.\n",
            "content/日本語/ページ 1.md": "# ページ\n\nこんにちは。\n",
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let pages = site.snapshot().keys.filter { $0.hasSuffix("index.html") }
        #expect(pages.contains { $0.contains("ber") && $0.contains("uns") }, "\(pages.sorted())")
        #expect(pages.contains { $0.contains("1") && !$0.contains("ber") && $0 != "index.html" && !$0.hasPrefix("search") && !$0.hasPrefix("tags") }, "\(pages.sorted())")
        let home = try site.read("public/index.html")
        #expect(!home.contains(".md\""), "links were rewritten to pages")
    }

    @Test func binary_files_beside_pages_are_copied_byte_for_byte() throws {
        let site = try TempSite(files: ["content/index.md": "# Home\n\n![logo](logo.png)\n"])
        defer { site.remove() }
        var bytes = [UInt8](repeating: 0, count: 4096)
        var state: UInt64 = 42
        for i in bytes.indices { state = state &* 6364136223846793005 &+ 1442695040888963407; bytes[i] = UInt8(state >> 56) }
        bytes[0...7] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        try Data(bytes).write(to: site.folder.appendingPathComponent("content/logo.png"))
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent("content/files"), withIntermediateDirectories: true)
        try Data(bytes.reversed()).write(to: site.folder.appendingPathComponent("content/files/blob.bin"))
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(FileManager.default.contents(atPath: site.path + "/public/logo.png") == Data(bytes))
        #expect(FileManager.default.contents(atPath: site.path + "/public/files/blob.bin") == Data(bytes.reversed()))
    }

    @Test func a_twenty_megabyte_page_and_a_ten_megabyte_line_build() throws {
        let paragraph = "A paragraph with **bold**, `code` and [a link](https://example.com/x) in it.\n\n"
        let big = "---\ntitle: Big\n---\n" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
        let line = "---\ntitle: Line\n---\n" + String(repeating: "word ", count: 2_000_000) + "end-of-line\n"
        let site = try TempSite(files: ["content/big.md": big, "content/line.md": line])
        defer { site.remove() }
        #expect(big.utf8.count >= 19_900_000)
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let bigPage = try site.read("public/big/index.html")
        #expect(bigPage.components(separatedBy: "<strong>bold</strong>").count - 1 == 20_000_000 / paragraph.utf8.count)
        let linePage = try site.read("public/line/index.html")
        #expect(linePage.contains("word end-of-line</p>"))
        #expect(linePage.utf8.count > 10_000_000)
    }

    @Test func a_hundred_thousand_nested_block_quotes_and_lists_build() throws {
        let site = try TempSite(files: [
            "content/quotes.md": String(repeating: "> ", count: 100_000) + "deep inside\n",
            "content/lists.md": (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined(),
        ])
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let quotes = try site.read("public/quotes/index.html")
        #expect(quotes.contains("deep inside"))
        #expect(quotes.components(separatedBy: "<blockquote>").count - 1 == 100_000)
        #expect(try site.read("public/lists/index.html").contains("item 1999"))
    }
}
