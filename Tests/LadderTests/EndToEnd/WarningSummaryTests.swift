import Foundation
import Testing
@testable import LadderCore

/// Warnings a person can read: thousands of one kind must not bury the others.
@Suite struct WarningSummaryTests {
    /// 30 pages each linking to a missing file (one kind), and one page with a near-miss key (another kind).
    func site() throws -> TempSite {
        var files: [String: String] = ["content/about.md": "---\ntitle: About\nsumary: typo\n---\n\nText.\n"]
        for n in 1...30 { files["content/notes/n\(n).md"] = "# Note \(n)\n\nSee [the file](/files/missing-\(n).pdf).\n" }
        return try TempSite(files: files)
    }

    @Test func build_prints_twenty_of_a_kind_then_counts_the_rest_and_the_summary_counts_all() throws {
        let site = try site()
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.err.split(separator: "\n").map(String.init)
        let missing = lines.filter { $0.contains(": warning: link to missing file '/files/missing-") }
        #expect(missing.count == 20, "\(result.err)")
        #expect(lines.contains("… and 10 more like this (warning: link to missing file '…'); ladder check lists them all"), "\(result.err)")
        // The other kind is not buried.
        #expect(lines.contains { $0.contains("content/about.md:3:1: warning: unknown key 'sumary'") }, "\(result.err)")
        #expect(result.out.contains(", 31 warnings → "), "\(result.out)")
    }

    @Test func check_lists_every_warning_and_quiet_prints_none() throws {
        let site = try site()
        defer { site.remove() }
        let check = site.ladder(["check", site.path])
        #expect(check.status == 0)
        let missing = check.err.split(separator: "\n").filter { $0.contains(": warning: link to missing file '/files/missing-") }
        #expect(missing.count == 30, "\(check.err)")
        #expect(!check.err.contains("more like this"))
        #expect(check.out.contains("no errors, 31 warnings."), "\(check.out)")

        let quiet = site.ladder(["build", site.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.err.isEmpty, "\(quiet.err)")
        #expect(quiet.out.isEmpty, "\(quiet.out)")
    }

    @Test func a_failed_build_prints_every_error_even_past_twenty() throws {
        var files: [String: String] = [:]
        for n in 1...25 { files["content/p\(n).md"] = "# P\(n)\n\n[gone](gone-\(n).md)\n" }
        let site = try TempSite(files: files)
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 1)
        let errors = result.err.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 25, "\(result.err)")
    }

    @Test func kinds_leave_out_quoted_names_and_numbers() {
        let a = Diagnostic.warning(SourceLocation(path: "a.md", line: 3), "link to missing file 'x 1.pdf'")
        let b = Diagnostic.warning(SourceLocation(path: "b.md", line: 9), "link to missing file 'other.pdf'")
        let c = Diagnostic.warning(SourceLocation(path: "c.md"), "level L2 has no summary (add 'summary:' or an opening paragraph)")
        let d = Diagnostic.warning(SourceLocation(path: "c.md"), "level L13 has no summary (add 'summary:' or an opening paragraph)")
        #expect(a.kind == b.kind)
        #expect(c.kind == d.kind)
        #expect(a.kind != c.kind)
        #expect([Diagnostic]([a, b, c]).summarisedLines(limit: 1) == [a.description, c.description,
            "… and 1 more like this (warning: link to missing file '…'); ladder check lists them all"])
        #expect([Diagnostic].grouped(28528) == "28,528")
        #expect([Diagnostic].grouped(999) == "999")
        #expect([Diagnostic].grouped(1000000) == "1,000,000")
    }
}

@Suite struct ByteSearchTests {
    @Test func finds_bytes_where_string_contains_does() {
        let texts = ["", "a", "Level 3", "• pasted", "x – y", "prefix Level ", "Leve", "LLevel ", "café • résumé", "no match here"]
        for text in texts {
            for needle in ["Level ", "•", "–", "a", "é", "here", "ere!"] {
                #expect(text.containsBytes(needle) == text.contains(needle), "\(text) / \(needle)")
            }
        }
        #expect("abc".containsBytes(""))
    }
}
