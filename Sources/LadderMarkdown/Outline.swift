import CCmark
import Foundation
import LadderCore

/// What the ladder model needs from a page before anything is rendered: its top-level headings with
/// their anchors, its first paragraph, and a list whose items lead with bold text (a `levels: list` page).
public struct Outline: Sendable, Equatable {
    public struct Heading: Sendable, Hashable {
        public var depth: Int
        public var text: String
        public var anchor: String
        /// Line in the source file.
        public var line: Int
        /// Index of the heading among the document's top-level blocks.
        public var blockIndex: Int
        /// The paragraph right under the heading, if the next block is one (a level's summary).
        public var firstParagraph: String?
    }

    /// A top-level list item that starts with bold text: "**L1 Engineers** tend to be early-career…".
    public struct BoldLedItem: Sendable, Equatable {
        public var boldText: String
        /// The rest of the item as plain text.
        public var rest: String
        public var line: Int
    }

    /// A top-level pipe table (`| L1 | L2 |` over `|---|---|`), read before anything renders so that a
    /// ladder kept as a table can be recognised: each row's cells as plain text, the header row first.
    public struct Table: Sendable, Equatable {
        public var blockIndex: Int
        /// File line of the header row.
        public var line: Int
        public var rows: [[String]]
        /// Which cells hold a link, row by row: a table of links is navigation.
        public var links: [[Bool]]
        /// For a raw HTML table: each cell's list items (or its text), shown as text where a level shows
        /// the cell (its markup is not the page's to render); nil for a pipe table, whose cells are Markdown.
        public var htmlItems: [[[String]]]?
    }

    public var headings: [Heading] = []
    public var tables: [Table] = []
    public struct BoldLedList: Sendable, Equatable {
        public var blockIndex: Int
        public var items: [BoldLedItem]
    }

    /// Every top-level list whose items all lead with bold text (`* **Impact**: …`), by block. Read again
    /// from the body only for the few pages that need it (levels with no section headings): kept in every
    /// outline, they cost a level site 30 MB and a tenth of its build.
    public static func boldLedLists(body: String, bodyLine: Int, pasted: PastedLayout?) -> [BoldLedList] {
        let tree = CMarkTree(body, pasted: pasted)
        let lines = FileLines(bodyLine: bodyLine)
        var out: [BoldLedList] = []
        for (index, block) in tree.topLevelBlocks.enumerated() where CMarkTree.type(block) == CMARK_NODE_LIST {
            if let items = boldLedItems(block, lines: lines) { out.append(BoldLedList(blockIndex: index, items: items)) }
        }
        return out
    }
    /// A bold lead of a top-level block: a list item led by bold text (`* **L1** knows the basics`), or a
    /// paragraph whose bold text comes first or after a word or two (`A __Junior Developer__ is capable of:`).
    public struct BoldLead: Sendable, Equatable {
        public var text: String
        public var blockIndex: Int
        /// The list item, for a lead inside a list; nil for a paragraph.
        public var item: Int?
        /// The plain text after the bold lead.
        public var rest: String
        public var line: Int
    }

    /// Every bold lead of the body's top-level paragraphs and list items, in order. Read again from the body
    /// only for pages that may hold a ladder written competency by competency.
    public static func boldLeads(body: String, bodyLine: Int, pasted: PastedLayout?) -> [BoldLead] {
        let tree = CMarkTree(body, pasted: pasted)
        let lines = FileLines(bodyLine: bodyLine)
        var out: [BoldLead] = []
        func lead(of paragraph: CMarkTree.Node, words: Int) -> (String, String)? {
            var node = cmark_node_first_child(paragraph)
            // A word or two may come first (`A`, `An`, `The`).
            if let first = node, CMarkTree.type(first) == CMARK_NODE_TEXT, words > 0 {
                let literal = CMarkTree.literal(first)
                guard literal.split(separator: " ").count <= words, literal.hasSuffix(" ") else { return nil }
                node = cmark_node_next(first)
            }
            guard let strong = node, CMarkTree.type(strong) == CMARK_NODE_STRONG else { return nil }
            var rest: [UInt8] = []
            var next = cmark_node_next(strong)
            while let n = next {
                CMarkTree.appendPlainText(n, to: &rest)
                next = cmark_node_next(n)
            }
            return (CMarkTree.plainText(strong).trimmingCharacters(in: " "), String(decoding: rest, as: UTF8.self).trimmingCharacters(in: " "))
        }
        for (index, block) in tree.topLevelBlocks.enumerated() {
            switch CMarkTree.type(block) {
            case CMARK_NODE_PARAGRAPH:
                if let (text, rest) = lead(of: block, words: 1) {
                    out.append(BoldLead(text: text, blockIndex: index, item: nil, rest: rest, line: lines.fileLine(CMarkTree.line(block))))
                }
            case CMARK_NODE_LIST:
                for (n, item) in CMarkTree.children(of: block).enumerated() {
                    guard let paragraph = cmark_node_first_child(item), CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                          let (text, rest) = lead(of: paragraph, words: 0) else { continue }
                    out.append(BoldLead(text: text, blockIndex: index, item: n, rest: rest, line: lines.fileLine(CMarkTree.line(item))))
                }
            default: break
            }
        }
        return out
    }

    public var firstParagraph: String?
    /// The first top-level list whose every item leads with bold text.
    public var boldLedList: (blockIndex: Int, items: [BoldLedItem])?
    public var blockCount = 0
    /// The body line (1-based, as cmark counts) each top-level block starts on: where a block of this page
    /// is cut from when another page shows it (a competency page's section on its track's level pages).
    public var blockLines: [Int32] = []
    /// Paragraphs that are bold text and nothing else (`**Senior Engineer**`), short and on one line: what a
    /// document exported from a word processor writes for its headings. Depth 0 and no anchor until
    /// `promotingBoldParagraphs` places them among the headings.
    public var boldParagraphs: [Heading] = []

    public var anchors: Set<String> { Set(headings.map(\.anchor)) }

    /// The outline with its bold paragraphs as headings, each one deeper than the heading above it (`##`
    /// at least: a document's `#` is its title), with anchors of their own: how a page whose levels are
    /// bold paragraphs is read once recognition found its ladder there.
    public func promotingBoldParagraphs() -> Outline {
        guard !boldParagraphs.isEmpty else { return self }
        var out = self
        var anchors = AnchorAllocator(reserved: Set(headings.map(\.anchor)))
        var merged: [Heading] = []
        var real = headings.makeIterator(), next = real.next()
        let boldBlocks = Set(boldParagraphs.map(\.blockIndex))
        for var bold in boldParagraphs {
            while let h = next, h.blockIndex < bold.blockIndex { merged.append(h); next = real.next() }
            let above = merged.last { !boldBlocks.contains($0.blockIndex) }
            bold.depth = min(6, max(2, (above?.depth ?? 1) + 1))
            bold.anchor = anchors.allocate(bold.text)
            merged.append(bold)
        }
        while let h = next { merged.append(h); next = real.next() }
        out.headings = merged
        out.boldParagraphs = []
        return out
    }

    public static func == (a: Outline, b: Outline) -> Bool {
        a.headings == b.headings && a.firstParagraph == b.firstParagraph && a.blockCount == b.blockCount && a.tables == b.tables
            && a.boldParagraphs == b.boldParagraphs
            && a.boldLedList?.blockIndex == b.boldLedList?.blockIndex && a.boldLedList?.items == b.boldLedList?.items
    }

    /// Parses `body` (which starts on line `bodyLine` of its file) and reads its outline: for pasted text,
    /// as its layout reads it.
    public init(body: String, bodyLine: Int, pasted: PastedLayout? = nil) {
        // Every page is outlined once a build: its tree lives only for this call.
        self = CMarkTree.withArena { Outline(tree: CMarkTree(body, pasted: pasted), body: body, bodyLine: bodyLine) }
    }

    private init(tree: CMarkTree, body: String, bodyLine: Int) {
        let lines = FileLines(bodyLine: bodyLine)
        self.init(tree: tree, lines: lines)
        // Most pages have no pipe at all: their lines are never cut.
        if body.containsByte(UInt8(ascii: "|")) { tables = Self.tables(tree: tree, body: body, lines: lines) }
        if body.containsByte(UInt8(ascii: "<")) { tables += Self.htmlTables(tree: tree, body: body, lines: lines) }
    }

    /// Raw HTML tables, read by libxml2's HTML parser. A table with blank lines in it is several HTML blocks
    /// to cmark: its source is taken from the line of its `<table` to that of the block where it closes.
    static func htmlTables(tree: CMarkTree, body: String, lines: FileLines) -> [Table] {
        var out: [Table] = []
        let blocks = tree.topLevelBlocks
        var source: [Substring] = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            defer { index += 1 }
            guard CMarkTree.type(block) == CMARK_NODE_HTML_BLOCK, CMarkTree.literal(block).lowercased().contains("<table") else { continue }
            var last = index
            while last < blocks.count, !CMarkTree.literal(blocks[last]).lowercased().contains("</table") { last += 1 }
            if last == blocks.count { last = index }
            if source.isEmpty { source = body.lineSlices() }
            let first = Int(cmark_node_get_start_line(block)), end = Int(cmark_node_get_end_line(blocks[last]))
            guard first >= 1, end >= first, end <= source.count else { continue }
            let html = source[(first - 1)..<end].joined(separator: "\n")
            guard html.utf8.count < 8 << 20, let table = HTMLTables.table(in: html) else { continue }
            out.append(Table(blockIndex: index, line: lines.fileLine(first), rows: table.rows, links: table.links, htmlItems: table.items))
            index = last
        }
        return out
    }

    /// The top-level paragraphs that are pipe tables, as `PipeTables` reads them (a header row over a
    /// delimiter row with as many cells), their cells' Markdown read by cmark as plain text.
    static func tables(tree: CMarkTree, body: String, lines: FileLines) -> [Table] {
        var source: [Substring] = []
        var out: [Table] = []
        for (index, block) in tree.topLevelBlocks.enumerated() where CMarkTree.type(block) == CMARK_NODE_PARAGRAPH {
            let first = Int(cmark_node_get_start_line(block)), last = Int(cmark_node_get_end_line(block))
            guard last > first else { continue }
            if source.isEmpty { source = body.lineSlices().map { $0.utf8.last == 0x0D ? $0.dropLast() : $0 } }
            guard first >= 1, last <= source.count else { continue }
            let rows = source[(first - 1)..<last].map { $0.drop { $0 == " " || $0 == "\t" } }
            guard let header = rows.indices.dropLast().first(where: { PipeTables.delimiterRow(rows[$0 + 1]) != nil }),
                  let alignments = PipeTables.delimiterRow(rows[header + 1]),
                  PipeTables.cells(of: rows[header]).count == alignments.count else { continue }
            var table = Table(blockIndex: index, line: lines.fileLine(first + header), rows: [], links: [])
            for row in [rows[header]] + rows[(header + 2)...] {
                var cells = PipeTables.cells(of: row).map(\.text)
                // Extra cells are dropped and missing ones left empty, as the rendered table does.
                if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
                while cells.count < alignments.count { cells.append("") }
                table.links.append(cells.map { $0.containsBytes("](") || $0.containsBytes("<a ") })
                table.rows.append(cells.map(Self.plainText(ofInline:)))
            }
            out.append(table)
        }
        return out
    }

    /// A cell's inline Markdown as plain text: `**L1**` → `L1`, `[Q1](#q1)` → `Q1`.
    static func plainText(ofInline markdown: String) -> String {
        // Plain words need no parse (most cells of a large table).
        if !markdown.utf8.contains(where: { "*_`[]<>&\\!".utf8.contains($0) }) { return markdown }
        let tree = CMarkTree(markdown)
        return withExtendedLifetime(tree) { CMarkTree.plainText(tree.root).trimmingCharacters(in: " ") }
    }

    init(tree: CMarkTree, lines: FileLines) {
        var anchors = AnchorAllocator()
        let blocks = tree.topLevelBlocks
        blockCount = blocks.count
        blockLines.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            blockLines.append(Int32(CMarkTree.line(block)))
            switch CMarkTree.type(block) {
            case CMARK_NODE_HEADING:
                let text = CMarkTree.plainText(block).trimmingCharacters(in: " ")
                headings.append(Heading(depth: Int(cmark_node_get_heading_level(block)), text: text,
                                        anchor: anchors.allocate(text),
                                        line: lines.fileLine(CMarkTree.line(block)), blockIndex: index))
            case CMARK_NODE_PARAGRAPH:
                if let strong = cmark_node_first_child(block), CMarkTree.type(strong) == CMARK_NODE_STRONG, cmark_node_next(strong) == nil,
                   cmark_node_get_end_line(block) == cmark_node_get_start_line(block) {
                    // `**Technical skills:**` names "Technical skills".
                    let text = CMarkTree.plainText(strong).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                    if !text.isEmpty, text.utf8.count <= 80 {
                        boldParagraphs.append(Heading(depth: 0, text: text, anchor: "", line: lines.fileLine(CMarkTree.line(block)), blockIndex: index))
                        break
                    }
                }
                // Only the first paragraph and those right under a heading are read (a page has dozens).
                let underHeading = headings.last.map { $0.blockIndex == index - 1 } ?? false
                let underBold = boldParagraphs.last.map { $0.blockIndex == index - 1 } ?? false
                guard firstParagraph == nil || underHeading || underBold else { break }
                let text = CMarkTree.plainText(block).trimmingCharacters(in: " ")
                if firstParagraph == nil { firstParagraph = text }
                if underHeading { headings[headings.count - 1].firstParagraph = text }
                if underBold { boldParagraphs[boldParagraphs.count - 1].firstParagraph = text }
            case CMARK_NODE_LIST where boldLedList == nil:
                if let items = Self.boldLedItems(block, lines: lines) { boldLedList = (index, items) }
            default: break
            }
        }
    }

    static func boldLedItems(_ list: CMarkTree.Node, lines: FileLines) -> [BoldLedItem]? {
        var items: [BoldLedItem] = []
        for item in CMarkTree.children(of: list) {
            guard let paragraph = cmark_node_first_child(item), CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let strong = cmark_node_first_child(paragraph), CMarkTree.type(strong) == CMARK_NODE_STRONG else {
                return nil
            }
            let bold = CMarkTree.plainText(strong).trimmingCharacters(in: " ")
            var rest: [UInt8] = []
            var node = cmark_node_next(strong)
            while let n = node {
                CMarkTree.appendPlainText(n, to: &rest)
                node = cmark_node_next(n)
            }
            var sibling = cmark_node_next(paragraph)
            while let s = sibling {
                // A block after the item's text (its own list) is apart from it.
                if let last = rest.last, last != UInt8(ascii: " ") { rest.append(UInt8(ascii: " ")) }
                CMarkTree.appendPlainText(s, to: &rest)
                sibling = cmark_node_next(s)
            }
            items.append(BoldLedItem(boldText: bold, rest: String(decoding: rest, as: UTF8.self).trimmingCharacters(in: " "),
                                     line: lines.fileLine(CMarkTree.line(item))))
        }
        return items.isEmpty ? nil : items
    }
}

package extension String {
    func trimmingCharacters(in set: Character) -> String {
        if set == " " { return String(self[...].trimmingSpacesAndNewlines()) }
        var s = self[...]
        while s.first == set || s.first == "\n" { s = s.dropFirst() }
        while s.last == set || s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}

package extension Substring {
    /// Spaces and newlines off both ends, compared as Characters (a space followed by a combining mark,
    /// or the LF of a CRLF, stays). By bytes first (`SpaceTrim`): grapheme breaking was a tenth of the
    /// Markdown stage.
    func trimmingSpacesAndNewlines() -> Substring {
        var s = self
        let kept = s.withUTF8 { SpaceTrim.byBytes($0, 0..<$0.count) }
        let utf8 = s.utf8
        s = s[utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: kept.upperBound)]
        // As Characters only where the bytes stopped at a space or newline beside a non-ASCII byte: a
        // Character that is a space or newline is that one byte.
        while SpaceTrim.isEdge(s.utf8.first), s.first == " " || s.first == "\n" { s = s.dropFirst() }
        while SpaceTrim.isEdge(s.utf8.last), s.last == " " || s.last == "\n" { s = s.dropLast() }
        return s
    }
}

/// The byte half of trimming spaces and newlines, shared by Substrings and the bytes a page's text is
/// gathered in while it renders.
package enum SpaceTrim {
    static func isEdge(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x0A }

    /// `range` of `bytes` without the spaces and newlines at its ends that are Characters of their own:
    /// those whose neighbour is ASCII (and, at the end, not a CR). An edge that is still a space or
    /// newline after this needs Characters to settle.
    package static func byBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, isEdge(bytes[low]), low + 1 == high || bytes[low + 1] < 0x80 { low += 1 }
        while high > low, isEdge(bytes[high - 1]), high - 1 == low || (bytes[high - 2] < 0x80 && bytes[high - 2] != 0x0D) { high -= 1 }
        return low..<high
    }
}
