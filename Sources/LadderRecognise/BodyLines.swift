import LadderCore
import LadderLoad

/// The raw lines of a page's body, to read what is under a heading.
package struct BodyLines {
    let lines: [Substring]
    let source: PageSource

    package init(source: PageSource) {
        self.source = source
        lines = source.body.lineSlices()
    }

    /// Body line index (0-based) of a file line.
    private func index(ofFileLine line: Int) -> Int { line - source.bodyLine }

    /// The lines strictly between two file lines (to the end when `end` is nil).
    package func lines(after start: Int, before end: Int?) -> ArraySlice<Substring> {
        let from = min(max(index(ofFileLine: start) + 1, 0), lines.count)
        let to = min(max(end.map(index(ofFileLine:)) ?? lines.count, from), lines.count)
        return lines[from..<to]
    }

    /// The text strictly between two file lines (to the end when `end` is nil).
    package func text(after start: Int, before end: Int?) -> String {
        let from = min(max(index(ofFileLine: start) + 1, 0), lines.count)
        let to = min(max(end.map(index(ofFileLine:)) ?? lines.count, from), lines.count)
        return lines[from..<to].joined(separator: "\n")
    }
}
