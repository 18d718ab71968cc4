import CCmark
import LadderCore

/// GitHub-style pipe tables for a cmark without the table extension: a transform of the document tree.
///
/// cmark reads a table as an ordinary paragraph. We look at that paragraph's source lines; when a header
/// row is followed by a delimiter row (`| --- | :-: |`) with as many cells, the paragraph becomes a table.
/// Cells are parsed by cmark as inline Markdown and kept as real nodes, so links in cells are checked and
/// rewritten, level mentions are linked and raw HTML stays dropped, as everywhere else. Tables are made of
/// cmark's custom nodes, whose HTML is the tag we give them.
package struct PipeTables {
    /// Where a re-parsed fragment sits in the page body, so diagnostics inside cells keep true positions.
    struct FragmentOrigin {
        /// Body line of the fragment's first line.
        var line: Int
        /// Added to a column on the fragment's first line.
        var columnOffset: Int
    }

    enum Alignment { case none, left, center, right }

    private let body: String
    /// The body's lines, cut only once a paragraph of two lines or more (a table's least) is found.
    private var lines: [Substring] = []
    /// Fragments parsed out of the body, by the node that holds them.
    private(set) var origins: [CMarkTree.Node: FragmentOrigin] = [:]

    init(body: String) {
        self.body = body
    }

    private static let pipe = UInt8(ascii: "|")

    /// Replaces every paragraph that holds a pipe table. The number of top-level blocks never changes (a
    /// paragraph with text before its table becomes one wrapper block), so block indices stay valid.
    mutating func transform(_ root: CMarkTree.Node) {
        // Most pages have no pipe at all, or none in a paragraph of two lines: their lines are never cut.
        // (A byte scan: `String.contains` with a string argument goes through Foundation, and was a tenth
        // of a build's Markdown time.)
        guard body.containsByte(Self.pipe) else { return }
        let candidates = paragraphs(under: root).filter { cmark_node_get_end_line($0) > cmark_node_get_start_line($0) }
        guard !candidates.isEmpty else { return }
        lines = body.lineSlices().map { line in
            line.utf8.last == 0x0D ? line.dropLast() : line
        }
        for paragraph in candidates { replaceIfTable(paragraph) }
    }

    private func paragraphs(under root: CMarkTree.Node) -> [CMarkTree.Node] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var out: [CMarkTree.Node] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  CMarkTree.type(node) == CMARK_NODE_PARAGRAPH else { continue }
            out.append(node)
        }
        return out
    }

    /// The paragraph's source lines without the container prefixes (list indentation, `>` markers).
    private func sourceLines(of paragraph: CMarkTree.Node) -> [(text: Substring, line: Int, column: Int)]? {
        let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
        guard first >= 1, last >= first, last <= lines.count else { return nil }
        var out: [(Substring, Int, Int)] = []
        for number in first...last {
            let raw = lines[number - 1]
            var text: Substring
            if number == first {
                let skip = max(0, Int(cmark_node_get_start_column(paragraph)) - 1)
                let utf8 = raw.utf8
                guard skip <= utf8.count else { return nil }
                text = Substring(utf8.dropFirst(skip))
            } else {
                text = raw.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            }
            let column = raw.utf8.count - text.utf8.count + 1
            out.append((text, number, column))
        }
        return out
    }

    private mutating func replaceIfTable(_ paragraph: CMarkTree.Node) {
        guard let source = sourceLines(of: paragraph), source.count >= 2 else { return }
        for headerIndex in 0..<(source.count - 1) {
            guard let alignments = Self.delimiterRow(source[headerIndex + 1].text) else { continue }
            let header = Self.cells(of: source[headerIndex].text)
            guard header.count == alignments.count else { continue }
            let table = makeTable(header: (header, source[headerIndex].line, source[headerIndex].column),
                                  alignments: alignments,
                                  body: source[(headerIndex + 2)...].map { (Self.cells(of: $0.text), $0.line, $0.column) })
            if headerIndex == 0 {
                cmark_node_replace(paragraph, table)
            } else {
                // Text before the header row stays a paragraph; both go in one block (see `transform`).
                let wrapper = Self.customBlock("", "")
                let lead = source[..<headerIndex].map { String($0.text) }.joined(separator: "\n")
                let (fragment, origin) = parse(lead, line: source[0].line, columnOffset: source[0].column - 1)
                origins[wrapper] = origin
                for child in CMarkTree.children(of: fragment.root) {
                    cmark_node_unlink(child)
                    cmark_node_append_child(wrapper, child)
                }
                cmark_node_append_child(wrapper, table)
                cmark_node_replace(paragraph, wrapper)
            }
            cmark_node_free(paragraph)
            return
        }
    }

    private typealias Row = (cells: [Cell], line: Int, column: Int)

    private mutating func makeTable(header: Row, alignments: [Alignment], body: [Row]) -> CMarkTree.Node {
        let table = Self.customBlock("<table>", "</table>")
        let head = Self.customBlock("<thead>", "</thead>")
        cmark_node_append_child(head, makeRow(header, tag: "th", alignments: alignments))
        cmark_node_append_child(table, head)
        if !body.isEmpty {
            let tbody = Self.customBlock("<tbody>", "</tbody>")
            for row in body { cmark_node_append_child(tbody, makeRow(row, tag: "td", alignments: alignments)) }
            cmark_node_append_child(table, tbody)
        }
        return table
    }

    /// One `<tr>`; extra cells are dropped and missing ones left empty, as GitHub does.
    private mutating func makeRow(_ row: Row, tag: String, alignments: [Alignment]) -> CMarkTree.Node {
        let tr = Self.customBlock("<tr>", "</tr>")
        for (i, alignment) in alignments.enumerated() {
            // A class, not GitHub's `style="text-align: …"`: the theme's Content-Security-Policy allows
            // no inline style.
            let style: String
            switch alignment {
            case .none: style = ""
            case .left: style = " class=\"align-left\""
            case .center: style = " class=\"align-center\""
            case .right: style = " class=\"align-right\""
            }
            let cell = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(cell, "<\(tag)\(style)>")
            cmark_node_set_on_exit(cell, "</\(tag)>")
            if i < row.cells.count, !row.cells[i].text.isEmpty {
                let (fragment, origin) = parse(row.cells[i].text, line: row.line,
                                               columnOffset: row.column - 1 + row.cells[i].offset)
                // The cell's inlines are the children of the fragment's single paragraph.
                if let paragraph = cmark_node_first_child(fragment.root), CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH {
                    for child in CMarkTree.children(of: paragraph) {
                        cmark_node_unlink(child)
                        cmark_node_append_child(cell, child)
                    }
                } else {
                    // Text that cmark would read as a block (`# x`, `- x`) is shown as written.
                    let text = cmark_node_new(CMARK_NODE_TEXT)!
                    cmark_node_set_literal(text, row.cells[i].text)
                    cmark_node_append_child(cell, text)
                }
                origins[cell] = origin
            }
            cmark_node_append_child(tr, cell)
        }
        return tr
    }

    /// A fragment is its own small document; the nodes we move out of it are unlinked first, so freeing
    /// the fragment leaves them alone.
    private func parse(_ text: String, line: Int, columnOffset: Int) -> (CMarkTree, FragmentOrigin) {
        (CMarkTree(text), FragmentOrigin(line: line, columnOffset: columnOffset))
    }

    private static func customBlock(_ enter: String, _ exit: String) -> CMarkTree.Node {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    // MARK: Reading rows

    /// A cell's text and where it starts in its line (in UTF-8 bytes), for diagnostics.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// The cells of a row: split at pipes that are not escaped, outer pipes optional, `\|` becomes `|`.
    static func cells(of line: Substring) -> [Cell] {
        var pieces: [Cell] = []
        var current = ""
        var start = 0
        var escaped = false
        var offset = 0
        for ch in line {
            if escaped {
                // Only `\|` is ours; every other escape is left for cmark.
                current += ch == "|" ? "|" : "\\" + String(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                pieces.append(Cell(text: current, offset: start))
                current = ""
                start = offset + 1
            } else {
                current.append(ch)
            }
            offset += ch.utf8.count
        }
        if escaped { current += "\\" }
        pieces.append(Cell(text: current, offset: start))
        // Outer pipes are optional: `| a | b |` and `a | b` are the same row.
        if pieces.count > 1, pieces.first!.text.allSatisfy({ $0 == " " || $0 == "\t" }) { pieces.removeFirst() }
        if pieces.count > 1, pieces.last!.text.allSatisfy({ $0 == " " || $0 == "\t" }) { pieces.removeLast() }
        return pieces.map { piece in
            let lead = piece.text.prefix { $0 == " " || $0 == "\t" }.utf8.count
            return Cell(text: piece.text.trimming([" ", "\t"]), offset: piece.offset + lead)
        }
    }

    /// `| :--- | :-: | --: |` → alignments; nil when the line is not a delimiter row.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        guard line.containsByte(Self.pipe) else { return nil }
        var out: [Alignment] = []
        for cell in cells(of: line).map(\.text) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            out.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return out
    }
}

package extension String {
    func trimming(_ set: [Character]) -> String {
        var s = self[...]
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}

package extension Substring {
    func trimming(_ set: [Character]) -> String { String(self).trimming(set) }
}
