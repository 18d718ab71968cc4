import LadderCore

/// A fast path for the front matter most pages have: one `key: value` per line, plain or quoted values
/// (with a ` # comment` after them or not), lists of such values (`tags: [a, "b, c"]`, or `- a` lines
/// under `authors:`), block scalars whose lines share one indentation (`summary: >-`), a map one level
/// down of quoted, plain and flow-list values (`seo:` then `  title: "…"`), and comment lines. Yams took
/// about 100 µs per page, most of a 10,000-page site's load time; this reads such a block in a few µs. A quoted value is taken when it
/// closes on its own line, with the escapes YAML defines (`\"`, `\\`, `\n`, `\u00e9`, …, and `''` in single
/// quotes). Anything else (deeper maps, lists of anything but those values, block scalars with blank or
/// more-indented lines, a quote that runs on to the next line, an unknown escape, anchors, tabs, control
/// characters, a repeated key) returns nil and goes to Yams, so the two never disagree about what they both accept: `FlatYAMLTests` and
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
            let column = line.distance(from: line.startIndex, to: valueStart) + 1
            let parsed: YAMLValue
            var valueLocation = SourceLocation(path: reader.path, line: lineNumber, column: column)
            switch inlineValue(line[valueStart...]) {
            case nil:
                return nil
            case .value(let value):
                parsed = value
            case .blockScalar(let folded, let chomping):
                // `summary: >-` then indented lines.
                guard let (text, count) = blockScalar(lines, from: number, folded: folded, chomping: chomping) else { return nil }
                parsed = .string(text)
                number += count
            case .nothing:
                guard number < lines.count else { return nil }
                if lines[number].first(where: { $0 != space }) == UInt8(ascii: "-") {
                    // `tags:` then `- a` lines: a block list.
                    guard let (items, first) = blockList(lines, from: number) else { return nil }
                    parsed = .list(items)
                    valueLocation = SourceLocation(path: reader.path, line: reader.firstLine + number, column: first)
                    number += items.count
                } else {
                    // `seo:` then indented `key: value` lines: a map one level down.
                    guard let (nested, count, first) = nestedMap(lines, from: number, reader: reader) else { return nil }
                    parsed = .map(nested)
                    valueLocation = first
                    number += count
                }
            }
            map.append(.init(key: key, value: parsed, keyLocation: keyLocation, valueLocation: valueLocation))
        }
        return map
    }

    enum Inline {
        /// Nothing after the colon: a block list or a map follows, on the lines below.
        case nothing
        case value(YAMLValue)
        /// `|` or `>`, with `-` or `+` or neither.
        case blockScalar(folded: Bool, chomping: UInt8?)
    }

    /// What follows `key: ` on its line: a quoted, flow-list or plain value (a ` # comment` after it or not),
    /// a block scalar's header, or nothing. nil when it is anything else.
    private static func inlineValue(_ raw: Substring.UTF8View.SubSequence) -> Inline? {
        var value = raw
        let quote = value.first == UInt8(ascii: "\"") || value.first == UInt8(ascii: "'")
        // `title: Notes #1`: YAML ends a plain value at ` #`, where a comment starts.
        if !quote, value.first != UInt8(ascii: "#"), let comment = commentStart(value) { value = value[..<comment] }
        while value.last == space { value = value.dropLast() }
        if quote {
            guard let (text, end) = quoted(value), onlyCommentAfter(value[end...]) else { return nil }
            return .value(.string(text))
        }
        guard let first = value.first else { return .nothing }
        if first == UInt8(ascii: "[") { return flowList(value).map { .value(.list($0)) } }
        if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            let rest = value.dropFirst()
            guard rest.count <= 1 else { return nil }
            guard let chomping = rest.first else { return .blockScalar(folded: first == UInt8(ascii: ">"), chomping: nil) }
            guard chomping == UInt8(ascii: "-") || chomping == UInt8(ascii: "+") else { return nil }
            return .blockScalar(folded: first == UInt8(ascii: ">"), chomping: chomping)
        }
        guard isSimplePlainScalar(value), let text = String(value) else { return nil }
        return .value(YAMLReader.resolvePlain(text))
    }

    /// A block scalar's lines from `start`: all at one indentation, none blank, no tab or control character,
    /// ended by a line that is not indented. Literal lines are joined by line feeds, folded ones by spaces;
    /// a line feed follows unless the header says `-`. The text and the number of lines. nil for anything
    /// else (more-indented or blank lines, the end of the text without a line feed), which Yams reads.
    private static func blockScalar(_ lines: [Substring.UTF8View.SubSequence], from start: Int, folded: Bool,
                                    chomping: UInt8?) -> (String, Int)? {
        var bytes: [UInt8] = []
        var indentation: Int?
        var number = start
        while number < lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == space }.count
            if indent == line.count {
                // Blank: only the end of the text (after its last line feed) ends the block here.
                guard number == lines.count - 1, line.isEmpty else { return nil }
                break
            }
            if indent == 0 { break }
            if let indentation, indentation != indent { return nil }
            indentation = indent
            let content = line.dropFirst(indent)
            guard !content.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
            if number > start { bytes.append(folded ? space : UInt8(ascii: "\n")) }
            bytes += content
            number += 1
        }
        guard indentation != nil, number < lines.count else { return nil }
        if chomping != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "\n")) }
        return (String(decoding: bytes, as: UTF8.self), number - start)
    }

    /// `key: value` lines from `start`, all at one indentation, each value quoted, plain or a flow list, ended
    /// by a line that is not indented: the map, the number of lines, and where its first key is. nil for
    /// anything else (deeper nesting, comment or blank lines inside, a repeated key), which Yams reads.
    private static func nestedMap(_ lines: [Substring.UTF8View.SubSequence], from start: Int,
                                  reader: YAMLReader) -> (YAMLMap, Int, SourceLocation)? {
        var map = YAMLMap()
        var seen = Set<String>()
        var indentation: Int?
        var number = start
        while number < lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == space }.count
            if indent == line.count {
                guard number == lines.count - 1, line.isEmpty else { return nil }
                break
            }
            if indent == 0 { break }
            if let indentation, indentation != indent { return nil }
            indentation = indent
            let rest = line.dropFirst(indent)
            guard let (key, valueStart) = keyAndValueStart(rest), seen.insert(key).inserted,
                  case .value(let value)? = inlineValue(rest[valueStart...]) else { return nil }
            let lineNumber = reader.firstLine + number
            map.append(.init(key: key, value: value,
                             keyLocation: SourceLocation(path: reader.path, line: lineNumber, column: indent + 1),
                             valueLocation: SourceLocation(path: reader.path, line: lineNumber,
                                                           column: line.distance(from: line.startIndex, to: valueStart) + 1)))
            number += 1
        }
        guard indentation != nil, let first = map.entries.first else { return nil }
        return (map, number - start, first.keyLocation)
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
        // A control character is an error to Yams wherever it is, a comment included (a fuzzer finding).
        var wide = false
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0x7F { return true }
            if byte >= 0x80 { wide = true }
        }
        guard wide else { return false }
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
        // YAML caps a key written without `?` at 1024 characters (Yams says so as an error): a long one goes to Yams.
        guard line.distance(from: line.startIndex, to: index) <= 1000 else { return nil }
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
