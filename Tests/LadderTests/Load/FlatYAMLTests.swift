@testable import LadderCore
@testable import LadderLoad
@testable import LadderMarkdown
@testable import LadderModel
@testable import LadderRender
@testable import LadderSearch
@testable import LadderGenerate
import Testing

/// The flat front-matter fast path must read exactly what Yams reads, or step aside.
@Suite struct FlatYAMLTests {
    let reader = YAMLReader(path: "content/a.md", firstLine: 2)

    /// Values that look alike to a person but not to YAML: numbers, dates, booleans, nulls, colons,
    /// comments, indicators, quotes, Unicode, trailing spaces.
    static let values = [
        "Senior Engineer", "L3", "3", "-3", "+3", "3.5", "1e3", ".5", "0x1F", "0o17", "012", "2021-01-21",
        "2021-01-21 10:00", "2021-01-21T10:00:00Z", "true", "yes", "No", "off", "null", "~", "Null", "nan", ".inf",
        "a: b", "a:b", "a:", "http://example.com/x?y=1#z", "a #comment", "a#b", "# comment", "- item", "-x",
        "[a, b]", "{a: 1}", "'quoted'", "\"quoted\"", "&anchor x", "*alias", "!tag x", "|", ">", "%x", "@x", "`x`",
        "? x", ", x", "Café résumé 🚀", "a, b, c", "trailing   ", "x\u{2028}y", "tab\there", "semi; colon",
        "<b>bold</b>", "50%", "a - b", "C++ & Rust", "\u{FEFF}bom",
    ]

    @Test func every_value_the_fast_path_reads_equals_what_yams_reads() throws {
        var taken = 0
        for value in Self.values {
            for text in ["title: \(value)\n", "title:   \(value)\nlevel: L3\r\n\n  \norder: 2\n", "a-b_c9: \(value)"] {
                let yams = try? reader.readMappingWithYams(text)
                guard let flat = FlatYAML.read(text, reader: reader) else { continue }
                taken += 1
                #expect(flat == yams, "\(text.debugDescription)")
                #expect(flat.entries.map(\.keyLocation) == yams?.entries.map(\.keyLocation), "\(text.debugDescription)")
                #expect(flat.entries.map(\.valueLocation) == yams?.entries.map(\.valueLocation), "\(text.debugDescription)")
            }
        }
        // Most plain values go the fast way; the rest are left to Yams.
        #expect(taken > Self.values.count)
    }

    @Test func nested_unclosed_repeated_and_commented_front_matter_goes_to_yams() {
        for text in ["tags:\n  - a: 1\n", "tags:\n  - a\n   - b\n", "tags:\n  - a\n\n  - b\n", "tags:\n  - [a]\n",
                     "tags: [a, [b]]\n", "tags: [a,, b]\n", "tags: [a: b]\n", "tags: [a\n", "tags:\n  - a\n  # c\n",
                     "tags:\n  -a\n", "title: \"x\n", "a: 1\na: 2\n", "a: # note\n",
                     "  a: 1\n", "a: |\n  text\n\n  more\n", "a:\n", "a:\tb\n", "---\na: 1\n"] {
            #expect(FlatYAML.read(text, reader: reader) == nil, "\(text.debugDescription)")
        }
    }

    /// A key over YAML's 1024 characters, or a control character anywhere, is an error to Yams: the fast path
    /// leaves them to Yams (fuzzer findings).
    @Test func a_key_longer_than_yaml_allows_or_a_control_character_goes_to_yams() {
        let text = String(repeating: "L1", count: 600) + "title: Role\nlevel: IC2\n"
        #expect(FlatYAML.read(text, reader: reader) == nil)
        #expect((try? reader.readMappingWithYams(text)) == nil)
        #expect(FlatYAML.read("title: Role\n", reader: reader) != nil)
        // A control character in a comment is an error to Yams too.
        let comment = "title: Role ### \u{0E}###\nlevel: IC2\n"
        #expect(FlatYAML.read(comment, reader: reader) == nil)
        #expect((try? reader.readMappingWithYams(comment)) == nil)
    }

    /// A comment after a value ends it, as in YAML: `title: Notes #1` is the title "Notes".
    @Test func a_comment_after_a_value_is_read_as_yams_reads_it() throws {
        for text in ["title: Notes on mentoring #1\n", "a: 1 # note\n", "tags: [a, b] # two\n", "a: x#y #z\nb: 2\n",
                     "date: 2021-02-02   # the day\n", "a: b ## c\n"] {
            let yams = try reader.readMappingWithYams(text)
            let flat = try #require(FlatYAML.read(text, reader: reader), "\(text.debugDescription)")
            #expect(flat == yams, "\(text.debugDescription)")
            #expect(flat.entries.map(\.valueLocation) == yams.entries.map(\.valueLocation), "\(text.debugDescription)")
        }
        #expect(try reader.readMappingWithYams("title: Notes on mentoring #1\n").entries.first?.value == .string("Notes on mentoring"))
    }

    /// Lists of plain values, as ordinary pages write `authors` and `tags`, in flow and block style.
    @Test func lists_of_plain_values_equal_what_yams_reads() throws {
        let lists = [
            "tags: [a, b, c]\n", "tags: []\n", "tags: [ ]\n", "tags: [Swift, 3, true, 2021-01-21, null]\n",
            "tags:   [ spaced ,  items ]  \n", "tags: [Café, résumé 🚀]\n",
            "authors:\n  - Ada Lovelace\n  - Grace Hopper\ntitle: Notes\n", "authors:\n- Ada\n- Grace\n",
            "title: T\nauthors:\n    - 1\n    - yes\n    - x y\n\ndate: 2024-05-01\n",
            "tags:\r\n  - a\r\n  - b\r\n", "authors:\n  - Ada   \n", "a: [x]\nb:\n  - y\nc: z\n",
        ]
        for text in lists {
            let yams = try reader.readMappingWithYams(text)
            let flat = FlatYAML.read(text, reader: reader)
            #expect(flat != nil, "\(text.debugDescription)")
            guard let flat else { continue }
            #expect(flat == yams, "\(text.debugDescription)")
            #expect(flat.entries.map(\.keyLocation) == yams.entries.map(\.keyLocation), "\(text.debugDescription)")
            #expect(flat.entries.map(\.valueLocation) == yams.entries.map(\.valueLocation), "\(text.debugDescription)")
        }
        // Every value of the scalar table inside a list too, where the fast path takes it.
        for value in Self.values {
            for text in ["tags: [\(value)]\n", "tags: [x, \(value)]\n", "tags:\n  - \(value)\n  - x\n"] {
                let yams = try? reader.readMappingWithYams(text)
                guard let flat = FlatYAML.read(text, reader: reader) else { continue }
                #expect(flat == yams, "\(text.debugDescription)")
                #expect(flat.entries.map(\.valueLocation) == yams?.entries.map(\.valueLocation), "\(text.debugDescription)")
            }
        }
    }

    @Test func a_repeated_key_is_still_reported_by_yams() {
        #expect(throws: Diagnostic.self) { try reader.readMapping("a: 1\na: 2\n") }
    }
}
