import Foundation
import LadderCLI
import Testing

/// `ladder new` then `ladder build`, with the real binary.
@Suite struct NewSiteTests {
    /// The real binary run with absolute paths, so the working folder does not matter.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try runProcess(Repo.binary, arguments, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    @Test func a_new_site_builds_as_it_is_without_a_warning() throws {
        let parent = try TempSite()
        defer { parent.remove() }
        let folder = parent.path + "/my careers"
        let made = try Self.run(["new", folder])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("ladder serve '\(folder)'"))
        #expect(made.out.contains("ladder build '\(folder)'"))
        let built = try Self.run(["build", folder])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.err.isEmpty, "warnings: \(built.err)")
        #expect(built.out.contains("(5 levels in 2 tracks)"))
        let public_ = URL(fileURLWithPath: folder).appendingPathComponent("public")
        for page in ["index.html", "about/index.html", "engineering/e2/index.html", "engineering/e2/assess/index.html",
                     "support/s2/index.html", "ladder.json", "engineering/matrix.csv"] {
            #expect(FileManager.default.fileExists(atPath: public_.appendingPathComponent(page).path), "\(page)")
        }
    }

    @Test func a_folder_with_content_is_refused_and_left_alone() throws {
        let site = try TempSite(files: [".keep": "mine\n"])
        defer { site.remove() }
        let refused = try Self.run(["new", site.path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("error: the folder is not empty"))
        #expect(try site.read(".keep") == "mine\n")
        #expect(!site.exists("content"))
        let file = try Self.run(["new", site.path + "/.keep"])
        #expect(file.status == 1)
    }

    @Test func version_is_printed() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        // A test build is not stamped with a commit: the bare version (`make dist-check` checks a stamped one).
        #expect(version.out.trimmingCharacters(in: .whitespacesAndNewlines) == LadderVersion.display)
        #expect(LadderVersion.display == "ladder \(LadderVersion.current)")
    }
}
