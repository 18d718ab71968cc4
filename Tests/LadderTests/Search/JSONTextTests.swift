@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// The search index cuts its term shards by the length of each term's postings, computed without
/// writing them out: it must equal the length of the text written.
@Suite struct JSONTextTests {
    @Test func the_length_of_a_list_of_integers_is_the_length_of_its_text() {
        let lists: [[Int]] = [[], [0], [7], [10], [9, 10, 99, 100, 12_345], [-1, -10, 0, 1], [Int.max, Int.min + 1],
                              Array(0..<1_000).map { $0 * 37 % 1_001 }]
        for list in lists {
            #expect(JSONText.intsLength(list) == JSONText.ints(list).utf8.count, "\(list.prefix(8))")
        }
    }
}
