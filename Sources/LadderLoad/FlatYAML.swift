import LadderCore

/// A fast path for the front matter most pages have: one `key: value` per line, plain or quoted values
/// (with a ` # comment` after them or not), lists of such values (`tags: [a, "b, c"]`, or `- a` lines
/// under `authors:`), and comment lines, nothing else nested. Yams took about 100 µs per page, most of a
/// 10,000-page site's load time; this reads such a block in a few µs. A quoted value is taken when it
/// closes on its own line, with the escapes YAML defines (`\"`, `\\`, `\n`, `\u00e9`, …, and `''` in single
/// quotes). Anything else (maps, lists of anything but those values, block scalars, a quote that runs on to
/// the next line, an unknown escape, anchors, tabs, control characters, a repeated key) returns nil and goes
/// to Yams, so the two never disagree about what they both accept: `FlatYAMLTests` and
/// `FrontMatterDifferentialTests` check that against Yams.
package enum FlatYAML {
    /// The map, with the same values and positions Yams would give; nil when the text is not that simple.
    package static func read(_ text: String, reader: YAMLReader) -> YAMLMap? {
        guard !hasCharacterYAMLTreatsApart(text) else { return nil }
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
            // A blank line, or a comment on a line of its own.
            if line.first(where: { $0 != space }).map({ $0 == UInt8(ascii: "#") }) ?? true { continue }
            guard let (key, valueStart) = keyAndValueStart(line), seen.insert(key).inserted else { return nil }
            let lineNumber = reader.firstLine + number - 1
            let keyLocation = SourceLocation(path: reader.path, line: lineNumber, column: 1)
            var value = line[valueStart...]
            let quote = value.first == UInt8(ascii: "\"") || value.first == UInt8(ascii: "'")
            // `title: Notes #1`: YAML ends a plain value at ` #`, where a comment starts.
            if !quote, value.first != UInt8(ascii: "#"), let comment = commentStart(value) { value = value[..<comment] }
            while value.last == space { value = value.dropLast() }
            let column = line.distance(from: line.startIndex, to: valueStart) + 1
            let parsed: YAMLValue
            var valueLocation = SourceLocation(path: reader.path, line: lineNumber, column: column)
            if quote {
                guard let (text, end) = quoted(value), onlyCommentAfter(value[end...]) else { return nil }
                parsed = .string(text)
            } else if value.isEmpty {
                // `tags:` then `- a` lines: a block list of plain values.
                guard let (items, first) = blockList(lines, from: number) else { return nil }
                parsed = .list(items)
                valueLocation = SourceLocation(path: reader.path, line: reader.firstLine + number, column: first)
                number += items.count
            } else if value.first == UInt8(ascii: "[") {
                guard let items = flowList(value) else { return nil }
                parsed = .list(items)
            } else {
                guard isSimplePlainScalar(value), let text = String(value) else { return nil }
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
            if value.first == UInt8(ascii: "\"") || value.first == UInt8(ascii: "'") {
                guard let (text, end) = quoted(value), onlyCommentAfter(value[end...]) else { return nil }
                items.append(.string(text))
                number += 1
                continue
            }
            while value.last == space { value = value.dropLast() }
            guard !value.isEmpty, isSimplePlainScalar(value), let text = String(value) else { return nil }
            items.append(YAMLReader.resolvePlain(text))
            number += 1
        }
        // A blank or other line inside the block would need the full parser to say what it means.
        guard let indentation, !items.isEmpty else { return nil }
        if number < lines.count, lines[number].first == space { return nil }
        return (items, indentation + 1)
    }

    /// `[a, "b, c", 'd']` on one line, each item a quoted value or a plain value with no flow indicator,
    /// colon or `#` in it; after the `]`, only blanks or a comment.
    private static func flowList(_ value: Substring.UTF8View.SubSequence) -> [YAMLValue]? {
        var items: [YAMLValue] = []
        var index = value.index(after: value.startIndex)   // after `[`
        func skipSpaces() { while index < value.endIndex, value[index] == space { index = value.index(after: index) } }
        skipSpaces()
        if index < value.endIndex, value[index] == UInt8(ascii: "]") {
            return onlyCommentAfter(value[value.index(after: index)...]) ? [] : nil
        }
        while true {
            guard index < value.endIndex else { return nil }
            if value[index] == UInt8(ascii: "\"") || value[index] == UInt8(ascii: "'") {
                guard let (text, end) = quoted(value[index...]) else { return nil }
                items.append(.string(text))
                index = end
                skipSpaces()
            } else {
                let start = index
                while index < value.endIndex, value[index] != UInt8(ascii: ","), value[index] != UInt8(ascii: "]") {
                    index = value.index(after: index)
                }
                var item = value[start..<index]
                while item.last == space { item = item.dropLast() }
                guard !item.isEmpty, !item.contains(where: { "[]{}:#".utf8.contains($0) }), isSimplePlainScalar(item),
                      let text = String(item) else { return nil }
                items.append(YAMLReader.resolvePlain(text))
            }
            guard index < value.endIndex else { return nil }
            if value[index] == UInt8(ascii: "]") {
                return onlyCommentAfter(value[value.index(after: index)...]) ? items : nil
            }
            guard value[index] == UInt8(ascii: ",") else { return nil }
            index = value.index(after: index)
            skipSpaces()
        }
    }

    /// A quoted value that opens at `value`'s start and closes on the same line: its text, and where the
    /// rest of the line starts after the closing quote. In double quotes, `\` starts an escape; in single
    /// quotes, `''` is one quote. nil (for Yams to read or reject) when the quote does not close on this
    /// line, or holds a tab, a control character, an escape YAML does not define, or one that makes
    /// U+0000 or no Unicode scalar.
    static func quoted(_ value: Substring.UTF8View.SubSequence) -> (String, Substring.UTF8View.Index)? {
        guard let open = value.first else { return nil }
        let double = open == UInt8(ascii: "\"")
        var bytes: [UInt8] = []
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let byte = value[index]
            index = value.index(after: index)
            if byte < 0x20 || byte == 0x7F { return nil }
            if byte == open {
                if !double, index < value.endIndex, value[index] == open {   // `''`
                    bytes.append(open)
                    index = value.index(after: index)
                    continue
                }
                return (String(decoding: bytes, as: UTF8.self), index)
            }
            guard double, byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                continue
            }
            guard index < value.endIndex else { return nil }
            let escape = value[index]
            index = value.index(after: index)
            let digits: Int
            switch escape {
            case UInt8(ascii: "a"): bytes.append(0x07); continue
            case UInt8(ascii: "b"): bytes.append(0x08); continue
            case UInt8(ascii: "t"): bytes.append(0x09); continue
            case UInt8(ascii: "n"): bytes.append(0x0A); continue
            case UInt8(ascii: "v"): bytes.append(0x0B); continue
            case UInt8(ascii: "f"): bytes.append(0x0C); continue
            case UInt8(ascii: "r"): bytes.append(0x0D); continue
            case UInt8(ascii: "e"): bytes.append(0x1B); continue
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): bytes.append(escape); continue
            case UInt8(ascii: "N"): bytes += [0xC2, 0x85]; continue
            case UInt8(ascii: "_"): bytes += [0xC2, 0xA0]; continue
            case UInt8(ascii: "L"): bytes += [0xE2, 0x80, 0xA8]; continue
            case UInt8(ascii: "P"): bytes += [0xE2, 0x80, 0xA9]; continue
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: return nil   // `\0` (U+0000) too, and an unknown escape, which Yams reports
            }
            var code: UInt32 = 0
            for _ in 0..<digits {
                guard index < value.endIndex, let digit = hexValue(value[index]) else { return nil }
                code = code << 4 | digit
                index = value.index(after: index)
            }
            guard code != 0, let scalar = Unicode.Scalar(code) else { return nil }
            bytes += Array(String(Character(scalar)).utf8)
        }
        return nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// What may follow a value on its line: blanks, and a comment after at least one of them.
    private static func onlyCommentAfter(_ rest: Substring.UTF8View.SubSequence) -> Bool {
        guard let first = rest.firstIndex(where: { $0 != space }) else { return true }
        return first > rest.startIndex && rest[first] == UInt8(ascii: "#")
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

    /// YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, drops a byte order mark, and
    /// rejects the C1 control characters and U+FFFE and U+FFFF: a text with any of them goes to Yams.
    private static func hasCharacterYAMLTreatsApart(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains {
            (0x80...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}"
                || $0 == "\u{FFFE}" || $0 == "\u{FFFF}"
        }
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
