import LadderCore

/// A fast path for the front matter most pages have: one `key: value` per line, plain values (with a
/// ` # comment` after them or not), and lists of plain values (`tags: [a, b]`, or `- a` lines under
/// `authors:`), nothing else nested. Yams took about 100 µs per page, most of a 10,000-page site's load time; this reads such a
/// block in a few µs. Anything else (quotes, maps, lists of anything but plain values, comments, block scalars, flow collections,
/// anchors, tabs, a repeated key) returns nil and goes to Yams, so the two never disagree about what
/// they both accept: `FlatYAMLTests` checks that against Yams line by line.
package enum FlatYAML {
    /// The map, with the same values and positions Yams would give; nil when the text is not that simple.
    static func read(_ text: String, reader: YAMLReader) -> YAMLMap? {
        var map = YAMLMap()
        var seen = Set<String>()
        var lines: [Substring.UTF8View.SubSequence] = []
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lines.append(rawLine.last == UInt8(ascii: "\r") ? rawLine.dropLast() : rawLine)
        }
        var number = 0
        while number < lines.count {
            let line = lines[number]
            number += 1
            if line.allSatisfy({ $0 == space }) { continue }
            guard let (key, valueStart) = keyAndValueStart(line), seen.insert(key).inserted else { return nil }
            let lineNumber = reader.firstLine + number - 1
            let keyLocation = SourceLocation(path: reader.path, line: lineNumber, column: 1)
            var value = line[valueStart...]
            // `title: Notes #1`: YAML ends a plain value at ` #`, where a comment starts.
            if value.first != UInt8(ascii: "#"), let comment = commentStart(value) { value = value[..<comment] }
            while value.last == space { value = value.dropLast() }
            let column = line.distance(from: line.startIndex, to: valueStart) + 1
            let parsed: YAMLValue
            var valueLocation = SourceLocation(path: reader.path, line: lineNumber, column: column)
            if value.isEmpty {
                // `tags:` then `- a` lines: a block list of plain values.
                guard let (items, first) = blockList(lines, from: number) else { return nil }
                parsed = .list(items)
                valueLocation = SourceLocation(path: reader.path, line: reader.firstLine + number, column: first)
                number += items.count
            } else if value.first == UInt8(ascii: "[") {
                guard let items = flowList(value) else { return nil }
                parsed = .list(items)
            } else {
                guard isSimplePlainScalar(value), let text = String(value), !hasYAMLLineBreak(text) else { return nil }
                parsed = YAMLReader.resolvePlain(text)
            }
            map.append(.init(key: key, value: parsed, keyLocation: keyLocation, valueLocation: valueLocation))
        }
        return map
    }

    /// `- value` lines from `start`, all at one indentation, each value plain and simple; the column of
    /// the first `-`. nil when there is no such line or the block holds anything else (which Yams reads).
    private static func blockList(_ lines: [Substring.UTF8View.SubSequence], from start: Int) -> ([YAMLValue], Int)? {
        var items: [YAMLValue] = []
        var indentation: Int?
        var number = start
        while number < lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == space }.count
            let rest = line.dropFirst(indent)
            guard rest.first == UInt8(ascii: "-") else { break }
            if let indentation, indentation != indent { return nil }
            indentation = indent
            var value = rest.dropFirst()
            guard value.first == space else { return nil }
            while value.first == space { value = value.dropFirst() }
            while value.last == space { value = value.dropLast() }
            guard !value.isEmpty, isSimplePlainScalar(value), let text = String(value), !hasYAMLLineBreak(text) else { return nil }
            items.append(YAMLReader.resolvePlain(text))
            number += 1
        }
        // A blank or other line inside the block would need the full parser to say what it means.
        guard let indentation, !items.isEmpty else { return nil }
        if number < lines.count, lines[number].first == space { return nil }
        return (items, indentation + 1)
    }

    /// `[a, b, c]` on one line, each item a plain value with no flow indicator, colon or `#` in it.
    private static func flowList(_ value: Substring.UTF8View.SubSequence) -> [YAMLValue]? {
        guard value.count >= 2, value.last == UInt8(ascii: "]") else { return nil }
        let inside = value.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == space }) { return [] }
        var items: [YAMLValue] = []
        for part in inside.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            var item = part
            while item.first == space { item = item.dropFirst() }
            while item.last == space { item = item.dropLast() }
            guard !item.isEmpty, !item.contains(where: { "[]{}:#".utf8.contains($0) }), isSimplePlainScalar(item),
                  let text = String(item), !hasYAMLLineBreak(text) else { return nil }
            items.append(YAMLReader.resolvePlain(text))
        }
        return items
    }

    private static let space = UInt8(ascii: " ")

    /// Where a ` #` comment starts in a line's value, if one does.
    private static func commentStart(_ value: Substring.UTF8View.SubSequence) -> Substring.UTF8View.Index? {
        var previous: UInt8 = 0
        for index in value.indices {
            if value[index] == UInt8(ascii: "#") && previous == space { return index }
            previous = value[index]
        }
        return nil
    }

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
        if index == line.endIndex { return (key, index) }   // `tags:`, a block below
        guard line[index] == space else { return nil }
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
