import Foundation
@testable import LadderGenerate
import Testing

/// An assess page's input ids are criterion ids with white space made `-` (`PageWriter.htmlID`), which
/// takes plain ASCII ids (hashed ids) as they are without looking at each Character: on every line of
/// the example site's and the fixtures' content (spaces, tabs, CRLF, other scripts) and on hashed ids,
/// it gives what mapping each Character gives.
struct AssessHTMLIDTests {
    @Test func html_ids_are_the_ids_with_white_space_made_dashes() {
        let ids = ["1a2b3c4d", "a b", "a\tb", "a\r\nb", "a\u{A0}b", "é\u{2003}x", "", " "]
            + Repo.contentLines(extensions: ["md", "yml", "yaml", "csv", "json"])
        #expect(ids.count > 1_000)
        for id in ids { #expect(PageWriter.htmlID(id) == String(id.map { $0.isWhitespace ? "-" : $0 }), "\(id)") }
    }
}
