import Foundation
@testable import LadderCore
@testable import LadderGenerate
import Testing

/// The preview server updates the search index rather than making it again: only changed documents are
/// tokenised, only files holding a changed term or document are made again. Whatever was edited, the
/// index must be the one a full build makes, file for file; on a site big enough for term shards, vocabulary
/// files and text chunks with titles in them (over 2,000 documents).
@Suite struct IncrementalSearchTests {
    /// Pseudo-words, so that the site has thousands of terms, most of them in few documents.
    static func word(_ n: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do"]
        var n = n, out = ""
        repeat { out += syllables[n % 10]; n /= 10 } while n > 0
        return out
    }

    static func article(_ n: Int, sections: Int = 7) -> String {
        var text = "---\ntitle: Article \(word(n))\ntags: [notes]\n---\n\nOpening \(word(n * 7)) paragraph.\n"
        for s in 0..<sections {
            text += "\n## Section \(word(n * 31 + s))\n\n"
            text += (0..<12).map { word(n * 97 + s * 13 + $0) }.joined(separator: " ") + " and shared words.\n"
            text += "\n- Bullet \(word(n + s)) of the list.\n"
        }
        return text
    }

    func build(_ site: TempSite, memo: BuildMemo? = nil) throws -> [String: Data] {
        let sink = MemorySink()
        let generator = SiteGenerator(options: BuildOptions(siteFolder: site.path, includeDrafts: true))
        if let memo { _ = try generator.build(into: sink, memo: memo) } else { _ = try generator.build(into: sink) }
        return sink.files.filter { $0.key.hasPrefix("search/") }
    }

    func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
    }

    @Test func every_kind_of_edit_gives_the_index_of_a_full_build() throws {
        var files = ["content/site.yml": "title: Notes\n"]
        for n in 0..<300 { files["content/notes/n\(n).md"] = Self.article(n) }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let memo = BuildMemo()
        var out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(out.keys.contains { $0.hasPrefix("search/terms.") } && out.keys.contains { $0.hasPrefix("search/vocab.") })
        #expect(out.keys.filter { $0.hasPrefix("search/text.") }.count > 3)

        func edit(_ path: String, _ change: (String) -> String) throws {
            try site.write(path, change(try site.read(path)))
        }
        // A word changed in one section: that document alone is tokenised again, most files are kept.
        let before = out
        try edit("content/notes/n5.md") { text in
            var text = text
            text.replaceSubrange(text.range(of: "and shared words.")!, with: "and shared wordsmithing.")
            return text
        }
        out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(memo.lastStats.searchDocumentsCounted == 1)
        let kept = Set(out.keys).intersection(before.keys).count
        #expect(kept > out.count / 2, "\(kept) of \(out.count) files kept")

        // A word only one document had is gone from it, and comes back; a brand-new word; a longer body
        // (the average length moves); the title (every section of the page inherits it).
        try edit("content/notes/n5.md") { $0.replacingOccurrences(of: "wordsmithing", with: "words") }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        try edit("content/notes/n9.md") { $0.replacingOccurrences(of: "Opening", with: "Opening zyzzyva") }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        try edit("content/notes/n9.md") { $0 + String(repeating: "\nMore words for the average, again and again.\n", count: 400) }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        try edit("content/notes/n12.md") { $0.replacingOccurrences(of: "title: Article", with: "title: Renamed article") }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)

        // A new section (every later document renumbered), a new page, a deleted page.
        try edit("content/notes/n3.md") { $0 + "\n## Late section\n\nWith its own text.\n" }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        try site.write("content/notes/new.md", Self.article(1_000))
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        try FileManager.default.removeItem(atPath: site.path + "/content/notes/n7.md")
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)

        // Several pages at once, then nothing: the index is not made again.
        for n in [20, 40, 60] { try edit("content/notes/n\(n).md") { $0.replacingOccurrences(of: "Bullet", with: "Point") } }
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)
        _ = try build(site, memo: memo)
        #expect(memo.lastStats.searchDocumentsCounted == nil)
    }
}
