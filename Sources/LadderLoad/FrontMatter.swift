import LadderCore

/// A page's YAML header plus typed accessors that report a wrong type at the key's line.
public struct FrontMatter: Sendable, Equatable {
    public var map: YAMLMap
    /// Where a diagnostic about the whole block points (the opening `---`, or line 1).
    public var location: SourceLocation

    public init(map: YAMLMap = YAMLMap(), location: SourceLocation) {
        self.map = map
        self.location = location
    }

    public subscript(key: String) -> YAMLValue? { map[key] }

    public func keyLocation(_ key: String) -> SourceLocation { map.entry(key)?.keyLocation ?? location }

    private func typeError(_ key: String, expected: String, found: YAMLValue) -> Diagnostic {
        .error(keyLocation(key), "'\(key)' must be \(expected), found \(found.typeName)")
    }

    /// A scalar as text (`level: 3` is the text "3"); lists and maps are errors.
    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let value = map[key] else { return nil }
        if case .null = value { return nil }
        guard let text = value.scalarText else { throw typeError(key, expected: "text", found: value) }
        return text
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let value = map[key] else { return nil }
        switch value {
        case .null: return nil
        case .bool(let b): return b
        default:
            throw .error(keyLocation(key), "'\(key)' must be true or false, found '\(value.scalarText ?? value.typeName)'")
        }
    }

    public func int(_ key: String) throws(Diagnostic) -> Int? {
        guard let value = map[key] else { return nil }
        switch value {
        case .null: return nil
        case .int(let i): return i
        default: throw typeError(key, expected: "a whole number", found: value)
        }
    }

    /// A list of scalars; a single scalar is accepted as a one-item list (`tags: careers`).
    public func stringList(_ key: String) throws(Diagnostic) -> [String] {
        guard let value = map[key] else { return [] }
        switch value {
        case .null: return []
        case .list(let items):
            var out: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    throw typeError(key, expected: "a list of text items", found: .list(items))
                }
                out.append(text)
            }
            return out
        default:
            if let text = value.scalarText { return [text] }
            throw typeError(key, expected: "a list of text items", found: value)
        }
    }

    public func date(_ key: String) throws(Diagnostic) -> String? {
        guard let value = map[key] else { return nil }
        switch value {
        case .null: return nil
        case .date(let text): return text
        case .string(let text) where YAMLReader.looksLikeDate(text): return text
        default: throw typeError(key, expected: "a date like 2026-01-31", found: value)
        }
    }
}

/// Splits a Markdown file into its front matter and body.
public enum FrontMatterSplitter {
    public struct Parts {
        /// The YAML text, or nil when the file has no front matter.
        public var yaml: Substring?
        public var body: Substring
        /// 1-based line of the file on which `body` starts.
        public var bodyLine: Int
        /// The file opens with `---` and YAML but never closes the block.
        public var unclosed = false
    }

    /// Front matter is a block that opens with `---` on line 1 and closes with `---` or `...`.
    public static func split(_ text: String) -> Parts {
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        guard rest.hasPrefix("---") else { return Parts(yaml: nil, body: rest, bodyLine: 1) }
        // Line ends found as bytes: the text's line endings are `\n` alone (`LineEndings`), and a line
        // feed is always a Character of its own, so this is where a Character search stops too.
        guard let firstBreak = rest.utf8.firstIndex(of: 0x0A),
              rest[rest.startIndex..<firstBreak].trimmingTrailingWhitespace() == "---" else {
            return Parts(yaml: nil, body: rest, bodyLine: 1)
        }
        var line = 2
        var lineStart = rest.index(after: firstBreak)
        let yamlStart = lineStart
        while lineStart < rest.endIndex {
            let lineEnd = rest[lineStart...].utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let content = rest[lineStart..<lineEnd].trimmingTrailingWhitespace()
            if content == "---" || content == "..." {
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                return Parts(yaml: rest[yamlStart..<lineStart], body: rest[bodyStart...], bodyLine: line + 1)
            }
            line += 1
            lineStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        return Parts(yaml: nil, body: rest, bodyLine: 1, unclosed: true)
    }
}

package extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var s = self
        // By bytes while the byte before is ASCII (then a space, tab or CR is a Character of its own).
        func blank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        while blank(s.utf8.last), s.utf8.dropLast().last.map({ $0 < 0x80 }) ?? true {
            s = s[..<s.utf8.index(before: s.utf8.endIndex)]
        }
        while blank(s.utf8.last), let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
