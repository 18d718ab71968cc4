/// Refuses YAML whose aliases could expand past a budget, before any parser sees it.
///
/// Nine anchors of nine aliases each (the "billion laughs") are a few hundred bytes of YAML that expand
/// into 9⁹ nodes. Yams composes them cheaply, but hashes every mapping key to find duplicates, and a key
/// that is an alias of that tree (`*lol9: x`) is hashed node by node: minutes of CPU for one page. So the
/// expansion is bounded here, in one pass over the text, with no parse at all.
///
/// The bound is sound: an anchored node lies wholly between its `&name` and the first `*name` that
/// refers to it (YAML registers an anchor when its node ends), so the node expands to at most everything
/// between the two, counted as bytes plus what the aliases in between expand to; every later `*name`
/// expands to that same node. Counting bytes overestimates nodes, and a `*` inside a quoted text may be
/// counted as an alias; both only make the bound larger.
enum YAMLAliasBudget {
    /// Expanded size past which a document is refused: a hundred times any real front matter.
    static let maximumWeight = 1_000_000

    /// The 1-based line and column of the alias that takes the expansion past the budget, or nil.
    static func firstAliasOverBudget(in text: String) -> (line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        // Only a document with both anchors and aliases can expand.
        guard bytes.contains(UInt8(ascii: "&")), bytes.contains(UInt8(ascii: "*")) else { return nil }
        var anchorStart: [ArraySlice<UInt8>: Int] = [:]
        var anchorSize: [ArraySlice<UInt8>: Int] = [:]
        var weight = 0          // bytes so far plus every alias's expansion so far
        var line = 1, lineStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 10 { line += 1; lineStart = i + 1 }
            let startsToken = i == 0 || isTokenBoundary(bytes[i - 1])
            if startsToken, byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*") {
                var end = i + 1
                while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
                let name = bytes[(i + 1)..<end]
                if !name.isEmpty {
                    if byte == UInt8(ascii: "&") {
                        anchorStart[name] = weight
                        anchorSize[name] = nil
                    } else if let start = anchorStart[name] {
                        let size = anchorSize[name] ?? (weight - start)
                        anchorSize[name] = size
                        weight += size
                        if weight > maximumWeight { return (line, i - lineStart + 1) }
                    }
                }
                weight += end - i
                i = end
                continue
            }
            weight += 1
            i += 1
        }
        return nil
    }

    private static func isTokenBoundary(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || "[{,:-?".utf8.contains(byte)
    }

    /// YAML anchor names end at white space or a flow indicator.
    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || ",[]{}".utf8.contains(byte)
    }
}
