import CCmark
import CMarkMemory
import Foundation
import LadderCore

/// A cmark document tree, freed when the value goes away. Used by one thread at a time.
package final class CMarkTree {
    typealias Node = OpaquePointer

    let root: Node

    /// `markdown` parsed; for pasted text, its paragraphs then made into the blocks its layout says they are.
    init(_ markdown: String, pasted: PastedLayout? = nil) {
        var text = markdown
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        if let pasted { PastedText(layout: pasted).reshape(root) }
    }

    deinit { cmark_node_free(root) }

    /// Runs `body` with cmark's allocations on this thread served from the thread's arena, given back
    /// whole when `body` returns (see Sources/CMarkMemory). Every tree made inside must be gone by then:
    /// only wrap work whose trees are its own locals and whose results are Swift values.
    static func withArena<T>(_ body: () -> T) -> T {
        ladder_cmark_arena_begin()
        defer { ladder_cmark_arena_end() }
        return body()
    }

    var topLevelBlocks: [Node] { CMarkTree.children(of: root) }

    static func children(of node: Node) -> [Node] {
        var out: [Node] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    static func type(_ node: Node) -> cmark_node_type { cmark_node_get_type(node) }

    static func literal(_ node: Node) -> String {
        guard let ptr = cmark_node_get_literal(node) else { return "" }
        return String(cString: ptr)
    }

    /// The text a reader sees: literals of text and code, soft breaks as spaces.
    static func plainText(_ node: Node) -> String {
        var out: [UInt8] = []
        appendPlainText(node, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Iterative (cmark's own iterator), so 100,000 nested block quotes cannot overflow the stack. Bytes,
    /// not a String: a String made of every text node was a fifth of the Markdown stage. cmark's literals
    /// are valid UTF-8 (it replaces invalid input), so a caller decodes the whole once.
    static func appendPlainText(_ node: Node, to out: inout [UInt8]) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        let space = UInt8(ascii: " ")
        func appendLiteral(_ node: Node) {
            guard let pointer = cmark_node_get_literal(node) else { return }
            pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                out.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(pointer)))
            }
        }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let t = type(current)
            let isBlock = t.rawValue < CMARK_NODE_FIRST_INLINE.rawValue
            if event == CMARK_EVENT_EXIT {
                // Blocks and table cells are separated by a space.
                if isBlock || t == CMARK_NODE_CUSTOM_INLINE, !out.isEmpty, out.last != space { out.append(space) }
                continue
            }
            switch t {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                appendLiteral(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out.append(space)
            case CMARK_NODE_CODE_BLOCK:
                if !out.isEmpty, out.last != space { out.append(space) }
                appendLiteral(current)
                out.append(space)
            default:
                break
            }
        }
    }

    /// HTML for one node and its children.
    static func html(_ node: Node, unsafe: Bool) -> String {
        var out: [UInt8] = []
        appendHTML(node, unsafe: unsafe, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The node's HTML appended to `out` as cmark writes it, not made a String on the way (a page's
    /// blocks are written into one buffer).
    static func appendHTML(_ node: Node, unsafe: Bool, to out: inout [UInt8]) {
        guard let ptr = cmark_render_html(node, unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return }
        // Allocated by cmark's allocator, which may be this thread's arena (`withArena`).
        defer { ladder_cmark_free(ptr) }
        ptr.withMemoryRebound(to: UInt8.self, capacity: 1) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(ptr))) }
    }

    /// The body line a node starts on. A block made from pasted text has no position of cmark's: it keeps
    /// the line of the text it was made from as its user data (`setLine`).
    static func line(_ node: Node) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        if line == 0, let data = cmark_node_get_user_data(node) { return Int(bitPattern: data) }
        return line
    }

    static func setLine(_ node: Node, _ line: Int) {
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: line))
    }
    static func column(_ node: Node) -> Int { Int(cmark_node_get_start_column(node)) }
}
