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
