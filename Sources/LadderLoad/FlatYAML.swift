import LadderCore

/// A fast path for the front matter most pages have: one `key: value` per line, plain values, nothing
/// nested. Yams took about 100 µs per page, most of a 10,000-page site's load time; this reads such a
/// block in a few µs. Anything else (quotes, lists, maps, comments, block scalars, flow collections,
/// anchors, tabs, a repeated key) returns nil and goes to Yams, so the two never disagree about what
/// they both accept: `FlatYAMLTests` checks that against Yams line by line.
package enum FlatYAML {
    /// The map, with the same values and positions Yams would give; nil when the text is not that simple.
    static func read(_ text: String, reader: YAMLReader) -> YAMLMap? {
        var map = YAMLMap()
        var seen = Set<String>()
        var lineNumber = 0
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == space }) { continue }
            guard let (key, valueStart) = keyAndValueStart(line) else { return nil }
            var value = line[valueStart...]
            while value.last == space { value = value.dropLast() }
            guard !value.isEmpty, isSimplePlainScalar(value), seen.insert(key).inserted else { return nil }
            let column = line.distance(from: line.startIndex, to: valueStart) + 1
            let keyLocation = SourceLocation(path: reader.path, line: reader.firstLine + lineNumber - 1, column: 1)
            let valueLocation = SourceLocation(path: reader.path, line: reader.firstLine + lineNumber - 1, column: column)
            guard let text = String(value), !hasYAMLLineBreak(text) else { return nil }
            map.append(.init(key: key, value: YAMLReader.resolvePlain(text), keyLocation: keyLocation, valueLocation: valueLocation))
        }
        return map
    }

    private static let space = UInt8(ascii: " ")

    /// YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, and drops a byte order mark.
    private static func hasYAMLLineBreak(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" }
    }

    /// `key: ` at the start of the line: letters, digits, `_` and `-`, starting with a letter or `_`.
    private static func keyAndValueStart(_ line: Substring.UTF8View.SubSequence) -> (String, Substring.UTF8View.Index)? {
        guard let first = line.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        var index = line.startIndex
        while index < line.endIndex, isKeyByte(line[index]) { index = line.index(after: index) }
        guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: line[line.startIndex..<index], as: UTF8.self)
        index = line.index(after: index)
        guard index < line.endIndex, line[index] == space else { return nil }
        while index < line.endIndex, line[index] == space { index = line.index(after: index) }
        return (key, index)
    }

    /// A value YAML reads as plain text on one line: it does not start with an indicator, and holds no
    /// `: ` or ` #` (mapping or comment), no tab and no control character.
    private static func isSimplePlainScalar(_ value: Substring.UTF8View.SubSequence) -> Bool {
        guard let first = value.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) else { return false }
        var previous: UInt8 = 0
        for byte in value {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: "#") && previous == space { return false }
            if previous == UInt8(ascii: ":") && byte == space { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
