import CCmark
import LadderCore
import Foundation

/// Stage 3: turns Markdown into HTML with cmark, once every page's URL and anchors are known.
public struct MarkdownRenderer {
    /// What to do with a link or image destination; returns the URL to write (or the same URL).
    public typealias LinkRewriter = (_ url: String, _ isImage: Bool, _ location: SourceLocation) -> String

    public var displayPath: String
    public var bodyLine: Int
    /// For pasted text: how its lines read (see `PastedLayout`).
    public var pasted: PastedLayout?
    public var allowRawHTML = false
    /// For `levels: list` pages: the top-level list that holds the levels and each item's anchor.
    public var levelList: (blockIndex: Int, anchors: [String])?
    public var rewriteLink: LinkRewriter
    /// Level ids to link where prose mentions them ("works with L3s"): uppercase id → URL.
    public var levelMentions: [String: String] = [:]
    /// The body's headings when the caller has its `Outline` already (the model made one from the same
    /// body); otherwise they are found again.
    public var knownHeadings: [Outline.Heading]?
    /// Blocks made for levels read from parts of blocks (a table's cells), after the page's own blocks.
    public var appendedBlocks: [AppendedBlock] = []
    /// How much deeper the page's own top-level headings are shown (a track given as data keeps its
    /// introduction's headings at `###` or deeper, below the levels).
    public var headingShift = 0

    public init(displayPath: String, bodyLine: Int, allowRawHTML: Bool = false,
                levelList: (blockIndex: Int, anchors: [String])? = nil,
                rewriteLink: @escaping LinkRewriter = { url, _, _ in url }) {
        self.displayPath = displayPath
        self.bodyLine = bodyLine
        self.allowRawHTML = allowRawHTML
        self.levelList = levelList
        self.rewriteLink = rewriteLink
    }

    public func render(_ body: String) -> RenderedDocument {
        // The page's tree, and every node made for it, lives only for this call.
        CMarkTree.withArena { renderTree(body) }
    }

    private func renderTree(_ body: String) -> RenderedDocument {
        let tree = CMarkTree(body, pasted: pasted)
        var headings = knownHeadings ?? Outline(tree: tree, lines: FileLines(bodyLine: bodyLine)).headings
        var tables = PipeTables(body: body)
        tables.transform(tree.root)
        rewriteLinks(in: tree.root, fragments: tables.origins)
        if !levelMentions.isEmpty { linkLevelMentions(in: tree.root) }
        var topLevel = tree.topLevelBlocks
        // Appended headings take the places after the page's own blocks, as the model numbered them.
        for (n, piece) in appendedBlocks.enumerated() {
            switch piece {
            case .heading(let text, let anchor, let line):
                headings.append(Outline.Heading(depth: 2, text: text, anchor: anchor, line: line, blockIndex: topLevel.count + n))
            case .subheading(let text, let depth, let anchor, let line):
                headings.append(Outline.Heading(depth: depth, text: text, anchor: anchor, line: line, blockIndex: topLevel.count + n))
            default: break
            }
        }
        var headingByBlock: [Int: Int] = [:]
        for (number, heading) in headings.enumerated() { headingByBlock[heading.blockIndex] = number }

        var document = RenderedDocumentBuilder(headings: headings)
        for index in topLevel.indices {
            var block = topLevel[index]
            let htmlStart = document.html.count
            var inner: Range<Int>?
            var tagEnds: [Int] = []
            if let heading = headingByBlock[index] {
                if CMarkTree.type(block) == CMARK_NODE_PARAGRAPH, let strong = cmark_node_first_child(block) {
                    // A bold paragraph read as a heading (`Outline.promotingBoldParagraphs`): its bold text's
                    // inlines, in a heading of the depth the outline gave it.
                    let node = cmark_node_new(CMARK_NODE_HEADING)!
                    cmark_node_set_heading_level(node, Int32(headings[heading].depth))
                    while let child = cmark_node_first_child(strong) {
                        cmark_node_unlink(child)
                        cmark_node_append_child(node, child)
                    }
                    // `**Delivery:**` heads "Delivery".
                    if let last = cmark_node_last_child(node), CMarkTree.type(last) == CMARK_NODE_TEXT {
                        var literal = CMarkTree.literal(last)
                        while literal.last == ":" || literal.last == " " { literal.removeLast() }
                        cmark_node_set_literal(last, literal)
                    }
                    cmark_node_replace(block, node)
                    cmark_node_free(block)
                    block = node
                    topLevel[index] = node
                }
                if headingShift > 0, CMarkTree.type(block) == CMARK_NODE_HEADING {
                    cmark_node_set_heading_level(block, Int32(min(6, Int(cmark_node_get_heading_level(block)) + headingShift)))
                }
                inner = appendHeadingHTML(block, anchor: headings[heading].anchor, to: &document.html)
            } else if let levelList, levelList.blockIndex == index {
                let (listHTML, items) = levelListHTML(block, anchors: levelList.anchors)
                document.html += listHTML.utf8
                document.levelItemsHTML = items
            } else if CMarkTree.type(block) == CMARK_NODE_LIST {
                tagEnds = appendListHTML(block, to: &document.html)
            } else {
                CMarkTree.appendHTML(block, unsafe: allowRawHTML, to: &document.html)
            }
            if document.html.count == htmlStart { continue }
            let (plain, items, marks) = Self.text(of: block, tagEnds: tagEnds, itemLines: true)
            document.add(index: index, htmlFrom: htmlStart, inner: inner, heading: headingByBlock[index],
                         plain: plain, items: items, marks: marks)
        }
        var tableCells: [Int: [[CMarkTree.Node]]] = [:]
        var moved: Set<Int> = []
        for (n, piece) in appendedBlocks.enumerated() {
            let index = topLevel.count + n
            let node = appendedNode(piece, topLevel: topLevel, tableCells: &tableCells, moved: &moved)
            defer { cmark_node_free(node) }
            let htmlStart = document.html.count
            var inner: Range<Int>?
            var tagEnds: [Int] = []
            if let heading = headingByBlock[index] {
                inner = appendHeadingHTML(node, anchor: headings[heading].anchor, to: &document.html)
            } else if CMarkTree.type(node) == CMARK_NODE_LIST {
                tagEnds = appendListHTML(node, to: &document.html)
            } else {
                CMarkTree.appendHTML(node, unsafe: allowRawHTML, to: &document.html)
            }
            // As for a list of the page: each item a criterion (with no source line: it was made, not read).
            let (plain, items, marks) = Self.text(of: node, tagEnds: tagEnds, itemLines: false)
            document.add(index: index, htmlFrom: htmlStart, inner: inner, heading: headingByBlock[index], plain: plain,
                         items: items, marks: marks)
        }
        return document.build()
    }

    /// A block's plain text, and for a list each item's range of it (a list's text is its items' text one
    /// after another) with the item's marks; `itemLines`: whether items carry their source line.
    static func text(of block: CMarkTree.Node, tagEnds: [Int], itemLines: Bool)
        -> (plain: [UInt8], items: [Range<Int>], marks: [RenderedBlock.ItemMark]) {
        var plain: [UInt8] = []
        // Room for most blocks at once, rather than growing from nothing a few times per block.
        plain.reserveCapacity(512)
        var items: [Range<Int>] = []
        var marks: [RenderedBlock.ItemMark] = []
        guard CMarkTree.type(block) == CMARK_NODE_LIST else {
            CMarkTree.appendPlainText(block, to: &plain)
            return (plain, items, marks)
        }
        for (n, item) in CMarkTree.children(of: block).enumerated() {
            let start = plain.count
            let (own, examples) = appendItemText(item, to: &plain)
            items.append(start..<plain.count)
            marks.append(RenderedBlock.ItemMark(tagEnd: n < tagEnds.count ? Int32(clamping: tagEnds[n]) : -1,
                                                line: itemLines ? Int32(clamping: CMarkTree.line(item)) : -1,
                                                own: own, examples: examples))
        }
        return (plain, items, marks)
    }

    /// Parses `markdown` (a fragment of the author's, from data at file line `line`) on its own and moves
    /// its blocks into `parent`. Its links are resolved and its level mentions linked as the page's are;
    /// what it says is reported at `line`.
    func appendFragment(_ markdown: String, line: Int, to parent: CMarkTree.Node) {
        let tree = CMarkTree(MarkdownFragment.inline(markdown))
        for child in tree.topLevelBlocks {
            cmark_node_unlink(child)
            cmark_node_append_child(parent, child)
            rewriteLinks(in: child, fixedLine: line)
            if !levelMentions.isEmpty { linkLevelMentions(in: child) }
        }
    }

    /// Removes an item's leading bold text and the separator after it (`**Impact**: `, `**Impact** — `).
    static func dropBoldLead(of item: CMarkTree.Node) {
        guard let paragraph = cmark_node_first_child(item), CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH,
              let strong = cmark_node_first_child(paragraph), CMarkTree.type(strong) == CMARK_NODE_STRONG else { return }
        cmark_node_unlink(strong)
        cmark_node_free(strong)
        // `: ` may sit at the end of the bold text or at the start of what follows it.
        if let text = cmark_node_first_child(paragraph), CMarkTree.type(text) == CMARK_NODE_TEXT {
            let literal = CMarkTree.literal(text)
            let rest = literal.drop { " :-–—.\t".contains($0) }
            if rest.isEmpty {
                cmark_node_unlink(text)
                cmark_node_free(text)
            } else {
                cmark_node_set_literal(text, String(rest))
            }
        }
    }

    /// A pipe table's cells, row by row (row 0 the header), in a top-level block that is the table or
    /// holds it last.
    static func tableCells(in block: CMarkTree.Node) -> [[CMarkTree.Node]] {
        guard CMarkTree.type(block) == CMARK_NODE_CUSTOM_BLOCK else { return [] }
        let table = CMarkTree.children(of: block).last.flatMap { child -> CMarkTree.Node? in
            CMarkTree.type(child) == CMARK_NODE_CUSTOM_BLOCK && String(cString: cmark_node_get_on_enter(child)) == "<table>" ? child : nil
        } ?? block
        return CMarkTree.children(of: table).flatMap { CMarkTree.children(of: $0) }.map { CMarkTree.children(of: $0) }
    }

    /// cmark writes `<h2>Title</h2>`; we add the anchor id (cmark has no option for it). Also returns
    /// where the heading's inner HTML sits in the result (UTF-8 offsets).
    func appendHeadingHTML(_ node: CMarkTree.Node, anchor: String, to out: inout [UInt8]) -> Range<Int> {
        let start = out.count
        CMarkTree.appendHTML(node, unsafe: allowRawHTML, to: &out)
        // "<h2>" + inner + "</h2>\n", all ASCII but the inner part.
        let end = out.count
        guard end - start >= 10, out[start] == UInt8(ascii: "<"), out[start + 1] == UInt8(ascii: "h"),
              out[end - 2] == UInt8(ascii: ">"), out[end - 1] == UInt8(ascii: "\n") else { return 0..<(end - start) }
        let inner = Array(out[(start + 4)..<(end - 6)])
        let depth = Int(cmark_node_get_heading_level(node))
        out.removeSubrange(start...)
        out += "<h\(depth) id=\"\(HTML.escape(anchor))\">".utf8
        let innerStart = out.count - start
        out += inner
        out += "</h\(depth)>\n".utf8
        return innerStart..<(innerStart + inner.count)
    }

    /// A list rendered item by item, the same bytes cmark writes for the whole list, with where each
    /// top-level `<li` ends (UTF-8 offsets), so a page can give an item an `id` without parsing HTML
    /// (which raw HTML in an item could make ambiguous).
    func appendListHTML(_ list: CMarkTree.Node, to out: inout [UInt8]) -> [Int] {
        let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
        let number = Int(cmark_node_get_list_start(list))
        let start = out.count
        out += (ordered ? (number == 1 ? "<ol>\n" : "<ol start=\"\(number)\">\n") : "<ul>\n").utf8
        var tagEnds: [Int] = []
        for item in CMarkTree.children(of: list) {
            tagEnds.append(out.count - start + 3)
            CMarkTree.appendHTML(item, unsafe: allowRawHTML, to: &out)
        }
        out += (ordered ? "</ol>\n" : "</ul>\n").utf8
        return tagEnds
    }

    /// Appends an item's plain text as `CMarkTree.appendPlainText` would, child by child, and returns
    /// the ranges (UTF-8, from the start of `out`'s text before the call… as offsets into `out`) of its
    /// own text (the blocks before its first nested list) and of each item of its nested lists (examples).
    static func appendItemText(_ item: CMarkTree.Node, to out: inout [UInt8]) -> (own: Range<Int32>, examples: [Range<Int32>]) {
        let start = out.count
        let space = UInt8(ascii: " ")
        var ownEnd: Int?
        var examples: [Range<Int32>] = []
        for child in CMarkTree.children(of: item) {
            if CMarkTree.type(child) == CMARK_NODE_LIST {
                if ownEnd == nil { ownEnd = out.count }
                for sub in CMarkTree.children(of: child) {
                    let from = out.count
                    CMarkTree.appendPlainText(sub, to: &out)
                    examples.append(Int32(clamping: from)..<Int32(clamping: out.count))
                }
                if !out.isEmpty, out.last != space { out.append(space) }
            } else {
                CMarkTree.appendPlainText(child, to: &out)
            }
        }
        if !out.isEmpty, out.last != space { out.append(space) }
        return (Int32(clamping: start)..<Int32(clamping: ownEnd ?? out.count), examples)
    }

    /// A `levels: list` list, rendered item by item so each level's item carries its anchor.
    func levelListHTML(_ list: CMarkTree.Node, anchors: [String]) -> (String, [String]) {
        let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
        var out = ordered ? "<ol>\n" : "<ul>\n"
        var itemsHTML: [String] = []
        for (i, item) in CMarkTree.children(of: list).enumerated() {
            var inner = ""
            let children = CMarkTree.children(of: item)
            let tight = cmark_node_get_list_tight(list) != 0
            for child in children {
                inner += CMarkTree.html(child, unsafe: allowRawHTML)
            }
            if tight, inner.hasSuffix("\n") { inner.removeLast() }
            itemsHTML.append(inner)
            let id = i < anchors.count ? " id=\"\(HTML.escape(anchors[i]))\"" : ""
            out += "<li\(id)>" + (tight ? "" : "\n") + inner + "</li>\n"
        }
        out += ordered ? "</ol>\n" : "</ul>\n"
        return (out, itemsHTML)
    }
}
