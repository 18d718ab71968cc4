import Foundation
@testable import LadderCore
@testable import LadderGenerate
import Testing

/// A folder's ladder depends on all of its pages: the preview server's reuse must see a sibling's edit.
@Suite struct FolderLadderIncrementalTests {
    func build(_ site: TempSite, memo: BuildMemo? = nil) throws -> [String: Data] {
        let sink = MemorySink()
        _ = try SiteGenerator(options: BuildOptions(siteFolder: site.path)).build(into: sink, memo: memo)
        return sink.files
    }

    func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
    }

    @Test func editing_one_page_of_a_folder_ladder_gives_the_full_build() throws {
        let site = try TempSite(copying: Repo.fixture("recognise/competency-pathway"))
        defer { site.remove() }
        let memo = BuildMemo()
        #expect(differences(try build(site, memo: memo), try build(site)).isEmpty)

        // A competency page's text is in the folder's track page, which no file of its own stands for.
        let testing = try site.read("content/pathway/testing.md")
        try site.write("content/pathway/testing.md", testing.replacingOccurrences(of: "Testing is part of finishing", with: "Testing is always part of finishing"))
        var out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(String(decoding: out["pathway/mid/index.html"] ?? Data(), as: UTF8.self).contains("Testing is always part of finishing"))

        // Two of three pages lose their levels: the folder is no ladder any more, and the last page,
        // byte for byte the same, is a plain page again (alone, its bare Junior/Mid/Senior need a word about careers).
        try site.write("content/pathway/testing.md", "# Testing your work\n\nNo levels here.\n")
        try site.write("content/pathway/asking-for-help.md", "# Asking for help\n\nNo levels here either.\n")
        out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(out["pathway/mid/index.html"] == nil)
        #expect(String(decoding: out["pathway/version-control/index.html"] ?? Data(), as: UTF8.self).contains("branching rules"))
    }

    @Test func adding_a_sibling_level_page_makes_the_folder_a_track() throws {
        let l5 = "# L5 Senior Engineer\n\nLeads projects as a senior engineer.\n\n## Impact\n\n- Moves a team goal.\n\n## Ownership\n\n- Owns a service.\n"
        let site = try TempSite(files: ["content/eng/l5.md": l5])
        defer { site.remove() }
        let memo = BuildMemo()
        var out = try build(site, memo: memo)
        #expect(out["eng/l5/index.html"] != nil && out["eng/matrix/index.html"] == nil)
        try site.write("content/eng/l6.md", l5.replacingOccurrences(of: "L5 Senior", with: "L6 Staff"))
        out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(out["eng/matrix/index.html"] != nil)
        #expect(out["eng/compare/l5-vs-l6/index.html"] != nil)
    }

    /// A folder found plain is not read again while its files are unchanged (`PlainFolders`); an edit
    /// that makes it a ladder must be seen all the same, and one that makes it plain again.
    @Test func a_plain_folder_edited_into_a_ladder_and_back() throws {
        let page = "# Notes TITLE\n\nLeads projects.\n\n## Impact\n\n- Moves a goal.\n\n## Ownership\n\n- Owns a service.\n"
        let site = try TempSite(files: ["content/eng/a.md": page.replacingOccurrences(of: "TITLE", with: "one"),
                                        "content/eng/b.md": page.replacingOccurrences(of: "TITLE", with: "two")])
        defer { site.remove() }
        let memo = BuildMemo()
        var out = try build(site, memo: memo)
        #expect(out["eng/matrix/index.html"] == nil)
        _ = try build(site, memo: memo)
        try site.write("content/eng/a.md", page.replacingOccurrences(of: "Notes TITLE", with: "L5 Senior Engineer"))
        try site.write("content/eng/b.md", page.replacingOccurrences(of: "Notes TITLE", with: "L6 Staff Engineer"))
        out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(out["eng/matrix/index.html"] != nil)
        try site.write("content/eng/b.md", page.replacingOccurrences(of: "TITLE", with: "two"))
        out = try build(site, memo: memo)
        #expect(differences(out, try build(site)).isEmpty)
        #expect(out["eng/matrix/index.html"] == nil)
    }
}
