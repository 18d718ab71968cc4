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
