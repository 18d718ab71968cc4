import Foundation
import Testing

/// Code hygiene (issue 32): no hand-written Swift file under `Sources/` is over 400 lines, so that each file
/// holds one concept a reader can take in. Split a file that grows past it by concept (a type or a
/// concern per file), not by cutting it in half. Generated files (`@generated` or "do not edit" in their
/// first lines) are left out.
@Suite struct SourceFileLengthTests {
    static let limit = 400

    /// Every hand-written Swift file under `Sources/` with its line count (as `wc -l` counts), by path
    /// from the repository root.
    static func sourceFiles() throws -> [(path: String, lines: Int)] {
        let sources = Repo.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var out: [(path: String, lines: Int)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let head = text.split(separator: "\n", maxSplits: 5, omittingEmptySubsequences: false).prefix(5).joined(separator: "\n").lowercased()
            if head.contains("@generated") || head.contains("do not edit") { continue }
            let path = "Sources/" + url.path.dropFirst(sources.path.count + 1)
            out.append((path, text.utf8.count { $0 == UInt8(ascii: "\n") }))
        }
        return out.sorted { $0.path < $1.path }
    }

    @Test func no_hand_written_swift_file_under_sources_is_over_the_limit() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 50, "the walk found the sources")
        let over = files.filter { $0.lines > Self.limit }
        #expect(over.isEmpty, """
            over \(Self.limit) lines; split each by concept (one type or one concern per file): \
            \(over.map { "\($0.path) (\($0.lines))" }.joined(separator: ", "))
            """)
    }
}
