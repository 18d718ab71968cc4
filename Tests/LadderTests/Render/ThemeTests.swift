import Foundation
import Testing
@testable import LadderRender

/// The built-in theme is generated from templates/ at build time by the ThemePlugin.
@Suite struct ThemeTests {
    @Test func the_built_in_theme_holds_every_file_of_templates_as_it_is() throws {
        let folder = Repo.root.appendingPathComponent("templates")
        var expected: [String: String] = [:]
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in walker where !url.hasDirectoryPath {
            let name = url.lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".md") { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            var text = try String(contentsOf: url, encoding: .utf8)
            while text.hasSuffix("\n") { text.removeLast() }
            expected[path] = text
        }
        #expect(expected.count >= 20)
        #expect(Set(Theme.builtIn.files.keys) == Set(expected.keys))
        for (path, text) in expected { #expect(Theme.builtIn.files[path] == text, "\(path)") }
    }
}
