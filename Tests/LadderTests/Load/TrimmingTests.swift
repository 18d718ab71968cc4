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
        var all = fixed
        func grow(_ prefix: String, _ depth: Int) {
            all.append(prefix)
            guard depth < 6 else { return }
            for piece in alphabet { grow(prefix + piece, depth + 1) }
        }
        grow("", 0)
        for text in all {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(text.lineSlices() == expected, "\(text.debugDescription)")
        }
    }
}
