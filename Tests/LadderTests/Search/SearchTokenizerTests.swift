import Foundation
import Testing
@testable import LadderSearch

/// The tokenizer reads UTF-8 bytes; these check it against the rule written over Unicode scalars
/// (the browser's `normalize` and `tokenize` follow the same rule).
@Suite struct SearchTokenizerTests {
    /// The rule, scalar by scalar: letters and digits, lowercased, compatibility-decomposed, marks dropped.
    static func reference(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                let properties = part.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default:
                    if properties.isAlphabetic || properties.numericType != nil {
                        current += properties.lowercaseMapping
                    } else if !current.isEmpty {
                        terms.append(current)
                        current = ""
                    }
                }
            }
        }
        if !current.isEmpty { terms.append(current) }
        return terms
    }

    @Test func byte_tokens_equal_the_scalar_rule() {
        let pieces = ["Senior", "L3", "don't", "Café", "résumé", "ﬁle", "ÉCOLE", "straße", "İstanbul", "Ωmega", "日本語",
                      "🚀launch", "x\u{301}y", "e\u{0301}", "٣٤", "Ⅻ", "½", "naïve-coöp", "\u{00A0}", "\t", "A-B_c", "𝔘𝔫𝔦",
                      "\u{2028}", "ǅ", "ﬀ", "\u{FEFF}x", "1.5", "", " ", "Ⓐ", "ﾃｽﾄ", "ΣΊΣΥΦΟΣ"]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for separator in ["", " ", "—", "\n"] {
                    let text = a + separator + b
                    #expect(SearchTokenizer.terms(text) == Self.reference(text), "\(text.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked == pieces.count * pieces.count * 4)
        #expect(SearchTokenizer.terms("Café au LAIT, don't") == ["cafe", "au", "lait", "don", "t"])
    }
}

/// A document's text is its pieces joined by a space, each run of white space made one space; a piece
/// with nothing to collapse is copied whole, and must come out as the byte-by-byte path makes it.
@Suite struct SearchTextTests {
    static func reference(_ pieces: [String]) -> String {
        pieces.joined(separator: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    @Test func pieces_collapse_as_the_rule_says() {
        let pieces = ["", " ", "a", "a b", "a  b", " a", "a ", "a\nb", "a\tb", "\r", "\r\n", "é b", "\u{1}x", "x \u{1}",
                      "  ", "a b c", "a \nb", "naïve café"]
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in ["", "z", " z "] {
                    var out: [UInt8] = Array("prefix".utf8)
                    var pending = false
                    for piece in [a, b, c] {
                        var piece = piece
                        piece.withUTF8 { SearchCorpus.appendCollapsing($0, to: &out, from: 6, pendingSpace: &pending) }
                    }
                    #expect(String(decoding: out.dropFirst(6), as: UTF8.self) == Self.reference([a, b, c]), "\([a, b, c].debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked == pieces.count * pieces.count * 3)
    }
}
