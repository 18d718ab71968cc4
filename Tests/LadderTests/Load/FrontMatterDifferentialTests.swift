import Foundation
@testable import LadderCore
@testable import LadderLoad
import Testing

/// Front matter read the fast ways (`FlatYAML`, and Yams with the encoding named and tags left unresolved)
/// against Yams with its defaults, as Ladder read it before: the same values, the same positions, the same
/// errors at the same places. On generated front matter that walks YAML's quoting rules, and on every
/// front matter and YAML file among the fixtures, the example site and the fuzz corpus.
@Suite struct FrontMatterDifferentialTests {
    enum Outcome: Equatable {
        case map(YAMLMap)
        case error(Diagnostic)
    }

    static func outcome(_ read: () throws(Diagnostic) -> YAMLMap) -> Outcome {
        do { return .map(try read()) } catch { return .error(error) }
    }

    struct Tally {
        var documents = 0, flat = 0, flatQuoted = 0, errors = 0
    }

    /// Compares every way of reading `text` with Yams' defaults; what the fast path took is counted.
    static func compare(_ text: String, reader: YAMLReader, tally: inout Tally, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        tally.documents += 1
        let separated = YAMLReader.separatingTabsAsSpaces(text)
        let reference = outcome { () throws(Diagnostic) in try reader.readMappingWithYams(separated, yamsDefaults: true) }
        if case .error = reference { tally.errors += 1 }
        let tuned = outcome { () throws(Diagnostic) in try reader.readMappingWithYams(separated) }
        #expect(tuned == reference, "Yams, tuned: \(text.debugDescription)", sourceLocation: sourceLocation)
        let whole = outcome { () throws(Diagnostic) in try reader.readMapping(text) }
        #expect(whole == reference, "readMapping: \(text.debugDescription)", sourceLocation: sourceLocation)
        if let flat = FlatYAML.read(separated, reader: reader) {
            tally.flat += 1
            if text.contains("\"") || text.contains("'") { tally.flatQuoted += 1 }
            #expect(Outcome.map(flat) == reference, "FlatYAML: \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Generated front matter

    /// Pieces of double-quoted text: YAML's escapes (each one it defines, and ones it rejects), quotes,
    /// indicators that end plain text but not quoted text, emoji, and characters that must stay apart.
    static let doubleQuotedPieces = [
        "Site Reliability Engineer 2 (1)", "🎯 Goals", "a", " ", "  ", "#", " #", " # not a comment", ":", ": ", ",", "[", "]", "{", "}",
        "'", "''", "\\\"", "\\\\", "\\/", "\\ ", "\\n", "\\t", "\\r", "\\a", "\\b", "\\v", "\\f", "\\e", "\\N", "\\_", "\\L", "\\P",
        "\\x41", "\\x7e", "\\xE9", "\\u00e9", "\\u2028", "\\U0001F3AF", "\\U0010FFFF", "Café", "日本",
        "&anchor", "*alias", "!tag", "%", "@", "`", "|", ">", "-", "?", "2021-01-21", "true", "null", "3.5",
    ]
    /// What YAML rejects in double quotes, or the fast path leaves to Yams: one now and then.
    static let rarePieces = ["\\0", "\\x00", "\\u0000", "\\x4", "\\xG1", "\\uD800", "\\U00110000", "\\q", "\\'", "\\",
                             "\t", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{9F}", "\u{7F}", "\u{1}"]
    static let singleQuotedPieces = [
        "Site Reliability Engineer", "🎯", "a", " ", "#", " #", ":", ": ", ",", "[", "]", "\"", "''", "\\", "\\n", "\\\"",
        "didn''t", "\t", "é", "\u{2029}", "true", "1",
    ]
    static let plainValues = [
        "Senior Engineer", "L3", "3", "-3", "3.5", "2021-01-21", "2021-01-21 10:00", "true", "yes", "null", "~",
        "Notes #1", "a #comment", "a: b", "http://example.com/x#y", "Café résumé 🚀", "C++ & Rust", "50%", "don't",
        "say \"hi\"", "a'b", "x y", "- item", "[a", "a]",
    ]
    static let keys = ["title", "description", "date", "authors", "tags", "summary", "a-b_c9", "_draft", "level",
                       "\"title\"", "'quoted key'", "1", "\"1\"", "true", "'true'", "!!int 1", "null", "? complex"]

    static func quotedValue(_ random: inout SeededRandom) -> String {
        let double = random.below(3) != 0
        let pieces = double ? doubleQuotedPieces : singleQuotedPieces
        var text = ""
        for _ in 0..<random.below(6) {
            text += random.below(40) == 0 ? rarePieces[random.below(rarePieces.count)] : pieces[random.below(pieces.count)]
        }
        let quote = double ? "\"" : "'"
        var value = quote + text + quote
        switch random.below(40) {
        case 0: value = quote + text                                     // never closed
        case 1: value += " # a comment"
        case 2: value += "   "
        case 3: value += "#no space"
        case 4: value += " trailing words"
        case 5: value += ": more"
        case 6: value = quote + text + "\n  continued" + quote           // runs on to the next line
        case 7: value = quote + text + "\\\n  escaped break" + quote
        default: break
        }
        return value
    }

    static func value(_ random: inout SeededRandom) -> String {
        switch random.below(12) {
        case 0, 1, 2, 3, 4: return quotedValue(&random)
        case 5, 6: return plainValues[random.below(plainValues.count)]
        case 7:
            let items = (0..<random.below(4)).map { _ in
                random.below(2) == 0 ? quotedValue(&random) : plainValues[random.below(plainValues.count)]
            }
            return "[" + items.joined(separator: [",", ", ", " , "][random.below(3)]) + ["]", "] # tags", ",]", ""][random.below(4)]
        case 8, 9:
            let indent = String(repeating: " ", count: random.below(4))
            return (0..<(1 + random.below(3))).map { _ in
                "\n" + indent + "- " + (random.below(2) == 0 ? quotedValue(&random) : plainValues[random.below(plainValues.count)])
            }.joined()
        case 10:
            let header = ["|", "|-", "|+", ">", ">-", ">+", "| # note", ">2", "|-  ", ">+ "][random.below(10)]
            let indent = ["  ", "    ", " "][random.below(3)]
            let lines = ["Line one", "line two: with a colon", "a # not a comment", "\"quoted\" 'text'", "🎯 emoji",
                         "trailing spaces  ", "", "  more indented", "\ttab", "- dash", "x"]
            var body = ""
            for index in 0..<(1 + random.below(3)) {
                let line = random.below(5) == 0 ? lines[random.below(lines.count)] : lines[index % 3]
                body += "\n" + (line.isEmpty ? "" : indent + line)
            }
            return header + body
        default:
            let indent = ["  ", "    "][random.below(2)]
            let names = ["name", "role", "title", "name", "url"]
            var map = ""
            for index in 0..<(1 + random.below(3)) {
                let pad = random.below(15) == 0 ? indent + " " : indent
                let value: String
                switch random.below(10) {
                case 0: value = "\n" + indent + "  deeper: x"
                case 1: value = "[a, \"b\"]"
                case 2, 3, 4: value = plainValues[random.below(plainValues.count)]
                default: value = quotedValue(&random)
                }
                map += "\n" + pad + names[(index + random.below(2)) % names.count] + ": " + value
                if random.below(20) == 0 { map += "\n" + indent + "# a comment" }
            }
            return map
        }
    }

    static func document(_ random: inout SeededRandom) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(6)) {
            switch random.below(12) {
            case 0: lines.append(["# a comment", "  # an indented comment", "", "   "][random.below(4)])
            case 1: lines.append(keys[random.below(keys.count)] + ":" + (random.below(2) == 0 ? "" : " ") + value(&random))
            default: lines.append(keys[random.below(5)] + ": " + value(&random))
            }
        }
        let ending = random.below(8) == 0 ? "\r\n" : "\n"
        return lines.joined(separator: ending) + (random.below(4) == 0 ? "" : ending)
    }

    @Test func generated_front_matter_reads_the_same_every_way() {
        let reader = YAMLReader(path: "content/a.md", firstLine: 2)
        var random = SeededRandom(seed: 34)
        var tally = Tally()
        for _ in 0..<8_000 { Self.compare(Self.document(&random), reader: reader, tally: &tally) }
        // The set reaches both sides: many documents the fast path takes, quoted ones among them, and
        // many Yams rejects (each an error the tuned parse must place where Yams places it).
        #expect(tally.flat > tally.documents / 8, "\(tally)")
        #expect(tally.flatQuoted > tally.documents / 10, "\(tally)")
        #expect(tally.errors > tally.documents / 10, "\(tally)")
    }

    /// Each escape YAML defines, alone in a title, is read by the fast path as Yams reads it.
    @Test func every_escape_and_quote_form_is_taken_and_equal() throws {
        let reader = YAMLReader(path: "content/a.md", firstLine: 2)
        let taken = ["\"\\\"quoted\\\" and \\\\ \\/ \\ \"", "\"\\n\\t\\r\\a\\b\\v\\f\\e\"", "\"\\N\\_\\L\\P\"",
                     "\"\\x41\\u00e9\\U0001F3AF\\U0010FFFF\"", "'it''s ''quoted'''", "'\\n is not an escape'",
                     "\"🎯 Site Reliability Engineer 2 (1)\"", "\"a # b\" # c", "''", "\"\"", "\"x\"   "]
        for value in taken {
            let inFlow = value.hasSuffix("\"") || value.hasSuffix("'") ? ["tags: [\(value), b]\n"] : []
            for text in ["title: \(value)\n", "tags:\n  - \(value)\n  - b\n"] + inFlow {
                let flat = try #require(FlatYAML.read(text, reader: reader), "\(text.debugDescription)")
                #expect(Outcome.map(flat) == Self.outcome { () throws(Diagnostic) in try reader.readMappingWithYams(text, yamsDefaults: true) },
                        "\(text.debugDescription)")
            }
        }
        #expect(FlatYAML.read("title: \"\\\"a\\\" \\u00e9\"\n", reader: reader)?["title"] == .string("\"a\" é"))
        #expect(FlatYAML.read("title: 'didn''t'\n", reader: reader)?["title"] == .string("didn't"))
        // Left to Yams: an unknown escape, U+0000, a surrogate, a quote that runs on, text after the quote.
        for text in ["title: \"\\q\"\n", "title: \"\\0\"\n", "title: \"\\uD800\"\n", "title: \"a\n  b\"\n", "title: \"a\" b\n",
                     "title: \"a\"#b\n", "title: 'a\n", "tags: [\"a\": 1]\n", "title: \"a\\tb\tc\"\n"] {
            #expect(FlatYAML.read(text, reader: reader) == nil, "\(text.debugDescription)")
        }
    }

    /// Block scalars whose lines share one indentation, and a map one level down, as blogs write `summary`
    /// and `seo`: taken, and equal to what Yams reads; blank or more-indented lines and deeper maps are not.
    @Test func block_scalars_and_one_level_maps_are_taken_and_equal() throws {
        let reader = YAMLReader(path: "content/a.md", firstLine: 2)
        for text in ["summary: >-\n  Folded\n  text: with a colon.\ntitle: x\n", "summary: |\n  Line one\n  line # two\n",
                     "summary: |+\n    a\n    b\ndate: 2024-01-01\n", "summary: >\n  🎯 \"quoted\"\n",
                     "seo:\n  title: \"A: b\"\n  description: plain # note\n  tags: [a, 'b']\ntitle: T\n",
                     "seo:\n    a: 1\n    b: true\nauthors:\n  - Ada\n"] {
            let flat = try #require(FlatYAML.read(text, reader: reader), "\(text.debugDescription)")
            #expect(Outcome.map(flat) == Self.outcome { () throws(Diagnostic) in try reader.readMappingWithYams(text, yamsDefaults: true) },
                    "\(text.debugDescription)")
        }
        for text in ["summary: >\n  a\n\n  b\n", "summary: |\n  a\n    b\n", "summary: |\n  a", "summary: |2\n  a\n",
                     "seo:\n  a:\n    b: 1\n", "seo:\n  a: 1\n   b: 2\n", "seo:\n  a: 1\n  a: 2\n", "seo:\n  # c\n  a: 1\n"] {
            #expect(FlatYAML.read(text, reader: reader) == nil, "\(text.debugDescription)")
        }
    }

    // MARK: Front matter Ladder's own files hold

    /// Every front matter among the test fixtures, the example site and the fuzz corpus, and every YAML file
    /// there (site.yml, data files). `LADDER_FRONT_MATTER_DIRS` (colon-separated) adds folders, such as
    /// checkouts of public ladders.
    @Test func every_front_matter_on_file_reads_the_same_every_way() throws {
        var folders = [Repo.fixtures, Repo.root.appendingPathComponent("content"), Repo.root.appendingPathComponent("bench/fuzz-corpus")]
        if let extra = ProcessInfo.processInfo.environment["LADDER_FRONT_MATTER_DIRS"] {
            folders += extra.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        var tally = Tally()
        var files = 0
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                let ext = url.pathExtension
                guard ["md", "markdown", "yml", "yaml"].contains(ext),
                      let data = FileManager.default.contents(atPath: url.path),
                      let text = String(data: data, encoding: .utf8) else { continue }
                files += 1
                if ext == "yml" || ext == "yaml" {
                    Self.compare(text, reader: YAMLReader(path: url.path), tally: &tally)
                } else if let yaml = FrontMatterSplitter.split(text).yaml {
                    Self.compare(String(yaml), reader: YAMLReader(path: url.path, firstLine: 2), tally: &tally)
                }
            }
        }
        #expect(files > 100)
        #expect(tally.documents > 50, "\(tally)")
        #expect(tally.flat > 10, "\(tally)")
        print("front matter on file: \(files) files, \(tally)")
    }
}

/// SplitMix64: the same seed, the same documents.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}
