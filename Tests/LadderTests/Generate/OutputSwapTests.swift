import Foundation
@testable import LadderCore
import Testing

/// The output swap: the new folder replaces the old one whole, and the old one is deleted without
/// following links out of it.
@Suite struct OutputSwapTests {
    let fm = FileManager.default

    func scratch() throws -> String {
        let path = fm.temporaryDirectory.appendingPathComponent("ladder-swap-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ path: String, _ text: String = "x") throws {
        try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func a_tree_is_removed_whole_and_links_out_of_it_are_not_followed() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let tree = root + "/public"
        for section in 0..<5 {
            for page in 0..<30 { try write(tree + "/s\(section)/p\(page)/index.html") }
        }
        try write(tree + "/index.html")
        try write(tree + "/.hidden")
        try write(tree + "/a b/ünïcode é.html")
        try write(tree + "/deep/1/2/3/4/5/6/file.txt")
        try fm.createDirectory(atPath: tree + "/empty/also-empty", withIntermediateDirectories: true)
        // Links to a folder and a file outside the tree: the links go, what they point at stays.
        try write(root + "/outside/keep.txt", "kept")
        try write(root + "/outside-file.txt", "kept")
        try fm.createSymbolicLink(atPath: tree + "/link-to-folder", withDestinationPath: root + "/outside")
        try fm.createSymbolicLink(atPath: tree + "/s1/link-to-folder", withDestinationPath: root + "/outside")
        try fm.createSymbolicLink(atPath: tree + "/s2/link-to-file", withDestinationPath: root + "/outside-file.txt")
        try fm.createSymbolicLink(atPath: tree + "/s3/dangling", withDestinationPath: root + "/nowhere")

        TreeRemoval.remove(tree)

        #expect(!fm.fileExists(atPath: tree))
        #expect(try String(contentsOfFile: root + "/outside/keep.txt", encoding: .utf8) == "kept")
        #expect(try String(contentsOfFile: root + "/outside-file.txt", encoding: .utf8) == "kept")
        #expect(try fm.contentsOfDirectory(atPath: root).sorted() == ["outside", "outside-file.txt"])
    }

    @Test func a_file_a_link_or_nothing_at_the_path_is_handled() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        try write(root + "/file.txt")
        TreeRemoval.remove(root + "/file.txt")
        #expect(!fm.fileExists(atPath: root + "/file.txt"))
        try write(root + "/target/keep.txt")
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/target")
        TreeRemoval.remove(root + "/link")
        #expect((try? fm.destinationOfSymbolicLink(atPath: root + "/link")) == nil)
        #expect(fm.fileExists(atPath: root + "/target/keep.txt"))
        TreeRemoval.remove(root + "/not-there")
        #expect(try fm.contentsOfDirectory(atPath: root) == ["target"])
    }

    @Test func the_new_output_replaces_the_old_whole_and_nothing_is_left_beside_it() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let destination = root + "/public"
        for page in 0..<200 { try write(destination + "/old/p\(page)/index.html", "old") }
        try write(destination + "/index.html", "old")
        try AtomicOutput(destination: destination).replace { sink in
            try sink.write("index.html", Data("new".utf8))
            try sink.write("new/index.html", Data("new".utf8))
        }
        #expect(try String(contentsOfFile: destination + "/index.html", encoding: .utf8) == "new")
        #expect(try fm.contentsOfDirectory(atPath: destination).sorted() == ["index.html", "new"])
        #expect(try fm.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test func a_failed_build_leaves_the_old_output_as_it_was() throws {
        let root = try scratch()
        defer { try? fm.removeItem(atPath: root) }
        let destination = root + "/public"
        try write(destination + "/index.html", "old")
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try AtomicOutput(destination: destination).replace { sink in
                try sink.write("index.html", Data("new".utf8))
                throw Failed()
            }
        }
        #expect(try String(contentsOfFile: destination + "/index.html", encoding: .utf8) == "old")
        #expect(try fm.contentsOfDirectory(atPath: root) == ["public"])
    }
}
