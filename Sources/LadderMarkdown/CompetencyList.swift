import CCmark
import LadderCore

/// Competencies a level file writes as a list: `- Impact` with the level's expectations as a list under it.
///
/// ```markdown
/// - Impact
///   - Ships features customers use.
/// - Ownership
///   - Fixes what they shipped.
/// ```
///
/// Read as typed values — the list, and each item's label and line — from which the model makes the level's
/// sections (a heading and the item's own list, moved), never as Markdown written out again.
public struct CompetencyList: Sendable, Hashable {
    /// The top-level block that is the list.
    public var blockIndex: Int
    public var items: [(label: String, line: Int)]

    public static func == (a: Self, b: Self) -> Bool {
        a.blockIndex == b.blockIndex && a.items.map(\.label) == b.items.map(\.label) && a.items.map(\.line) == b.items.map(\.line)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(blockIndex)
        for item in items { hasher.combine(item.label); hasher.combine(item.line) }
    }

    /// The page's first top-level bullet list, when every item (two at least) is a short label (five words
    /// at most, no closing full stop) with a list under it; else nil.
    public static func read(body: String, bodyLine: Int, pasted: PastedLayout?) -> CompetencyList? {
        let tree = CMarkTree(body, pasted: pasted)
        let blocks = tree.topLevelBlocks
        guard let index = blocks.firstIndex(where: { CMarkTree.type($0) == CMARK_NODE_LIST }),
              cmark_node_get_list_type(blocks[index]) == CMARK_BULLET_LIST else { return nil }
        let children = CMarkTree.children(of: blocks[index])
        guard children.count >= 2 else { return nil }
        let lines = FileLines(bodyLine: bodyLine)
        var items: [(label: String, line: Int)] = []
        for item in children {
            let parts = CMarkTree.children(of: item)
            guard parts.count == 2, CMarkTree.type(parts[0]) == CMARK_NODE_PARAGRAPH,
                  CMarkTree.type(parts[1]) == CMARK_NODE_LIST else { return nil }
            let label = CMarkTree.plainText(parts[0]).trimmingCharacters(in: " ")
            let words = label.split(separator: " ")
            guard !words.isEmpty, words.count <= 5, !label.hasSuffix("."), !label.contains("\n"),
                  CMarkTree.line(parts[0]) == CMarkTree.line(item) else { return nil }
            items.append((label, lines.fileLine(CMarkTree.line(item))))
        }
        return CompetencyList(blockIndex: index, items: items)
    }
}
