import Foundation
import Testing

/// Files and folders the build cannot read are errors at their path, never pages quietly left out.
/// Permissions do not stop root, and the tests run as root in CI: there the binary runs as `nobody`
/// (through util-linux's `setpriv`), for whom `chmod 000` means what it says.
@Suite struct UnreadableInputTests {
    /// `ladder ARGS` as a user that permissions apply to; nil when that cannot be arranged.
    static func runUnprivileged(_ arguments: [String], in site: TempSite) throws -> (status: Int32, out: String, err: String)? {
        guard geteuid() == 0 else { return try runProcess(Repo.binary, arguments, in: site.folder) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return nil }
        // nobody must be able to enter the site and create the build's temporary folder next to public/.
        chmod(site.path, 0o777)
        return try runProcess(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Repo.binary.path] + arguments, in: site.folder)
    }

    static func siteWithPrevious(_ files: [String: String]) throws -> TempSite {
        let site = try TempSite(files: files.merging(["public/index.html": "<p>previous good build</p>"]) { a, _ in a })
        return site
    }

    @Test func an_unreadable_page_is_an_error_at_its_path_and_public_is_kept() throws {
        let site = try Self.siteWithPrevious(["content/index.md": "# Home\n", "content/secret.md": "# Secret\n"])
        defer { chmod(site.path + "/content/secret.md", 0o644); site.remove() }
        chmod(site.path + "/content/secret.md", 0)
        let before = site.snapshot()
        guard let result = try Self.runUnprivileged(["build", "."], in: site) else {
            Issue.record("running as root without /usr/bin/setpriv: cannot drop privileges to test permissions")
            return
        }
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("content/secret.md:1:1: error: cannot read file: Permission denied"), "\(result.err)")
        #expect(site.snapshot() == before)
    }

    @Test func an_unreadable_folder_is_an_error_at_its_path_and_public_is_kept() throws {
        let site = try Self.siteWithPrevious(["content/index.md": "# Home\n", "content/private/page.md": "# Private\n"])
        defer { chmod(site.path + "/content/private", 0o755); site.remove() }
        chmod(site.path + "/content/private", 0)
        let before = site.snapshot()
        guard let result = try Self.runUnprivileged(["build", "."], in: site) else {
            Issue.record("running as root without /usr/bin/setpriv: cannot drop privileges to test permissions")
            return
        }
        #expect(result.status == 1, "\(result.err)")
        // A folder has no line: the path alone.
        #expect(result.err.contains("content/private: error: cannot read folder: Permission denied"), "\(result.err)")
        #expect(site.snapshot() == before)
    }

    @Test func an_unreadable_static_file_is_an_error_too() throws {
        let site = try Self.siteWithPrevious(["content/index.md": "# Home\n", "content/data.csv": "a,b\n"])
        defer { chmod(site.path + "/content/data.csv", 0o644); site.remove() }
        chmod(site.path + "/content/data.csv", 0)
        let before = site.snapshot()
        guard let result = try Self.runUnprivileged(["build", "."], in: site) else {
            Issue.record("running as root without /usr/bin/setpriv: cannot drop privileges to test permissions")
            return
        }
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("content/data.csv:1:1: error: cannot read file: Permission denied"), "\(result.err)")
        #expect(site.snapshot() == before)
    }
}
