/// Cuts a template's text into `MustacheTemplate` tokens.
///
/// Whitespace follows the Mustache spec's standalone rule as swift-mustache 2.1 applies it: a line that
/// holds only a section, inverted section, closing, comment, partial, parent, block, delimiter or pragma
/// tag (and spaces or tabs) leaves nothing in the output, and a standalone partial's indentation is
/// written before each of its lines. Text is cut at line ends, one token per line, which is what lets
/// indentation be added line by line when rendering.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) throws(MustacheSyntaxError) -> MustacheTemplate {
        var parser = MustacheParser(bytes: Array(text.utf8))
        return try parser.parse(State(), openedAt: 0)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// What holds for the tokens being read: inside which section, at a line's start, with which delimiters.
    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside a parent tag (`{{< base}}`): blocks there are overrides.
        var inParent = false
        /// Directly inside the parent tag, not inside one of its blocks.
        var parentTopLevel = false
        /// An override's first line's indentation, taken off each of its lines.
        var overrideIndent: Int?
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)

        func entering(section name: String, standalone: Bool) -> State {
            var state = self
            state.sectionName = name
            state.parentTopLevel = false
            if !standalone { state.newLine = false }
            return state
        }

        func entering(parent name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.inParent = true
            state.parentTopLevel = true
            return state
        }
    }

    private mutating func parse(_ initial: State, openedAt opening: Int) throws(MustacheSyntaxError) -> MustacheTemplate {
        var state = initial
        var tokens: [MustacheTemplate.Token] = []
        var whitespaceBefore: [UInt8] = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty { tokens.append(.text(String(decoding: whitespaceBefore, as: UTF8.self))) }
            whitespaceBefore = []
        }
        while position < bytes.count {
            if state.newLine {
                let whitespace = read { $0 == 0x20 || $0 == 0x09 }
                if state.inParent && !state.parentTopLevel {
                    if let indent = state.overrideIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.overrideIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let (text, stop) = scanText(state)
            if case .newline(let length) = stop {
                tokens.append(.text(String(decoding: whitespaceBefore + text + bytes[position..<position + length], as: UTF8.self)))
                position += length
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(decoding: whitespaceBefore + text, as: UTF8.self)))
                whitespaceBefore = []
                state.newLine = false
            }
            guard case .tag(let tagStart) = stop, position < bytes.count else { break }
            var standalone = false
            let kind = bytes[position]
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(state, tagStart: tagStart)
                if isStandalone(state) { standalone = true } else { flushWhitespace() }
                let inner = try parse(state.entering(section: name, standalone: standalone), openedAt: tagStart)
                tokens.append(kind == UInt8(ascii: "#") ? .section(.init(name), inner) : .invertedSection(.init(name), inner))

            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(state, tagStart: tagStart)
                guard let open = state.sectionName else {
                    throw error(at: tagStart, "closing tag '\(name)' has no open section")
                }
                guard name == open else {
                    throw error(at: tagStart, "closing tag '\(name)' does not match the open section '\(open)' (opened at \(location(opening))): close that first with {{/\(open)}}")
                }
                if !isStandalone(state) { flushWhitespace() }
                return MustacheTemplate(tokens: tokens)

            case UInt8(ascii: "!"):
                position += 1
                guard let close = find(state.end, from: position) else { throw error(at: tagStart, "comment is never closed") }
                position = close + state.end.count
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let name = try readName(state, tagStart: tagStart)
                if kind == UInt8(ascii: "{") {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw error(at: tagStart, "'{{{' is closed by '}}}'")
                    }
                    position += 1
                }
                tokens.append(.variable(.init(name), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try readPartialName(state, tagStart: tagStart)
                if !whitespaceBefore.isEmpty { tokens.append(.text(String(decoding: whitespaceBefore, as: UTF8.self))) }
                standalone = isStandalone(state)
                let indentation = standalone ? String(decoding: whitespaceBefore, as: UTF8.self) : nil
                tokens.append(.partial(name, dynamic: dynamic, indentation: indentation, overrides: nil))
                whitespaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let written = try readPartialName(state, tagStart: tagStart)
                if !whitespaceBefore.isEmpty { tokens.append(.text(String(decoding: whitespaceBefore, as: UTF8.self))) }
                standalone = isStandalone(state)
                let inner = try parse(state.entering(parent: written), openedAt: tagStart)
                var overrides: [String: MustacheTemplate] = [:]
                for token in inner.tokens {
                    switch token {
                    case .blockDefinition(let name, let content): overrides[name] = content
                    case .text: continue
                    default: throw error(at: tagStart, "only blocks ({{$name}}…{{/name}}) may appear inside a parent tag")
                    }
                }
                let dynamic = written.hasPrefix("*")
                tokens.append(.partial(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic,
                                       indentation: String(decoding: whitespaceBefore, as: UTF8.self), overrides: overrides))
                whitespaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state, tagStart: tagStart)
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    let inner = try parse(state.entering(section: name, standalone: standalone), openedAt: tagStart)
                    tokens.append(.blockDefinition(name, inner))
                } else {
                    if !whitespaceBefore.isEmpty { tokens.append(.text(String(decoding: whitespaceBefore, as: UTF8.self))) }
                    standalone = isStandalone(state)
                    let inner = try parse(state.entering(section: name, standalone: standalone), openedAt: tagStart)
                    tokens.append(.block(name, defaultContent: inner, indentation: String(decoding: whitespaceBefore, as: UTF8.self)))
                    whitespaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                state = try readDelimiters(state, tagStart: tagStart)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                tokens.append(try readPragma(state, tagStart: tagStart))
                standalone = isStandalone(state)

            default:
                flushWhitespace()
                let name = try readName(state, tagStart: tagStart)
                tokens.append(.variable(.init(name), escaped: true))
            }
            state.newLine = standalone
        }
        if let open = initial.sectionName {
            throw error(at: opening, "section '\(open)' is never closed (add {{/\(open)}})")
        }
        return MustacheTemplate(tokens: tokens)
    }

    // MARK: Reading

    private enum Stop {
        /// At a line end of `length` bytes (`\n` or `\r\n`), not read yet.
        case newline(length: Int)
        /// Just after an opening delimiter that starts at the given offset.
        case tag(Int)
        case end
    }

    /// Text up to the next line end or opening delimiter.
    private mutating func scanText(_ state: State) -> ([UInt8], Stop) {
        let from = position
        let first = state.start[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return (Array(bytes[from..<position]), .newline(length: 1)) }
            if byte == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                return (Array(bytes[from..<position]), .newline(length: 2))
            }
            if byte == first, matches(state.start, at: position) {
                let text = Array(bytes[from..<position])
                position += state.start.count
                return (text, .tag(position - state.start.count))
            }
            position += 1
        }
        return (Array(bytes[from..<position]), .end)
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for i in delimiter.indices where bytes[offset + i] != delimiter[i] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var at = offset
        while at + delimiter.count <= bytes.count {
            if matches(delimiter, at: at) { return at }
            at += 1
        }
        return nil
    }

    private mutating func read(while accepts: (UInt8) -> Bool) -> [UInt8] {
        let from = position
        while position < bytes.count, accepts(bytes[position]) { position += 1 }
        return Array(bytes[from..<position])
    }

    private mutating func skipWhitespace() {
        _ = read(while: Self.isWhitespace)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The tag ends its line (only spaces or tabs follow it, then a line end or the end of the text),
    /// and began one: the rest of the line, its end included, is read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var at = position
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
        guard at < bytes.count, bytes[at] == 0x0A || bytes[at] == 0x0D else { return false }
        at += bytes[at] == 0x0D && at + 1 < bytes.count && bytes[at + 1] == 0x0A ? 2 : 1
        position = at
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    /// A variable or section name, then the closing delimiter.
    private mutating func readName(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> String {
        skipWhitespace()
        let name = String(decoding: read(while: Self.isNameByte), as: UTF8.self)
        skipWhitespace()
        guard matches(state.end, at: position) else {
            throw error(at: tagStart, "unfinished tag: expected a name and '\(String(decoding: state.end, as: UTF8.self))'")
        }
        position += state.end.count
        if name.contains("(") {
            throw error(at: tagStart, "'\(name)': transforms are not supported; compute the value in the page instead")
        }
        return name
    }

    private mutating func readPartialName(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> String {
        skipWhitespace()
        let name = String(decoding: read { Self.isNameByte($0) || $0 == UInt8(ascii: "/") }, as: UTF8.self)
        skipWhitespace()
        guard matches(state.end, at: position) else {
            throw error(at: tagStart, "unfinished tag: expected a partial's name and '\(String(decoding: state.end, as: UTF8.self))'")
        }
        position += state.end.count
        return name
    }

    /// `{{=<% %>=}}`: new delimiters for the rest of this section.
    private mutating func readDelimiters(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> State {
        skipWhitespace()
        let start = read { !Self.isWhitespace($0) }
        skipWhitespace()
        let end = read { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") }
        skipWhitespace()
        guard !start.isEmpty, !end.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
              matches(state.end, at: position + 1) else {
            throw error(at: tagStart, "invalid set-delimiter tag: write it as {{=<% %>=}}")
        }
        position += 1 + state.end.count
        var next = state
        next.start = start
        next.end = end
        next.parentTopLevel = false
        return next
    }

    /// `{{% CONTENT_TYPE: TEXT}}` (nothing escaped) or `HTML` (the default).
    private mutating func readPragma(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> MustacheTemplate.Token {
        skipWhitespace()
        let key = String(decoding: read { Self.isNameByte($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") }, as: UTF8.self)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error(at: tagStart, "invalid pragma: write {{% CONTENT_TYPE: TEXT}}") }
        position += 1
        skipWhitespace()
        let value = String(decoding: read { Self.isNameByte($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") }, as: UTF8.self)
        skipWhitespace()
        guard matches(state.end, at: position) else { throw error(at: tagStart, "invalid pragma: write {{% CONTENT_TYPE: TEXT}}") }
        position += state.end.count
        guard key == "CONTENT_TYPE" else { throw error(at: tagStart, "unknown pragma '\(key)' (known: CONTENT_TYPE)") }
        switch value {
        case "HTML", "LADDER_HTML": return .contentType(escapesHTML: true)
        case "TEXT": return .contentType(escapesHTML: false)
        default: throw error(at: tagStart, "unknown content type '\(value)' (known: HTML, TEXT)")
        }
    }

    // MARK: Locations

    private func location(_ offset: Int) -> String {
        let (line, column) = lineAndColumn(offset)
        return "\(line):\(column)"
    }

    private func lineAndColumn(_ offset: Int) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }

    private func error(at offset: Int, _ message: String) -> MustacheSyntaxError {
        let (line, column) = lineAndColumn(offset)
        return MustacheSyntaxError(line: line, column: column, message: message)
    }
}
