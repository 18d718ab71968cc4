import Foundation
@testable import LadderModel
import Testing

/// Whether a level's id is shown beside its title compares their numbers (`Level.numbers`), which read
/// ASCII text byte by byte: on every line of the example site's and the fixtures' content, and on
/// numbers of other scripts, they are the Characters that are numbers.
struct LevelNumbersTests {
    @Test func numbers_are_the_characters_that_are_numbers() throws {
        var lines = ["L3", "IC-2", "Level ½", "Stufe ٣", "Niveau 4²", "Ⅻ", "", "e\u{301}5"]
        for folder in [Repo.root.appendingPathComponent("content"), Repo.fixtures] {
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let file as URL in files where ["md", "yml", "yaml", "csv"].contains(file.pathExtension) {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        #expect(lines.count > 1_000)
        for line in lines { #expect(Level.numbers(line) == line.filter(\.isNumber), "\(line)") }
    }
}
