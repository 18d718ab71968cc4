import CCmark
import LadderCore
import Foundation

/// Stage 3: turns Markdown into HTML with cmark, once every page's URL and anchors are known.
public struct MarkdownRenderer {
    /// What to do with a link or image destination; returns the URL to write (or the same URL).
    public typealias LinkRewriter = (_ url: String, _ isImage: Bool, _ location: SourceLocation) -> String

    public var displayPath: String
    public var bodyLine: Int
    /// For a generated body: the file line of each body line (see `FileLines`).
    public var lineMap: [Int]?
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
        let tree = CMarkTree(body)
        var headings = knownHeadings ?? Outline(tree: tree, lines: FileLines(bodyLine: bodyLine, lineMap: lineMap)).headings
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
            var html: String
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
                (html, inner) = headingHTML(block, anchor: headings[heading].anchor)
            } else if let levelList, levelList.blockIndex == index {
                let (listHTML, items) = levelListHTML(block, anchors: levelList.anchors)
                html = listHTML
                document.levelItemsHTML = items
            } else if CMarkTree.type(block) == CMARK_NODE_LIST {
                (html, tagEnds) = listHTML(block)
            } else {
                html = CMarkTree.html(block, unsafe: allowRawHTML)
            }
            if html.isEmpty { continue }
            let (plain, items, marks) = Self.text(of: block, tagEnds: tagEnds, itemLines: true)
            document.add(index: index, html: html, inner: inner, heading: headingByBlock[index],
                         plain: plain, items: items, marks: marks)
        }
        var tableCells: [Int: [[CMarkTree.Node]]] = [:]
        var moved: Set<Int> = []
        for (n, piece) in appendedBlocks.enumerated() {
            let index = topLevel.count + n
            // Made from typed values, never from text: a heading node, or a paragraph holding a cell's inlines
            // (moved out of the table, which has rendered already).
            let node: CMarkTree.Node
            switch piece {
            case .heading(let text, _, _):
                node = cmark_node_new(CMARK_NODE_HEADING)!
                cmark_node_set_heading_level(node, 2)
                let literal = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(literal, text)
                cmark_node_append_child(node, literal)
            case .subheading(let text, let depth, _, _):
                node = cmark_node_new(CMARK_NODE_HEADING)!
                cmark_node_set_heading_level(node, Int32(min(6, max(1, depth))))
                let literal = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(literal, text)
                cmark_node_append_child(node, literal)
            case .paragraphs(let fragment):
                // The author's Markdown, parsed as the fragment it is; its blocks in a container of their own.
                node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                appendFragment(fragment.markdown, line: fragment.line, to: node)
            case .fragments(let items, let loose):
                // A list of the author's Markdown fragments, each an item, with its examples as a list inside it.
                node = cmark_node_new(CMARK_NODE_LIST)!
                cmark_node_set_list_type(node, CMARK_BULLET_LIST)
                cmark_node_set_list_tight(node, loose ? 0 : 1)
                for fragment in items {
                    let item = cmark_node_new(CMARK_NODE_ITEM)!
                    appendFragment(fragment.markdown, line: fragment.line, to: item)
                    if !fragment.examples.isEmpty {
                        let examples = cmark_node_new(CMARK_NODE_LIST)!
                        cmark_node_set_list_type(examples, CMARK_BULLET_LIST)
                        cmark_node_set_list_tight(examples, 1)
                        for example in fragment.examples {
                            let exampleItem = cmark_node_new(CMARK_NODE_ITEM)!
                            appendFragment(example, line: fragment.line, to: exampleItem)
                            cmark_node_append_child(examples, exampleItem)
                        }
                        cmark_node_append_child(item, examples)
                    }
                    cmark_node_append_child(node, item)
                }
            case .sourceBlock(let markdown, let line):
                // The block parsed on its own: one block, unless cmark reads its lines apart (then in a container).
                let tree = CMarkTree(markdown)
                var fragmentTables = PipeTables(body: markdown)
                fragmentTables.transform(tree.root)
                let blocks = tree.topLevelBlocks
                if blocks.count == 1 {
                    node = blocks[0]
                    cmark_node_unlink(node)
                } else {
                    node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                    for child in blocks {
                        cmark_node_unlink(child)
                        cmark_node_append_child(node, child)
                    }
                }
                rewriteLinks(in: node, fragments: fragmentTables.origins, fixedLine: line)
                if !levelMentions.isEmpty { linkLevelMentions(in: node) }
            case .boldLedItem(let block, let item):
                // The item without its bold lead (the competency's name, shown as the heading before it).
                node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                if block < topLevel.count, CMarkTree.type(topLevel[block]) == CMARK_NODE_LIST {
                    let items = CMarkTree.children(of: topLevel[block])
                    if item < items.count {
                        Self.dropBoldLead(of: items[item])
                        for child in CMarkTree.children(of: items[item]) {
                            cmark_node_unlink(child)
                            cmark_node_append_child(node, child)
                        }
                    }
                }
            case .texts(let texts):
                // Text from data, shown as written: text nodes, never Markdown.
                func paragraph(_ text: String) -> CMarkTree.Node {
                    let p = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                    let literal = cmark_node_new(CMARK_NODE_TEXT)!
                    cmark_node_set_literal(literal, text)
                    cmark_node_append_child(p, literal)
                    return p
                }
                if texts.count == 1 {
                    node = paragraph(texts[0])
                } else {
                    node = cmark_node_new(CMARK_NODE_LIST)!
                    cmark_node_set_list_type(node, CMARK_BULLET_LIST)
                    cmark_node_set_list_tight(node, 1)
                    for text in texts {
                        let item = cmark_node_new(CMARK_NODE_ITEM)!
                        cmark_node_append_child(item, paragraph(text))
                        cmark_node_append_child(node, item)
                    }
                }
            case .leadParagraph(let block):
                node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                if block < topLevel.count, CMarkTree.type(topLevel[block]) == CMARK_NODE_PARAGRAPH {
                    var children = CMarkTree.children(of: topLevel[block])
                    // Up to and including the bold lead.
                    if let strong = children.firstIndex(where: { CMarkTree.type($0) == CMARK_NODE_STRONG }), strong <= 1 {
                        children.removeFirst(strong + 1)
                    }
                    if let first = children.first, CMarkTree.type(first) == CMARK_NODE_TEXT {
                        cmark_node_set_literal(first, String(CMarkTree.literal(first).drop { $0 == " " }))
                    }
                    for child in children {
                        cmark_node_unlink(child)
                        cmark_node_append_child(node, child)
                    }
                }
            case .itemList(let block, let item):
                // The item's own list, moved out of the page's list (which has rendered already).
                let items = block < topLevel.count && CMarkTree.type(topLevel[block]) == CMARK_NODE_LIST ? CMarkTree.children(of: topLevel[block]) : []
                if item < items.count, let list = CMarkTree.children(of: items[item]).last, CMarkTree.type(list) == CMARK_NODE_LIST {
                    node = list
                    cmark_node_unlink(node)
                } else {
                    node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                }
            case .pageBlock(let block):
                // Moved out of the page, which has rendered already (and freed once shown: never twice).
                if block < topLevel.count, moved.insert(block).inserted {
                    node = topLevel[block]
                    cmark_node_unlink(node)
                } else {
                    node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                }
            case .tableCell(let block, let row, let column):
                node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                // A table's cells listed once: a table of 50,000 rows gives 150,000 cells to levels.
                if block < topLevel.count, tableCells[block] == nil { tableCells[block] = Self.tableCells(in: topLevel[block]) }
                if let rows = tableCells[block], row < rows.count, column < rows[row].count {
                    let cell = rows[row][column]
                    for child in CMarkTree.children(of: cell) {
                        cmark_node_unlink(child)
                        cmark_node_append_child(node, child)
                    }
                }
            }
            defer { cmark_node_free(node) }
            var html: String
            var inner: Range<Int>?
            var tagEnds: [Int] = []
            if let heading = headingByBlock[index] {
                (html, inner) = headingHTML(node, anchor: headings[heading].anchor)
            } else if CMarkTree.type(node) == CMARK_NODE_LIST {
                (html, tagEnds) = listHTML(node)
            } else {
                html = CMarkTree.html(node, unsafe: allowRawHTML)
            }
            // As for a list of the page: each item a criterion (with no source line: it was made, not read).
            let (plain, items, marks) = Self.text(of: node, tagEnds: tagEnds, itemLines: false)
            document.add(index: index, html: html, inner: inner, heading: headingByBlock[index], plain: plain, items: items, marks: marks)
        }
        return document.build()
    }

    /// A block's plain text, and for a list each item's range of it (a list's text is its items' text one
    /// after another) with the item's marks; `itemLines`: whether items carry their source line.
    static func text(of block: CMarkTree.Node, tagEnds: [Int], itemLines: Bool)
        -> (plain: [UInt8], items: [Range<Int>], marks: [RenderedBlock.ItemMark]) {
        var plain: [UInt8] = []
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
    func headingHTML(_ node: CMarkTree.Node, anchor: String) -> (html: String, inner: Range<Int>) {
        let html = CMarkTree.html(node, unsafe: allowRawHTML)
        // "<h2>" + inner + "</h2>\n"
        guard html.hasPrefix("<h"), html.hasSuffix(">\n"), html.utf8.count >= 10 else { return (html, 0..<html.utf8.count) }
        let inner = html.dropFirst(4).dropLast(6)
        let depth = Int(cmark_node_get_heading_level(node))
        let open = "<h\(depth) id=\"\(HTML.escape(anchor))\">"
        let innerLength = inner.utf8.count
        return (open + inner + "</h\(depth)>\n", open.utf8.count..<(open.utf8.count + innerLength))
    }

    /// A list rendered item by item, the same bytes cmark writes for the whole list, with where each
    /// top-level `<li` ends (UTF-8 offsets), so a page can give an item an `id` without parsing HTML
    /// (which raw HTML in an item could make ambiguous).
    func listHTML(_ list: CMarkTree.Node) -> (String, [Int]) {
        let ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
        let start = Int(cmark_node_get_list_start(list))
        var out = ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
        var tagEnds: [Int] = []
        for item in CMarkTree.children(of: list) {
            tagEnds.append(out.utf8.count + 3)
            out += CMarkTree.html(item, unsafe: allowRawHTML)
        }
        out += ordered ? "</ol>\n" : "</ul>\n"
        return (out, tagEnds)
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

    /// Turns level ids in text into links, never inside links, images, headings or code (code spans and
    /// blocks are not text nodes). "L3s" links as a whole word.
    func linkLevelMentions(in root: CMarkTree.Node) {
        guard let iterator = cmark_iter_new(root) else { return }
        var textNodes: [CMarkTree.Node] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  CMarkTree.type(node) == CMARK_NODE_TEXT else { continue }
            var parent = cmark_node_parent(node)
            var allowed = true
            while let p = parent {
                let t = CMarkTree.type(p)
                if t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE || t == CMARK_NODE_HEADING { allowed = false; break }
                parent = cmark_node_parent(p)
            }
            if allowed { textNodes.append(node) }
        }
        cmark_iter_free(iterator)
        for node in textNodes { splitMentions(node) }
    }

    private func splitMentions(_ node: CMarkTree.Node) {
        // A mention ends in a digit: most text has none and is left alone without a look at its scalars.
        guard let literal = cmark_node_get_literal(node), strpbrk(literal, "0123456789") != nil else { return }
        let text = CMarkTree.literal(node)
        let scalars = Array(text.unicodeScalars)
        var pieces: [(text: String, url: String?)] = []
        var plainStart = 0
        var i = 0
        // ASCII first: Unicode property lookups dominate the profile otherwise.
        func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isWordChar(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? isASCIILetter(c) || (c >= "0" && c <= "9") : c.properties.isAlphabetic
        }
        while i < scalars.count {
            // A mention starts at a word boundary with 1–3 ASCII letters then digits.
            if isASCIILetter(scalars[i]), i == 0 || !isWordChar(scalars[i - 1]) {
                var j = i
                while j < scalars.count, j - i < 3, isASCIILetter(scalars[j]) { j += 1 }
                var k = j
                while k < scalars.count, ("0"..."9").contains(scalars[k]) { k += 1 }
                if k > j {
                    var end = k
                    if end < scalars.count, scalars[end] == "s" { end += 1 }   // plural: "L3s"
                    if end == scalars.count || !isWordChar(scalars[end]) {
                        let id = String(String.UnicodeScalarView(scalars[i..<k])).uppercased()
                        if let url = levelMentions[id] {
                            if plainStart < i { pieces.append((String(String.UnicodeScalarView(scalars[plainStart..<i])), nil)) }
                            pieces.append((String(String.UnicodeScalarView(scalars[i..<end])), url))
                            plainStart = end
                            i = end
                            continue
                        }
                    }
                }
            }
            i += 1
        }
        guard pieces.contains(where: { $0.url != nil }) else { return }
        if plainStart < scalars.count { pieces.append((String(String.UnicodeScalarView(scalars[plainStart...])), nil)) }
        for piece in pieces {
            let textNode = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(textNode, piece.text)
            if let url = piece.url {
                let link = cmark_node_new(CMARK_NODE_LINK)!
                cmark_node_set_url(link, url)
                cmark_node_append_child(link, textNode)
                cmark_node_insert_before(node, link)
            } else {
                cmark_node_insert_before(node, textNode)
            }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// `fragments`: nodes whose content was parsed on its own (table cells), with where it sits in the body.
    /// `fixedLine`: a fragment from data, whose every link is reported at that file line.
    func rewriteLinks(in root: CMarkTree.Node, fragments: [CMarkTree.Node: PipeTables.FragmentOrigin] = [:], fixedLine: Int? = nil) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var lastBlockLine = 1
        var origin: [PipeTables.FragmentOrigin] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if fragments[node] != nil {
                if event == CMARK_EVENT_ENTER { origin.append(fragments[node]!) } else if event == CMARK_EVENT_EXIT { origin.removeLast() }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            let type = CMarkTree.type(node)
            if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue, CMarkTree.line(node) > 0, origin.isEmpty {
                lastBlockLine = CMarkTree.line(node)
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let ptr = cmark_node_get_url(node) else { continue }
            let url = String(cString: ptr)
            // cmark 0.30 gives inline nodes no position; the enclosing block's line is close enough.
            var nodeLine = CMarkTree.line(node)
            var column = nodeLine > 0 ? CMarkTree.column(node) : 1
            if let fragment = origin.last {
                // Positions inside a fragment count from the fragment: move them to the body.
                if nodeLine <= 1 { column += fragment.columnOffset }
                nodeLine = fragment.line + max(nodeLine, 1) - 1
            }
            let line = nodeLine > 0 ? nodeLine : lastBlockLine
            let lines = FileLines(bodyLine: bodyLine, lineMap: lineMap)
            let location = fixedLine.map { SourceLocation(path: displayPath, line: $0, column: 1) }
                ?? SourceLocation(path: displayPath, line: lines.fileLine(line), column: lineMap == nil ? column : 1)
            let rewritten = rewriteLink(url, type == CMARK_NODE_IMAGE, location)
            if rewritten != url { cmark_node_set_url(node, rewritten) }
        }
    }
}

/// A block made for a level read from parts of the page's blocks, appended after them (the model numbers
/// them from the page's block count): a competency's heading, or one cell of a pipe table.
public enum AppendedBlock: Sendable, Hashable {
    case heading(text: String, anchor: String, line: Int)
    /// The cell at `row` (0: the header row) and `column` of the table that is (or ends) top-level block `block`.
    case tableCell(block: Int, row: Int, column: Int)
    /// Item `item` of the bold-led list that is top-level block `block`, without its bold lead.
    case boldLedItem(block: Int, item: Int)
    /// Text from a data file, as written (a paragraph, or a list of several).
    case texts([String])
    /// The paragraph that is top-level block `block`, without its bold lead and the word before it
    /// (`A **Junior Developer** is capable of:` → `is capable of:`).
    case leadParagraph(block: Int)
    /// Top-level block `block` of the page as it is (the list after a lead paragraph).
    case pageBlock(block: Int)
    /// The list under item `item` of the list that is top-level block `block` (`- Impact` over its list).
    case itemList(block: Int, item: Int)
    /// A heading at `depth` inside a section (`#### Examples`), its text shown as written.
    case subheading(text: String, depth: Int, anchor: String, line: Int)
    /// The author's Markdown from data (a level's summary), parsed as the fragment it is.
    case paragraphs(MarkdownFragment)
    /// One top-level block of another page as its author wrote it, starting on file line `line` (a competency
    /// page's section for a level, shown on the level's page).
    case sourceBlock(markdown: String, line: Int)
    /// A list of the author's Markdown fragments from data (criteria), each an item; `loose` as cmark makes
    /// a list whose items are apart.
    case fragments([MarkdownFragment], loose: Bool)
}

/// A piece of Markdown as the author wrote it in a data string (a criterion, a summary), with the file line
/// it was written on, the id the data gives it, and its examples (each Markdown too).
public struct MarkdownFragment: Sendable, Hashable {
    public var markdown: String
    public var line: Int
    public var id: String?
    public var examples: [String]

    public init(markdown: String, line: Int, id: String? = nil, examples: [String] = []) {
        (self.markdown, self.line, self.id, self.examples) = (markdown, line, id, examples)
    }

    /// A data string read as inline Markdown: `*em*`, `` `code` `` and links are its Markdown, but a line
    /// that would start a block of its own (`## x`, `> x`, `1. x`, `- x`, a fence, a rule or an underline)
    /// stays text, and blank lines do not split it: one fragment is one paragraph.
    public static func inline(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let part = unblock(line)
            if part.isEmpty { continue }
            if !out.isEmpty { out += "\n" }
            out += part
        }
        return out
    }

    /// One line with what would start a block escaped.
    public static func unblock(_ text: Substring) -> String {
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first else { return trimmed }
        let second = trimmed.dropFirst().first
        let markerEnds = second == nil || second == " " || second == "\t"
        let isRule = trimmed.count >= 3 && trimmed.allSatisfy { $0 == first || $0 == " " } && "-*_".contains(first)
        let isUnderline = trimmed.allSatisfy { $0 == "=" || $0 == " " || $0 == "-" } && "=-".contains(first)
        if first == ">" || isRule || isUnderline || ("#-+*".contains(first) && markerEnds) || (first == "#" && trimmed.prefix { $0 == "#" }.count <= 6
                && trimmed.drop(while: { $0 == "#" }).first.map { $0 == " " || $0 == "\t" } ?? true)
            || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            return "\\" + trimmed
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(digits.count)
        if !digits.isEmpty, let next = rest.first, next == "." || next == ")",
           rest.dropFirst().first == nil || rest.dropFirst().first == " " {
            return digits + "\\" + rest
        }
        return trimmed
    }

    /// The text a reader sees of a fragment (a level's summary, for its lead).
    public static func plainText(_ markdown: String) -> String {
        let tree = CMarkTree(inline(markdown))
        var out: [UInt8] = []
        for block in tree.topLevelBlocks { CMarkTree.appendPlainText(block, to: &out) }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: " ")
    }
}
