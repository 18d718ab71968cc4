import CCmark
import LadderCore

/// Competencies written as a list: `- Impact` with the level's expectations as a list under it.
///
/// ```markdown
/// - Impact
///   - Ships features customers use.
/// - Ownership
///   - Fixes what they shipped.
/// ```
///
/// becomes `## Impact` / `- Ships features customers use.` …, line for line, so every message keeps its
/// line (a column under a label moves left by the label's indentation) and the rest of the build sees
/// ordinary competency sections.
package enum CompetencyList {
    /// The body with its first top-level bullet list rewritten as sections, when every item (two at least)
    /// is a short label (five words at most, no closing full stop) with a list under it; else nil.
    package static func sections(in body: String) -> String? {
        let tree = CMarkTree(body)
        guard let list = tree.topLevelBlocks.first(where: { CMarkTree.type($0) == CMARK_NODE_LIST }),
              cmark_node_get_list_type(list) == CMARK_BULLET_LIST else { return nil }
        let items = CMarkTree.children(of: list)
        guard items.count >= 2 else { return nil }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits: [(line: Int, heading: String, through: Int, indent: Int)] = []
        for item in items {
            let children = CMarkTree.children(of: item)
            guard children.count == 2, CMarkTree.type(children[0]) == CMARK_NODE_PARAGRAPH,
                  CMarkTree.type(children[1]) == CMARK_NODE_LIST else { return nil }
            let label = CMarkTree.plainText(children[0]).trimmingCharacters(in: " ")
            let words = label.split(separator: " ")
            guard !words.isEmpty, words.count <= 5, !label.hasSuffix("."), !label.contains("\n"),
                  CMarkTree.line(children[0]) == CMarkTree.line(item) else { return nil }
            edits.append((CMarkTree.line(item), label, Int(cmark_node_get_end_line(item)), CMarkTree.column(children[0]) - 1))
        }
        for edit in edits {
            guard edit.line - 1 < lines.count else { return nil }
            lines[edit.line - 1] = "## " + edit.heading
            var n = edit.line
            while n < edit.through, n < lines.count {
                // The items under the label move out to the left margin, as far as the label was indented.
                let line = lines[n]
                let spaces = line.prefix { $0 == " " }.count
                lines[n] = String(line.dropFirst(min(spaces, edit.indent)))
                n += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
