@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// Plain text is trimmed byte by byte where that cannot split a Character, and by Character elsewhere.
@Suite struct TrimmingTests {
    @Test func spaces_and_newlines_go_but_characters_that_merely_start_with_one_stay() {
        let cases: [(String, String)] = [
            ("  a b  ", "a b"), ("\n a\n \n", "a"), ("", ""), ("   ", ""), ("é ", "é"), (" é", "é"),
            (" \u{301}a", " \u{301}a"),    // a space with a combining accent is one Character, not a space
            ("a\r\n", "a\r\n"),            // CRLF is one Character, not a newline
            ("日本 ", "日本"), ("🚀\n", "🚀"),
        ]
        for (input, expected) in cases {
            #expect(String(input[...].trimmingSpacesAndNewlines()) == expected, "\(input.debugDescription)")
            #expect(input.trimmingCharacters(in: " ") == expected, "\(input.debugDescription)")
        }
    }

    /// The byte scan cuts lines exactly where the Character split does, on a fixed list and on every
    /// string of up to six pieces from an alphabet of the awkward cases.
    @Test func line_slices_match_the_character_split() {
        let fixed = ["", "\n", "a", "a\n", "\na", "a\r\nb", "a\rb\n", "\r\n\r\n", "é\n\u{301}x", "日本\n🚀\n\n"]
        let alphabet = ["a", "\n", "\r", "\r\n", "\u{301}", "é", " "]
        for text in fixed + everyString(over: alphabet, upTo: 6) {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(text.lineSlices() == expected, "\(text.debugDescription)")
        }
    }

    /// A heading's text is trimmed from its bytes exactly as the Character path trims it, on every string
    /// of up to five pieces from an alphabet of the awkward cases (closing hashes, emphasis, tabs, escapes).
    @Test func heading_text_by_bytes_matches_the_character_path() {
        let alphabet = ["a", " ", "\t", "#", "*", "_", "`", "\\", "é", "C#"]
        let all = everyString(over: alphabet, upTo: 5)
        #expect(all.count > 100_000)
        for text in all {
            var bytes = Array(text.utf8)
            let fast = bytes.withUnsafeMutableBufferPointer { ScannedPage.headingText(UnsafeBufferPointer($0)) }
            #expect(fast == ScannedPage.headingText(text), "\(text.debugDescription)")
        }
    }

    /// Headings are found by a byte scan: outside fences, at most three spaces in, up to six hashes.
    @Test func the_heading_scan_finds_atx_headings_outside_fences() {
        let body = "# Title\n   ## Three in ##\n    # four in\n```\n# fenced\n```\n####### seven\n#nospace\n~~~\n## in tilde\n~~~\n### *Impact*\n"
        let found = ScannedPage.scan(body).map { "\($0.depth) \($0.text) \($0.line)" }
        #expect(found == ["1 Title 0", "2 Three in 1", "3 Impact 11"])
    }
}
