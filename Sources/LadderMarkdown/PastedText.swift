import CCmark
import LadderCore

/// Applies a `PastedLayout` to cmark's tree of a pasted page. cmark reads pasted lines as paragraphs (a run of
/// lines with no blank line between is one paragraph, its lines joined by soft breaks); this cuts them back
/// into lines and moves each line's inline nodes into the heading, list item or paragraph the layout says it
/// is. Inline Markdown in a line (a link, emphasis) stays as cmark read it, and every block made here keeps
/// the line it was made from (`CMarkTree.setLine`).
struct PastedText {
    typealias Node = CMarkTree.Node
    let layout: PastedLayout

    /// One line of a paragraph: its inline nodes, its body line and its text.
    struct Line {
        var nodes: [Node]
        var number: Int
        var text: Substring
        /// Which paragraph it came from (items of a list from several paragraphs are apart: a loose list).
        var paragraph: Int
    }

    /// A line of the page, or a block that is not a paragraph (kept as it is).
    enum Entry {
        case line(Line)
        case block(Node)
    }

    func reshape(_ root: Node) {
        switch layout.shape {
        case .bullets(let leads): reshapeBullets(root, leads: leads)
        case .levelLines(let levels, let competency): reshapeLevels(root, levels: levels, competency: competency)
        }
    }

    // MARK: Bullets

    /// Bullet lines become list items, one list for a run of them; a line that is no bullet after one in
    /// the same paragraph continues its item (as Markdown's lazy continuation does).
    private func reshapeBullets(_ root: Node, leads: [Int: Int]) {
        var list: Node?
        var lastItem: Node?
        var lastParagraph = -1
        for (number, block) in CMarkTree.children(of: root).enumerated() {
            guard CMarkTree.type(block) == CMARK_NODE_PARAGRAPH, CMarkTree.line(block) > 0 else {
                list = nil
                continue
            }
            if CMarkTree.line(block) == layout.titleLine, cmark_node_get_end_line(block) == cmark_node_get_start_line(block) {
                list = nil
                replace(block, with: heading(1, nodes: CMarkTree.children(of: block), line: CMarkTree.line(block)))
                continue
            }
            let lines = Self.lines(of: block, paragraph: number)
            guard lines.contains(where: { PastedLayout.bullet($0.text) != nil }) else {
                list = nil
                continue
            }
            var openParagraph: Node?
            for line in lines {
                guard let bullet = PastedLayout.bullet(line.text) else {
                    if let item = lastItem, list != nil, let paragraph = cmark_node_last_child(item),
                       CMarkTree.type(paragraph) == CMARK_NODE_PARAGRAPH, line.paragraph == lastParagraph {
                        append(line.nodes, to: paragraph, softBreak: true)
                    } else if let paragraph = openParagraph {
                        append(line.nodes, to: paragraph, softBreak: true)
                    } else {
                        list = nil
                        let paragraph = self.paragraph(line.nodes, line: line.number)
                        cmark_node_insert_before(block, paragraph)
                        openParagraph = paragraph
                    }
                    continue
                }
                openParagraph = nil
                var nodes = line.nodes
                Self.dropPrefix(bullet.length, of: &nodes)
                if let lead = leads[line.number] { Self.embolden(lead, of: &nodes) }
                let item = self.item(nodes, line: line.number)
                if bullet.nested, let parent = lastItem, list != nil {
                    var nested = cmark_node_last_child(parent)
                    if nested.map({ CMarkTree.type($0) != CMARK_NODE_LIST }) ?? true {
                        let made = bulletList(line: line.number)
                        cmark_node_append_child(parent, made)
                        nested = made
                    }
                    if line.paragraph != lastParagraph { cmark_node_set_list_tight(nested, 0) }
                    cmark_node_append_child(nested, item)
                } else {
                    if list == nil {
                        let made = bulletList(line: line.number)
                        cmark_node_insert_before(block, made)
                        list = made
                    } else if line.paragraph != lastParagraph {
                        cmark_node_set_list_tight(list, 0)
                    }
                    cmark_node_append_child(list, item)
                    lastItem = item
                }
                lastParagraph = line.paragraph
            }
            cmark_node_free(block)
        }
    }

    // MARK: Level lines

    /// Each `Level N` line becomes a `##` heading over its summary, a `###` heading naming the competency,
    /// its other lines as a list and its "E.g." lines as a list under `#### Examples`.
    private func reshapeLevels(_ root: Node, levels: [Int], competency: String) {
        var entries: [Entry] = []
        // Paragraphs are freed once their lines have moved out (with the breaks between them).
        var emptied: [Node] = []
        defer { emptied.forEach { cmark_node_free($0) } }
        for (number, block) in CMarkTree.children(of: root).enumerated() {
            cmark_node_unlink(block)
            if CMarkTree.type(block) == CMARK_NODE_PARAGRAPH, CMarkTree.line(block) > 0 {
                entries += Self.lines(of: block, paragraph: number).map(Entry.line)
                emptied.append(block)
            } else {
                entries.append(.block(block))
            }
        }
        let starts = Set(levels)
        var out: [Node] = []
        var index = 0
        // The page's lines before its first level: each its own paragraph, the title a `#` heading.
        while index < entries.count {
            if case .line(let line) = entries[index] {
                if starts.contains(line.number) { break }
                out.append(line.number == layout.titleLine ? heading(1, nodes: line.nodes, line: line.number)
                                                           : paragraph(line.nodes, line: line.number))
            } else if case .block(let block) = entries[index] {
                out.append(block)
            }
            index += 1
        }
        while index < entries.count {
            guard case .line(let levelLine) = entries[index] else { break }
            out.append(heading(2, nodes: levelLine.nodes, line: levelLine.number))
            index += 1
            var summary: Line?
            var signals: [Line] = [], examples: [Line] = [], blocks: [Node] = []
            while index < entries.count {
                if case .line(let line) = entries[index], starts.contains(line.number) { break }
                switch entries[index] {
                case .block(let block):
                    blocks.append(block)
                case .line(var line):
                    if let lead = PastedLayout.exampleLead(line.text) {
                        Self.dropPrefix(lead, of: &line.nodes, capitalising: true)
                        examples.append(line)
                    } else if summary == nil, signals.isEmpty, examples.isEmpty {
                        summary = line
                    } else {
                        if let bullet = PastedLayout.bullet(line.text) { Self.dropPrefix(bullet.length, of: &line.nodes) }
                        signals.append(line)
                    }
                }
                index += 1
            }
            if let summary { out.append(paragraph(summary.nodes, line: summary.number)) }
            out.append(heading(3, text: competency, line: levelLine.number))
            if !signals.isEmpty { out.append(tightList(signals)) }
            if !examples.isEmpty {
                out.append(heading(4, text: "Examples", line: examples[0].number))
                out.append(tightList(examples))
            }
            out += blocks
        }
        for node in out { cmark_node_append_child(root, node) }
    }

    // MARK: Lines and nodes

    /// A paragraph's lines, cut at its soft (and hard) breaks. The nodes stay the paragraph's until moved.
    static func lines(of paragraph: Node, paragraph number: Int) -> [Line] {
        var out: [Line] = []
        var current: [Node] = []
        let first = CMarkTree.line(paragraph)
        func close() {
            var bytes: [UInt8] = []
            for node in current { CMarkTree.appendPlainText(node, to: &bytes) }
            let text = String(decoding: bytes, as: UTF8.self)
            out.append(Line(nodes: current, number: first + out.count, text: text[...].drop { $0 == " " || $0 == "\t" }, paragraph: number))
            current = []
        }
        for node in CMarkTree.children(of: paragraph) {
            let type = CMarkTree.type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                close()
            } else {
                current.append(node)
            }
        }
        if !current.isEmpty || out.isEmpty { close() }
        return out
    }

    /// Drops `count` bytes off the front of a line (a bullet, "E.g. "), from its leading text nodes.
    static func dropPrefix(_ count: Int, of nodes: inout [Node], capitalising: Bool = false) {
        var left = count
        while left > 0, let first = nodes.first, CMarkTree.type(first) == CMARK_NODE_TEXT {
            let literal = CMarkTree.literal(first)
            if literal.utf8.count <= left {
                left -= literal.utf8.count
                cmark_node_free(first)
                nodes.removeFirst()
            } else {
                let rest = String(decoding: literal.utf8.dropFirst(left), as: UTF8.self).drop { $0 == " " || $0 == "\t" }
                cmark_node_set_literal(first, capitalising ? rest.prefix(1).uppercased() + rest.dropFirst() : String(rest))
                return
            }
        }
        if capitalising, let first = nodes.first, CMarkTree.type(first) == CMARK_NODE_TEXT {
            let literal = CMarkTree.literal(first)
            cmark_node_set_literal(first, literal.prefix(1).uppercased() + literal.dropFirst())
        }
    }

    /// The first `count` bytes of a line's first text node in bold (a level's id leading an item).
    static func embolden(_ count: Int, of nodes: inout [Node]) {
        guard let first = nodes.first, CMarkTree.type(first) == CMARK_NODE_TEXT else { return }
        let literal = CMarkTree.literal(first).utf8
        guard literal.count >= count, let lead = String(literal.prefix(count)), let rest = String(literal.dropFirst(count)) else { return }
        let strong = cmark_node_new(CMARK_NODE_STRONG)!
        cmark_node_append_child(strong, text(lead))
        if rest.isEmpty {
            cmark_node_free(first)
            nodes[0] = strong
        } else {
            cmark_node_set_literal(first, rest)
            nodes.insert(strong, at: 0)
        }
    }

    static func text(_ literal: String) -> Node {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, literal)
        return node
    }

    private func append(_ nodes: [Node], to parent: Node, softBreak: Bool) {
        if softBreak, cmark_node_first_child(parent) != nil { cmark_node_append_child(parent, cmark_node_new(CMARK_NODE_SOFTBREAK)!) }
        for node in nodes { cmark_node_append_child(parent, node) }
    }

    private func made(_ type: cmark_node_type, line: Int) -> Node {
        let node = cmark_node_new(type)!
        CMarkTree.setLine(node, line)
        return node
    }

    private func paragraph(_ nodes: [Node], line: Int) -> Node {
        let node = made(CMARK_NODE_PARAGRAPH, line: line)
        append(nodes, to: node, softBreak: false)
        return node
    }

    private func heading(_ depth: Int, nodes: [Node], line: Int) -> Node {
        let node = made(CMARK_NODE_HEADING, line: line)
        cmark_node_set_heading_level(node, Int32(depth))
        append(nodes, to: node, softBreak: false)
        return node
    }

    private func heading(_ depth: Int, text: String, line: Int) -> Node {
        heading(depth, nodes: [Self.text(text)], line: line)
    }

    private func item(_ nodes: [Node], line: Int) -> Node {
        let item = made(CMARK_NODE_ITEM, line: line)
        cmark_node_append_child(item, paragraph(nodes, line: line))
        return item
    }

    private func bulletList(line: Int) -> Node {
        let list = made(CMARK_NODE_LIST, line: line)
        cmark_node_set_list_type(list, CMARK_BULLET_LIST)
        cmark_node_set_list_tight(list, 1)
        return list
    }

    private func tightList(_ lines: [Line]) -> Node {
        let list = bulletList(line: lines[0].number)
        for line in lines { cmark_node_append_child(list, item(line.nodes, line: line.number)) }
        return list
    }

    private func replace(_ block: Node, with node: Node) {
        cmark_node_insert_before(block, node)
        cmark_node_free(block)
    }
}
