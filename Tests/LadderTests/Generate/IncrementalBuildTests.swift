import Foundation
@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// A build that reuses a memo of the previous one must write exactly what a fresh full build writes,
/// whatever was edited, and must actually skip the work that did not change.
@Suite struct IncrementalBuildTests {
    func fullBuild(_ site: TempSite) throws -> [String: Data] {
        let sink = MemorySink()
        _ = try SiteGenerator(options: BuildOptions(siteFolder: site.path, includeDrafts: true)).build(into: sink)
        return sink.files
    }

    func incremental(_ site: TempSite, _ memo: BuildMemo) throws -> [String: Data] {
        let sink = MemorySink()
        _ = try SiteGenerator(options: BuildOptions(siteFolder: site.path, includeDrafts: true)).build(into: sink, memo: memo)
        return sink.files
    }

    /// Names the files that differ, so a failure says where.
    func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }
    }

    @Test func every_kind_of_edit_gives_the_full_build() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        let memo = BuildMemo()
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)

        // Editing one level's body: its page and its track's views are redone, the rest reused.
        try site.write("content/eng/l2.md", try site.read("content/eng/l2.md") + "\n- Reviews designs of size 2.\n")
        var out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/l2/index.html"] ?? Data(), as: UTF8.self).contains("Reviews designs of size 2."))
        #expect(memo.lastStats.documentsRendered == 1)
        #expect(memo.lastStats.groupsReused > 0)
        // The level page, L3's level page (it shows what changes from L2), the Craft competency page (the
        // bullet went into Craft), the matrix, and the two comparisons with L2, and the assess pages of L2
        // and of L1 (which shows what is new at L2); not the Impact page, the L1-vs-L3 comparison, the
        // compare index, L3's assess page, the other track or the ordinary pages.
        #expect(memo.lastStats.groupsRendered == 8)
        #expect(memo.lastStats.modelReused)
        #expect(out["eng/compare/l1-vs-l3/index.html"] != nil)

        // A new block at the end of a level moves its sections' block ranges, which no other page reads.
        try site.write("content/eng/l2.md", try site.read("content/eng/l2.md") + "\nA closing paragraph.\n")
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)
        #expect(memo.lastStats.groupsRendered == 8)
        #expect(memo.lastStats.documentsRendered == 1)
        #expect(!memo.lastStats.modelReused)  // a block was added: the ladder is assembled again

        // Adding, renaming and deleting levels, a summary change (read by other pages), a template.
        try site.write("content/eng/l4.md", "---\ntrack: eng\nlevel: L4\nsummary: Fourth.\n---\n\n## Impact\n\n- Leads work of size 4.\n")
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(out["eng/l4/index.html"] != nil)

        // A rename, with the link that pointed at the old name fixed in the same burst.
        try FileManager.default.moveItem(atPath: site.path + "/content/eng/l3.md", toPath: site.path + "/content/eng/senior.md")
        try site.write("content/eng/l2.md", try site.read("content/eng/l2.md").replacingOccurrences(of: "l3.md", with: "senior.md"))
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)

        // Words inside the first section: the Impact competency page changes, the Craft page does not.
        try site.write("content/eng/l1.md", try site.read("content/eng/l1.md")
            .replacingOccurrences(of: "Delivers work of size 1.", with: "Delivers work of size one, reliably."))
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/competencies/impact/index.html"] ?? Data(), as: UTF8.self).contains("size one, reliably"))

        try site.write("content/eng/l1.md", try site.read("content/eng/l1.md").replacingOccurrences(of: "summary:", with: "summary: Changed."))
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)

        try FileManager.default.removeItem(atPath: site.path + "/content/eng/l4.md")
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(out["eng/l4/index.html"] == nil)

        try site.write("templates/partials/footer.mustache", "<footer>Edited footer</footer>\n")
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/l1/index.html"] ?? Data(), as: UTF8.self).contains("Edited footer"))

        // A link target losing its anchor must re-render the page that links to it (l2 → l3#impact),
        // even though the linking page did not change: here it becomes an error.
        let senior = try site.read("content/eng/senior.md")
        try site.write("content/eng/senior.md", senior.replacingOccurrences(of: "## Impact", with: "## Influence"))
        #expect(throws: BuildFailure.self) { _ = try incremental(site, memo) }
        try site.write("content/eng/senior.md", senior)
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)
    }

    @Test func shared_expectations_data_tracks_tables_and_search_follow_edits() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        let memo = BuildMemo()
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)

        // An "All levels" section in the track's intro page shows on every level page of the track.
        try site.write("content/eng/index.md", "---\ntitle: Engineering\n---\n\nIntro.\n\n## All levels\n\n- Writes postmortems.\n")
        var out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/l1/index.html"] ?? Data(), as: UTF8.self).contains("Writes postmortems."))
        try site.write("content/eng/index.md", "---\ntitle: Engineering\n---\n\nIntro.\n\n## All levels\n\n- Writes blameless postmortems.\n")
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/l2/index.html"] ?? Data(), as: UTF8.self).contains("Writes blameless postmortems."))

        // A track given as data, then one criterion changed and a pipe table added to a level.
        let data = "---\ntrack: infra\ntopics:\n  - name: Ops\n    content:\n      - level: 1\n        criteria: [Shadows on-call.]\n      - level: 2\n        criteria: [Runs on-call.]\n---\n"
        try site.write("content/infra/framework.md", data)
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)
        try site.write("content/infra/framework.md", data.replacingOccurrences(of: "Runs on-call.", with: "Leads on-call."))
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["infra/l2/index.html"] ?? Data(), as: UTF8.self).contains("Leads on-call."))
        try site.write("content/eng/l2.md", try site.read("content/eng/l2.md") + "\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        #expect(String(decoding: out["eng/l2/index.html"] ?? Data(), as: UTF8.self).contains("<td>1</td><td>2</td>"))
        // The search index followed every edit (its hashed file names are part of the comparison above).
        #expect(out.keys.contains { $0.hasPrefix("search/") })
    }

    @Test func a_competency_pages_words_follow_into_its_tracks_level_pages() throws {
        // A folder of competency pages is one track whose level pages show each page's section for the
        // level: rewording a page (same structure, so the model could be reused) must reach them.
        let site = try TempSite(copying: Repo.fixture("recognise/competency-pathway"))
        defer { site.remove() }
        let memo = BuildMemo()
        #expect(differences(try incremental(site, memo), try fullBuild(site)).isEmpty)
        let path = "content/pathway/testing.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "You clean up tests that break for the wrong reasons.",
                                                                      with: "You delete tests that break for the wrong reasons."))
        let out = try incremental(site, memo)
        #expect(differences(out, try fullBuild(site)).isEmpty)
        let mid = out["pathway/mid/index.html"] ?? Data()
        #expect(String(decoding: mid, as: UTF8.self).contains("You delete tests that break"))
    }
}
