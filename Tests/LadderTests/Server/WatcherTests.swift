import Foundation
import LadderServer
import Testing

/// The inotify watcher on a real folder: editor leftovers never reach a rebuild, and a folder that
/// appears is watched with everything already in it.
@Suite struct WatcherTests {
    final class Bursts: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [[String]] = []
        func add(_ paths: [String]) { lock.lock(); seen.append(paths); lock.unlock() }
        var all: [[String]] { lock.lock(); defer { lock.unlock() }; return seen }

        /// Waits (up to 20 s, a hang guard) until a burst after the first `after` contains `path`;
        /// returns every path seen.
        func waitFor(_ path: String, after: Int = 0) async throws -> [String] {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if all.dropFirst(after).contains(where: { $0.contains(path) }) { break }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            return all.flatMap { $0 }
        }
    }

    @Test func editor_leftovers_are_ignored_and_new_folders_are_watched() async throws {
        let site = try TempSite(files: ["content/a.md": "# A\n"])
        defer { site.remove() }
        let bursts = Bursts()
        let watcher = DirectoryWatcher(roots: [site.path + "/content", site.path + "/templates"]) { bursts.add($0) }
        try watcher.start()
        defer { watcher.stop() }

        // What vim, emacs and others leave while saving, then a real save.
        for name in [".a.md.swp", "a.md~", "4913", ".#a.md", "#a.md#"] { try site.write("content/" + name, "x") }
        try site.write("content/a.md", "# A, edited\n")
        var seen = try await bursts.waitFor(site.path + "/content/a.md")
        #expect(seen.contains(site.path + "/content/a.md"))
        #expect(seen.allSatisfy { !$0.hasSuffix("~") && !$0.contains("/.") && !$0.hasSuffix("4913") && !$0.contains("/#") })

        // A new folder, and a file written into it at once; a new templates/ folder too.
        try site.write("content/new/deep/b.md", "# B\n")
        seen = try await bursts.waitFor(site.path + "/content/new/deep/b.md")
        #expect(seen.contains(site.path + "/content/new/deep/b.md"))
        try site.write("templates/partials/footer.mustache", "<footer></footer>\n")
        seen = try await bursts.waitFor(site.path + "/templates/partials/footer.mustache")
        #expect(seen.contains(site.path + "/templates/partials/footer.mustache"))

        // Later edits inside the new folder are seen through its own watch; so are renames and deletes.
        try site.write("content/new/deep/b.md", "# B, edited\n")
        try FileManager.default.moveItem(atPath: site.path + "/content/new/deep/b.md", toPath: site.path + "/content/new/deep/c.md")
        seen = try await bursts.waitFor(site.path + "/content/new/deep/c.md")
        #expect(seen.filter { $0 == site.path + "/content/new/deep/b.md" }.count >= 2)
        let before = bursts.all.count
        try FileManager.default.removeItem(atPath: site.path + "/content/a.md")
        _ = try await bursts.waitFor(site.path + "/content/a.md", after: before)
        #expect(bursts.all.dropFirst(before).contains { $0.contains(site.path + "/content/a.md") })
    }
}
