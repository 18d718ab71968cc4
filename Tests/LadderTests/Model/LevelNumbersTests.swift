import Foundation
@testable import LadderModel
import Testing

/// Whether a level's id is shown beside its title compares their numbers (`Level.numbers`), which read
/// ASCII text byte by byte: on every line of the example site's and the fixtures' content, and on
/// numbers of other scripts, they are the Characters that are numbers.
struct LevelNumbersTests {
    @Test func numbers_are_the_characters_that_are_numbers() {
        let lines = ["L3", "IC-2", "Level ½", "Stufe ٣", "Niveau 4²", "Ⅻ", "", "e\u{301}5"]
            + Repo.contentLines(extensions: ["md", "yml", "yaml", "csv"])
        #expect(lines.count > 1_000)
        for line in lines { #expect(Level.numbers(line) == line.filter(\.isNumber), "\(line)") }
    }
}
