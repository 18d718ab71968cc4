import CCmark
import CLibXML2
import Foundation

/// Raw HTML tables in a page (`<table class="levels-table">` pasted from another site), read with
/// libxml2's HTML parser, which recovers from the malformed markup real pages have (unclosed cells and
/// rows, stray tags) the way browsers do. Never patterns over HTML.
enum HTMLTables {
    /// The first table in an HTML block: each row's cells as plain text, each cell's list items (or its
    /// text as one item), and which cells hold a link. Nil when the block holds no table with two rows.
    static func table(in html: String) -> (rows: [[String]], items: [[[String]]], links: [[Bool]])? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var bytes = Array(html.utf8)
        guard let document = bytes.withUnsafeMutableBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let table = first("table", under: root) else { return nil }
        var rows: [[String]] = [], items: [[[String]]] = [], links: [[Bool]] = []
        // Rows of this table (in thead, tbody, tfoot or directly), not of tables nested in its cells.
        var rowNodes: [xmlNodePtr] = []
        forEachChild(of: table) { child in
            if name(child) == "tr" { rowNodes.append(child) }
            if ["thead", "tbody", "tfoot"].contains(name(child)) {
                forEachChild(of: child) { if name($0) == "tr" { rowNodes.append($0) } }
            }
        }
        // The grid a browser lays out: a cell with `rowspan` fills its column in the rows below, one with
        // `colspan` the columns beside it (each spanned place refers to the cell that fills it).
        struct Cell { var text: String; var items: [String]; var link: Bool; var id: Int; var columns: Int }
        var grid: [[Cell?]] = []
        var pending: [Int: (cell: Cell, rows: Int)] = [:]   // column → a cell still spanning down
        var nextID = 0
        for row in rowNodes {
            var line: [Cell?] = []
            func fillSpans() {
                while let span = pending[line.count] {
                    line.append(span.cell)
                    pending[line.count - 1] = span.rows > 1 ? (span.cell, span.rows - 1) : nil
                }
            }
            fillSpans()
            forEachChild(of: row) { node in
                guard name(node) == "td" || name(node) == "th" else { return }
                let text = self.text(of: node)
                var listed: [String] = []
                collect("li", under: node) { listed.append(self.text(of: $0)) }
                let rowSpan = min(max(attribute(node, "rowspan") ?? 1, 1), 1000), colSpan = min(max(attribute(node, "colspan") ?? 1, 1), 1000)
                // A cell across several columns (a level's summary, a group's title) is no one column's: its
                // places stay empty.
                let cell = colSpan > 1 ? Cell(text: "", items: [], link: false, id: nextID, columns: colSpan)
                    : Cell(text: text, items: listed.isEmpty ? (text.isEmpty ? [] : [text]) : listed.filter { !$0.isEmpty },
                           link: first("a", under: node).map { xmlHasProp($0, "href") != nil } ?? false, id: nextID, columns: 1)
                nextID += 1
                for _ in 0..<colSpan {
                    fillSpans()
                    if rowSpan > 1 { pending[line.count] = (cell, rowSpan - 1) }
                    line.append(cell)
                }
                fillSpans()
            }
            fillSpans()
            if !line.isEmpty { grid.append(line) }
        }
        // Rows whose first place is the same spanning cell (`<th rowspan="3">M3</th>`) are one row of the
        // ladder: each column's distinct cells joined, in order.
        var merged: [[[Cell]]] = []
        var firstIDs: [Int?] = []
        for line in grid {
            let firstID = line.first??.id
            if let firstID, firstIDs.last == firstID, var last = merged.popLast() {
                for (column, cell) in line.enumerated() {
                    guard let cell, cell.columns == 1 else { continue }
                    if column >= last.count { last.append([]) }
                    if !last[column].contains(where: { $0.id == cell.id }) { last[column].append(cell) }
                }
                merged.append(last)
            } else {
                merged.append(line.map { $0.map { [$0] } ?? [] })
                firstIDs.append(firstID)
            }
        }
        for line in merged {
            rows.append(line.map { $0.map(\.text).filter { !$0.isEmpty }.joined(separator: " ") })
            items.append(line.map { $0.flatMap(\.items) })
            links.append(line.map { $0.contains(where: \.link) })
        }
        guard rows.count >= 2 else { return nil }
        // Rows are as wide as the header: short rows filled, long ones cut (as the pipe tables).
        let width = rows[0].count
        for r in rows.indices {
            while rows[r].count < width { rows[r].append(""); items[r].append([]); links[r].append(false) }
            if rows[r].count > width {
                rows[r].removeLast(rows[r].count - width); items[r].removeLast(items[r].count - width); links[r].removeLast(links[r].count - width)
            }
        }
        return (rows, items, links)
    }

    /// An integer attribute (`rowspan="3"`), or nil.
    private static func attribute(_ node: xmlNodePtr, _ key: String) -> Int? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { xmlFree(value) }
        return Int(String(cString: value).trimmingCharacters(in: .whitespaces))
    }

    private static func name(_ node: xmlNodePtr) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    private static func forEachChild(of node: xmlNodePtr, _ body: (xmlNodePtr) -> Void) {
        var child = node.pointee.children
        while let c = child {
            body(c)
            child = c.pointee.next
        }
    }

    /// Depth-first, without recursion (a page may nest deeply).
    private static func collect(_ tag: String, under node: xmlNodePtr, _ body: (xmlNodePtr) -> Void) {
        var stack: [xmlNodePtr] = []
        forEachChild(of: node) { stack.append($0) }
        stack.reverse()
        while let current = stack.popLast() {
            if name(current) == tag { body(current); continue }
            var children: [xmlNodePtr] = []
            forEachChild(of: current) { children.append($0) }
            stack.append(contentsOf: children.reversed())
        }
    }

    private static func first(_ tag: String, under node: xmlNodePtr) -> xmlNodePtr? {
        if name(node) == tag { return node }
        var found: xmlNodePtr?
        collect(tag, under: node) { if found == nil { found = $0 } }
        return found
    }

    /// A node's text (what a reader sees: not scripts or styles) with its runs of white space made single spaces.
    private static func text(of node: xmlNodePtr) -> String {
        var raw = ""
        var stack: [xmlNodePtr] = [node]
        while let current = stack.popLast() {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                raw += String(cString: content)
                continue
            }
            guard current.pointee.type == XML_ELEMENT_NODE, !["script", "style", "template"].contains(name(current)) else { continue }
            // Block-level children are separated by a space, as a browser lays them out.
            if ["p", "li", "br", "div", "ul", "ol"].contains(name(current)) { raw += " " }
            var children: [xmlNodePtr] = []
            forEachChild(of: current) { children.append($0) }
            stack.append(contentsOf: children.reversed())
        }
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }).joined(separator: " ")
    }
}
