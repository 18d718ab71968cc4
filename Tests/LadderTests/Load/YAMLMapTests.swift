@testable import LadderCore
@testable import LadderLoad
import Testing

/// A map finds its keys by looking along its entries while it is small and through a dictionary once
/// it is not: both ways must find the same entry, the last one for a repeated key.
@Suite struct YAMLMapTests {
    static func entry(_ key: String, _ value: Int, line: Int) -> YAMLMap.Entry {
        YAMLMap.Entry(key: key, value: .int(value), keyLocation: SourceLocation(path: "a.md", line: line, column: 1),
                      valueLocation: SourceLocation(path: "a.md", line: line, column: key.count + 3))
    }

    @Test func every_key_is_found_below_and_above_the_indexed_size() {
        for size in 0...(YAMLMap.indexedSize * 3) {
            var map = YAMLMap()
            for n in 0..<size { map.append(Self.entry("key\(n)", n * 7, line: n + 2)) }
            #expect(map.entries.count == size)
            for n in 0..<size {
                #expect(map["key\(n)"] == .int(n * 7), "size \(size), key\(n)")
                #expect(map.entry("key\(n)")?.keyLocation.line == n + 2)
            }
            #expect(map["key\(size)"] == nil)
            #expect(map.entry("") == nil)
        }
    }

    @Test func a_repeated_key_finds_its_last_entry_at_every_size() {
        for size in 1...(YAMLMap.indexedSize * 3) {
            var map = YAMLMap()
            for n in 0..<size { map.append(Self.entry(n % 3 == 0 ? "again" : "key\(n)", n, line: n + 2)) }
            let last = (0..<size).last { $0 % 3 == 0 }!
            #expect(map["again"] == .int(last), "size \(size)")
            #expect(map.entry("again")?.keyLocation.line == last + 2, "size \(size)")
        }
    }

    @Test func front_matter_read_from_text_finds_each_key_as_written() throws {
        // Nine keys: one past the size a map is indexed at, read by the fast path and by Yams (quoted).
        let keys = (1...9).map { "k\($0)" }
        for quote in ["", "\""] {
            let text = keys.enumerated().map { "\($0.element): \(quote)v\($0.offset)\(quote)" }.joined(separator: "\n")
            let map = try YAMLReader(path: "a.md", firstLine: 2).readMapping(text)
            for (n, key) in keys.enumerated() {
                #expect(map[key] == .string("v\(n)"))
                #expect(map.entry(key)?.keyLocation.line == n + 2)
            }
        }
    }
}
