@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// The search index writes integers as bytes, and cuts its term shards by the length of each term's
/// postings computed without writing them out: both must agree with Swift's own `String(Int)`.
@Suite struct JSONTextTests {
    @Test func integers_are_written_and_measured_as_swift_prints_them() {
        let lists: [[Int]] = [[], [0], [7], [10], [9, 10, 99, 100, 12_345], [-1, -10, 0, 1], [Int.max, Int.min + 1, Int.min],
                              Array(0..<1_000).map { $0 * 37 % 1_001 }]
        for list in lists {
            #expect(JSONText.ints(list) == "[" + list.map(String.init).joined(separator: ",") + "]", "\(list.prefix(8))")
            for value in list { #expect(JSONText.digits(value) == String(value).utf8.count, "\(value)") }
        }
    }
}
