import LadderCore

/// Data written as code: the object and array literals a JavaScript or TypeScript file gives its top-level
/// constants (`export const tracks: Tracks = { … }`), read as the data they are — the shape of the ladder
/// apps many companies publish (a React or Vue page over a `constants.js`). Keys may be bare or quoted,
/// strings single-, double- or back-quoted, with comments and trailing commas; a string may be joined
/// (`BEGINNER + " Plans the analysis."`) from constants read before it. Anything else in a value (a
/// function, a call, a spread) makes that one declaration unreadable, and it is left out: this is a reader
/// of literals, never an interpreter.
public enum ScriptData {
    /// Each readable top-level `const`/`let`/`var` of `text` as an entry named after it; nil when none is.
    public static func map(_ text: String, path: String) -> YAMLMap? {
        var parser = Parser(bytes: Array(text.utf8), path: path)
        let found = parser.declarations()
        guard !found.isEmpty else { return nil }
        var map = YAMLMap()
        for (name, value, line) in found {
            let at = SourceLocation(path: path, line: line, column: 1)
            map.append(.init(key: name, value: value, keyLocation: at, valueLocation: at))
        }
        return map
    }

    struct Parser {
        let bytes: [UInt8]
        let path: String
        var i = 0
        var line = 1
        /// Strings declared so far, for joined strings that name them.
        var constants: [String: String] = [:]

        init(bytes: [UInt8], path: String) { (self.bytes, self.path) = (bytes, path) }

        mutating func declarations() -> [(String, YAMLValue, Int)] {
            var out: [(String, YAMLValue, Int)] = []
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if skipTrivia() { continue }
                if b == 0x22 || b == 0x27 || b == 0x60 { _ = string(); continue }
                if b == 0x7B || b == 0x28 || b == 0x5B { depth += 1; i += 1; continue }
                if b == 0x7D || b == 0x29 || b == 0x5D { depth = max(0, depth - 1); i += 1; continue }
                guard isIdentifierStart(b) else { i += 1; continue }
                let word = identifier()
                guard depth == 0, word == "const" || word == "let" || word == "var" else { continue }
                skipTrivia(all: true)
                let name = identifier()
                guard !name.isEmpty else { continue }
                let at = line
                let start = i
                // A type annotation (`: Tracks`, `: Record<string, Track>`) up to the `=`.
                skipTrivia(all: true)
                if peek(0x3A) {
                    var nesting = 0
                    while i < bytes.count {
                        let c = bytes[i]
                        if c == 0x3C || c == 0x7B || c == 0x28 || c == 0x5B { nesting += 1 }
                        if c == 0x3E || c == 0x7D || c == 0x29 || c == 0x5D { nesting -= 1 }
                        if c == 0x3D, nesting <= 0, i + 1 < bytes.count, bytes[i + 1] != 0x3E { break }
                        if c == 0x0A { line += 1 }
                        if c == 0x3B { break }
                        i += 1
                    }
                }
                guard peek(0x3D) else { i = max(i, start); continue }
                i += 1
                let before = (i, line)
                if let value = expression(depth: 0) {
                    if case .string(let text) = value { constants[name] = text }
                    if case .null = value {} else { out.append((name, value, at)) }
                } else {
                    (i, line) = before
                }
            }
            return out
        }

        // MARK: Values

        mutating func expression(depth: Int) -> YAMLValue? {
            guard depth < 64, var value = term(depth: depth) else { return nil }
            while true {
                skipTrivia(all: true)
                if peek(0x2B) {
                    // A joined string: each part a string, a number or a string constant.
                    i += 1
                    skipTrivia(all: true)
                    guard let next = term(depth: depth), let a = text(of: value), let b = text(of: next) else { return nil }
                    value = .string(a + b)
                } else if peekWord("as") || peekWord("satisfies") {
                    _ = identifier()
                    skipTrivia(all: true)
                    _ = identifier()
                } else {
                    return value
                }
            }
        }

        func text(of value: YAMLValue) -> String? {
            switch value {
            case .string(let s): return s
            default: return value.scalarText
            }
        }

        mutating func term(depth: Int) -> YAMLValue? {
            skipTrivia(all: true)
            guard i < bytes.count else { return nil }
            let b = bytes[i]
            if b == 0x7B { return object(depth: depth + 1) }
            if b == 0x5B { return array(depth: depth + 1) }
            if b == 0x22 || b == 0x27 || b == 0x60 { return string().map { .string($0) } }
            if b == 0x2D || (b >= 0x30 && b <= 0x39) {
                let start = i
                i += 1
                while i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2E || bytes[i] == 0x5F || bytes[i] == 0x65 { i += 1 }
                return .string(String(decoding: bytes[start..<i], as: UTF8.self).replacingOccurrences(of: "_", with: ""))
            }
            guard isIdentifierStart(b) else { return nil }
            var name = identifier()
            while peek(0x2E), i + 1 < bytes.count, isIdentifierStart(bytes[i + 1]) { i += 1; name += "." + identifier() }
            skipTrivia(all: true)
            // A call, a function or a constructor is code, not data.
            if peek(0x28) || name == "function" || name == "new" || name == "async" { return nil }
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null", "undefined": return .null
            default: return constants[name].map { .string($0) } ?? .null
            }
        }

        mutating func object(depth: Int) -> YAMLValue? {
            i += 1
            var map = YAMLMap()
            while true {
                skipTrivia(all: true)
                guard i < bytes.count else { return nil }
                if peek(0x7D) { i += 1; return .map(map) }
                let at = SourceLocation(path: path, line: line, column: 1)
                var key: String
                if bytes[i] == 0x22 || bytes[i] == 0x27 || bytes[i] == 0x60 {
                    guard let quoted = string() else { return nil }
                    key = quoted
                } else if isIdentifierStart(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) {
                    let start = i
                    while i < bytes.count, isIdentifierPart(bytes[i]) { i += 1 }
                    key = String(decoding: bytes[start..<i], as: UTF8.self)
                } else if peek(0x5B) {
                    // A computed key naming a string constant (`[AGILE]: […]`).
                    i += 1
                    skipTrivia(all: true)
                    let name = identifier()
                    skipTrivia(all: true)
                    guard peek(0x5D), let known = constants[name] else { return nil }
                    i += 1
                    key = known
                } else {
                    return nil
                }
                skipTrivia(all: true)
                if peek(0x3F) { i += 1; skipTrivia(all: true) }
                let value: YAMLValue
                if peek(0x3A) {
                    i += 1
                    guard let parsed = expression(depth: depth) else { return nil }
                    value = parsed
                } else if peek(0x2C) || peek(0x7D) {
                    value = constants[key].map { .string($0) } ?? .null
                } else {
                    return nil
                }
                map.append(.init(key: key, value: value, keyLocation: at, valueLocation: at))
                skipTrivia(all: true)
                if peek(0x2C) { i += 1 } else if !peek(0x7D) { return nil }
            }
        }

        mutating func array(depth: Int) -> YAMLValue? {
            i += 1
            var items: [YAMLValue] = []
            while true {
                skipTrivia(all: true)
                guard i < bytes.count else { return nil }
                if peek(0x5D) { i += 1; return .list(items) }
                guard let item = expression(depth: depth) else { return nil }
                items.append(item)
                skipTrivia(all: true)
                if peek(0x2C) { i += 1 } else if !peek(0x5D) { return nil }
            }
        }

        /// A quoted string's text (the quote at `i`), escapes read; a template string's `${…}` kept as written.
        mutating func string() -> String? {
            let quote = bytes[i]
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == quote { i += 1; return String(decoding: out, as: UTF8.self) }
                if b == 0x0A {
                    line += 1
                    if quote != 0x60 { return nil }
                }
                if b == 0x5C, i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: break
                    case 0x0A: line += 1
                    default: out.append(e)
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            return nil
        }

        // MARK: Tokens

        func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

        func peekWord(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
            return i + w.count == bytes.count || !isIdentifierPart(bytes[i + w.count])
        }

        func isIdentifierStart(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24 || b >= 0x80 }
        func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) }

        mutating func identifier() -> String {
            let start = i
            while i < bytes.count, isIdentifierPart(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        /// Skips white space and comments; with `all` false, only when there is some (and says whether).
        @discardableResult
        mutating func skipTrivia(all: Bool = false) -> Bool {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A { line += 1; i += 1 } else if b == 0x20 || b == 0x09 || b == 0x0D { i += 1 } else if b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2F {
                    while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                } else if b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2A {
                    i += 2
                    while i + 1 < bytes.count, !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { if bytes[i] == 0x0A { line += 1 }; i += 1 }
                    i = min(bytes.count, i + 2)
                } else { break }
            }
            return i > start
        }
    }
}
