@testable import LadderMarkdown
import Testing

/// A block's plain text is trimmed by byte offsets while the page renders; it must cut where the
/// Character-based trim cuts (a space before a combining mark is no space, CR LF is one Character).
struct PlainTextTrimTests {
    @Test func byte_offsets_agree_with_the_character_trim() {
        let pieces = [" ", "\n", "\r", "a", "é", "\u{301}", "\u{600}", "ß", "\r\n", "  "]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for length in 0..<9 {
            for _ in 0..<400 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let bytes = Array(text.utf8)
                let range = RenderedDocumentBuilder.trimmed(bytes, 0..<bytes.count)
                let expected = String(text[...].trimmingSpacesAndNewlines())
                #expect(String(decoding: bytes[range], as: UTF8.self) == expected, "\(Array(text.unicodeScalars))")
                checked += 1
            }
        }
        #expect(checked == 3_600)
    }

    @Test func edges_that_are_not_whole_characters_stay() {
        func trim(_ text: String) -> String {
            let bytes = Array(text.utf8)
            return String(decoding: bytes[RenderedDocumentBuilder.trimmed(bytes, 0..<bytes.count)], as: UTF8.self)
        }
        #expect(trim("  text \n") == "text")
        #expect(trim(" \u{301}x ") == " \u{301}x")
        #expect(trim("x\r\n") == "x\r\n")
        #expect(trim(" \n ") == "")
    }
}
