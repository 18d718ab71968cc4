import Foundation
import Testing

/// Every folder under Fixtures/broken is a site with one mistake; `expected.txt` holds the located
/// message, and `arguments.txt`, when present, flags given to both `build` and `check` (`--strict`). The
/// build must print the message, exit 1, and leave an existing `public/` byte-identical.
@Suite struct BrokenSiteTests {
    static let cases: [String] = {
        let folder = Repo.fixture("broken")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func there_are_broken_fixtures() {
        #expect(Self.cases.count >= 17)
    }

    @Test(arguments: cases)
    func broken_site_fails_with_a_located_error_and_keeps_public(_ name: String) throws {
        let site = try TempSite(copying: Repo.fixture("broken/\(name)"))
        defer { site.remove() }
        let expected = try site.read("expected.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let flags = ((try? site.read("arguments.txt")) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        try site.write("public/index.html", "<p>previous good build</p>")
        try site.write("public/engineering/l1/index.html", "<p>old level</p>")
        let before = site.snapshot()

        let result = try runProcess(Repo.binary, ["build", "."] + flags, in: site.folder)
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) == expected)
        #expect(result.err.contains(": error: "))
        #expect(site.snapshot() == before)

        let check = site.ladder(["check", site.path] + flags)
        #expect(check.status == 1)
        // In-process with an absolute site folder, paths are prefixed with it.
        let location = expected.components(separatedBy: ": error: ")[0]
        #expect(check.err.contains(site.path + "/" + location + ": error: "))
    }

    @Test func usage_errors_exit_2() throws {
        let site = try TempSite()
        defer { site.remove() }
        let result = try runProcess(Repo.binary, ["build", "--no-such-flag"], in: site.folder)
        #expect(result.status == 2)
        #expect(result.err.contains("Unknown option '--no-such-flag'"))
        #expect(try runProcess(Repo.binary, ["--help"], in: site.folder).status == 0)
    }

    @Test func a_folder_without_content_is_an_error_not_a_crash() throws {
        let site = try TempSite()
        defer { site.remove() }
        let result = site.ladder(["build", site.path])
        #expect(result.status == 1)
        // A folder has no line to point at: the path alone.
        #expect(result.err.contains("/content: error: no content folder"), "\(result.err)")
        #expect(!result.err.contains("content:1:1"))
    }

    @Test func a_site_folder_that_does_not_exist_is_said_and_nothing_is_created() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-missing-\(UUID().uuidString)").path
        let site = try TempSite()
        defer { site.remove() }
        let result = site.ladder(["build", missing])
        #expect(result.status == 1)
        #expect(result.err.contains("\(missing): error: no such folder"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

/// Hostile input builds or fails cleanly; it never crashes or hangs (DESIGN §9).
@Suite struct HostileInputTests {
    @Test func deep_nesting_long_lines_and_symlink_loops_build() throws {
        let site = try TempSite(files: [
            "content/quotes.md": String(repeating: ">", count: 100_000) + " deep\n",
            "content/lists.md": String(repeating: "* ", count: 20_000) + "x\n",
            "content/brackets.md": String(repeating: "[", count: 50_000) + String(repeating: "*", count: 50_000) + "\n",
            "content/big.md": String(repeating: "Some **text** with [a link](https://example.com).\n\n", count: 40_000),
        ])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.path + "/content/loop", withDestinationPath: site.path + "/content")
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("skipped symbolic link"))
        #expect(try site.read("public/quotes/index.html").contains("deep"))
    }
}
