import CCmark
import LadderCore
import Foundation

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
    /// Top-level block `block` of another page of pasted text, `body`, read as its layout says, starting on
    /// file line `line`: a block of pasted text is what its layout makes of the page, not its lines alone.
    case pastedBlock(body: String, layout: PastedLayout, block: Int, line: Int)
    /// A list of the author's Markdown fragments from data (criteria), each an item; `loose` as cmark makes
    /// a list whose items are apart.
    case fragments([MarkdownFragment], loose: Bool)
}

extension MarkdownRenderer {
    /// The node of one appended block, made from typed values, never from text: a heading node, or a
    /// paragraph holding a cell's inlines (moved out of the table, which has rendered already).
    /// `topLevel`: the page's own blocks; `tableCells` (each table's cells, listed once) and `moved` (page
    /// blocks moved out already) carry over from one appended block of the page to the next.
    func appendedNode(_ piece: AppendedBlock, topLevel: [CMarkTree.Node], tableCells: inout [Int: [[CMarkTree.Node]]],
                      moved: inout Set<Int>) -> CMarkTree.Node {
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
        case .pastedBlock(let body, let layout, let block, let line):
            let tree = CMarkTree(body, pasted: layout)
            var tables = PipeTables(body: body)
            tables.transform(tree.root)
            let blocks = tree.topLevelBlocks
            if block < blocks.count {
                node = blocks[block]
                cmark_node_unlink(node)
            } else {
                node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            }
            rewriteLinks(in: node, fragments: tables.origins, fixedLine: line)
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
        return node
    }
}
