import Testing
@testable import LadderRender

/// The strings files' messages: placeholders, plurals by each built-in language's CLDR rules.
@Suite struct MessageFormatTests {
    let en = PluralRules(language: "en")

    @Test func placeholders_take_their_values_and_a_missing_one_shows() throws {
        let message = try Message("Level {position} of {count}")
        #expect(message.format(["position": "3", "count": "6"], rules: en) == "Level 3 of 6")
        #expect(message.format(["position": "3"], rules: en) == "Level 3 of {count}")
        #expect(message.argumentNames == ["position", "count"])
        #expect(try Message("It's Ana's: l'équipe").format([:], rules: en) == "It's Ana's: l'équipe")
    }

    @Test func a_plural_picks_its_branch_and_writes_the_number_for_hash() throws {
        let message = try Message("{count, plural, =0 {no level} one {# level} other {# levels}} in {track}")
        #expect(message.format(["track": "Eng"], numbers: ["count": 0], rules: en) == "no level in Eng")
        #expect(message.format(["track": "Eng"], numbers: ["count": 1], rules: en) == "1 level in Eng")
        #expect(message.format(["track": "Eng"], numbers: ["count": 2], rules: en) == "2 levels in Eng")
        #expect(message.format(["track": "Eng", "count": "5"], rules: en) == "5 levels in Eng")
    }

    @Test func plural_categories_follow_cldr_for_the_built_in_languages() {
        func categories(_ language: String) -> [PluralCategory] {
            [0, 1, 2, 5, 1_000_000].map(PluralRules(language: language).category)
        }
        #expect(categories("en") == [.other, .one, .other, .other, .other])
        #expect(categories("de") == [.other, .one, .other, .other, .other])
        #expect(categories("es") == [.other, .one, .other, .other, .many])
        // French and Brazilian Portuguese: 0 and 1 are "one".
        #expect(categories("fr") == [.one, .one, .other, .other, .many])
        #expect(categories("pt-BR") == [.one, .one, .other, .other, .many])
        #expect(categories("pt-PT") == [.other, .one, .other, .other, .many])
    }

    @Test func french_says_zero_in_the_singular() throws {
        let message = try Message("{count, plural, one {# critère coché} other {# critères cochés}}")
        let fr = PluralRules(language: "fr")
        #expect(message.format([:], numbers: ["count": 0], rules: fr) == "0 critère coché")
        #expect(message.format([:], numbers: ["count": 1], rules: fr) == "1 critère coché")
        #expect(message.format([:], numbers: ["count": 2], rules: fr) == "2 critères cochés")
        #expect(message.format([:], numbers: ["count": 0], rules: en) == "0 critères cochés")
        // `many` falls back to `other` when a message does not give it.
        #expect(message.format([:], numbers: ["count": 1_000_000], rules: fr) == "1000000 critères cochés")
    }

    @Test func malformed_messages_are_errors() {
        for text in ["{level", "a}", "{}", "{n, plural, one {x}}", "{n, select, a {x} other {y}}", "{n, plural, few {x} other {y", "{bad name}"] {
            #expect(throws: Message.SyntaxError.self, "\(text)") { try Message(text) }
        }
    }

    @Test func scripts_get_their_messages_as_json_with_plural_branches() {
        var strings = UIStrings.english
        strings.messages = [
            "search.js.results": try! Message("{count, plural, one {# result} other {# results}} for “{query}”"),
            "search.js.more": try! Message("Show \"more\""),
            "search.title": try! Message("Search"),
        ]
        // Every category is given (those the message lacks as its `other`), so a script finds any it asks for.
        let one = #""one":"{count} result for “{query}”""#, other = #""{count} results for “{query}”""#
        #expect(strings.scriptJSON(prefix: "search.js.")
                == #"{"more":"Show \"more\"","results":{"few":"# + other + #","many":"# + other + ","
                   + one + #","other":"# + other + #","two":"# + other + #","zero":"# + other + "}}")
    }
}
