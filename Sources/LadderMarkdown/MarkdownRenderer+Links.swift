import CCmark
import LadderCore
import Foundation

/// The renderer's work on links: level ids in text made links, and every link and image destination
/// rewritten by `rewriteLink` (reported at its file line).
extension MarkdownRenderer {
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
            let lines = FileLines(bodyLine: bodyLine)
            let location = fixedLine.map { SourceLocation(path: displayPath, line: $0, column: 1) }
                ?? SourceLocation(path: displayPath, line: lines.fileLine(line), column: column)
            let rewritten = rewriteLink(url, type == CMARK_NODE_IMAGE, location)
            if rewritten != url { cmark_node_set_url(node, rewritten) }
        }
    }
}
