@testable import LadderLoad
import Testing

/// The literals of a JavaScript or TypeScript file, read as data, and what is not a literal left out.
@Suite struct ScriptDataTests {
    @Test func literals_with_every_quote_comments_trailing_commas_and_joined_constants() throws {
        let text = """
            // a comment with const x = {
            const PREFIX = 'Level:'
            export const levels: Array<Level> = [
              { "name": `L1`, summary: PREFIX + " learns", 'tags': ["a", 'b',], n: 2, ok: true, none: null, }, /* c */
              { name: "L2", summary: "it's \\"done\\"", note: 'two\\nlines' },
            ] as const;
            const handler = () => { return { nope: 1 } }
            const called = make({ a: 1 })
            """
        let map = try #require(ScriptData.map(text, path: "x.ts"))
        #expect(map.entries.map(\.key) == ["PREFIX", "levels"])
        guard case .list(let items)? = map["levels"], case .map(let first)? = items.first, case .map(let second)? = items.last else {
            Issue.record("no levels"); return
        }
        #expect(first["name"] == .string("L1") && first["summary"] == .string("Level: learns"))
        #expect(first["tags"] == .list([.string("a"), .string("b")]))
        #expect(first["ok"] == .bool(true) && first["none"] == .null)
        #expect(second["summary"] == .string("it's \"done\"") && second["note"] == .string("two\nlines"))
        #expect(map.entry("levels")?.keyLocation.line == 3)
        #expect(first.entries.first?.keyLocation.line == 4 && second.entries.first?.keyLocation.line == 5)
    }

    @Test func code_that_is_not_a_literal_is_left_out_and_never_hangs() {
        #expect(ScriptData.map("const a = compute(1)\nlet b = new Thing()\nvar c = function () {}\n", path: "x.js") == nil)
        #expect(ScriptData.map("const a = {b: [1, 2", path: "x.js") == nil)
        #expect(ScriptData.map(String(repeating: "[", count: 10_000), path: "x.js") == nil)
        #expect(ScriptData.map("const a = " + String(repeating: "[", count: 10_000), path: "x.js") == nil)
    }
}

/// Token soup: every mix of the pieces a script's literals are made of, and broken ones, read without a
/// crash or a hang (a seeded generator, so a failure is repeatable).
@Suite struct ScriptDataFuzzTests {
    static let pieces = [
        "const ", "let ", "var ", "export ", "x", "tracks", " = ", "=", ": Type", ": Record<string, {a: 1}>", "{", "}", "[", "]",
        "(", ")", ",", ":", "'", "\"", "`", "${a}", "\\", "\\n", "a: 1", "\"k\": \"v\"", "[KEY]", "KEY", "+", " + 'x'",
        "//", "/*", "*/", "\n", " ", "true", "null", "undefined", "-1.5e3", "...spread", "() => {}", "function f() {}",
        "as const", "satisfies T", "é", "🎯", "\u{0}", "=>", "?", ";",
    ]

    @Test func random_scripts_are_read_without_a_crash_or_a_hang() {
        var rng = SeededRandom(seed: 37)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<60, using: &rng)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            _ = ScriptData.map(text, path: "fuzz.js")
            _ = CSVTable.rows(text, tabs: Bool.random(using: &rng))
            _ = CSVTable.records(text, tabs: false, path: "fuzz.csv")
        }
    }
}
