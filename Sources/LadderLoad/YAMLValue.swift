import LadderCore
import Yams

/// A YAML value with the place it came from, so a wrong type can be reported at its line.
public indirect enum YAMLValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A timestamp keeps its source text (`2021-01-21`): templates show it, sorting uses it as is.
    case date(String)
    case string(String)
    case list([YAMLValue])
    case map(YAMLMap)

    /// The plain Swift value a Mustache template can walk: String, Int, Double, Bool, arrays, dictionaries.
    public var templateValue: Any {
        switch self {
        case .null: return ""
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .date(let s), .string(let s): return s
        case .list(let items): return items.map(\.templateValue)
        case .map(let map):
            var dict: [String: Any] = [:]
            for entry in map.entries { dict[entry.key] = entry.value.templateValue }
            return dict
        }
    }

    /// The text of a scalar; nil for lists and maps.
    public var scalarText: String? {
        switch self {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .date(let s), .string(let s): return s
        case .list, .map: return nil
        }
    }

    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .date: return "a date"
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

/// An ordered YAML mapping whose entries remember where their key stands in the file.
public struct YAMLMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: YAMLValue
        /// Where the key is, in the source file (not in the YAML block).
        public var keyLocation: SourceLocation
        /// Where the value starts.
        public var valueLocation: SourceLocation

        public init(key: String, value: YAMLValue, keyLocation: SourceLocation, valueLocation: SourceLocation) {
            (self.key, self.value, self.keyLocation, self.valueLocation) = (key, value, keyLocation, valueLocation)
        }
    }

    public private(set) var entries: [Entry] = []
    /// Key → position of its last entry, kept only for a map of more than `indexedSize` entries: front
    /// matter has a handful of keys, which a look along the list finds as fast, and a dictionary for
    /// each of 10,000 pages was 2.5 MB.
    private var index: [String: Int] = [:]
    static let indexedSize = 8

    public init() {}

    public mutating func append(_ entry: Entry) {
        entries.append(entry)
        guard entries.count > Self.indexedSize else { return }
        if index.isEmpty {
            for (position, entry) in entries.enumerated() { index[entry.key] = position }
        } else {
            index[entry.key] = entries.count - 1
        }
    }

    /// Where `key`'s entry is; the last one, should a key be repeated.
    private func position(of key: String) -> Int? {
        entries.count > Self.indexedSize ? index[key] : entries.lastIndex { $0.key == key }
    }

    public subscript(key: String) -> YAMLValue? { position(of: key).map { entries[$0].value } }
    public func entry(_ key: String) -> Entry? { position(of: key).map { entries[$0] } }
    public var isEmpty: Bool { entries.isEmpty }

    public static func == (a: YAMLMap, b: YAMLMap) -> Bool { a.entries == b.entries }
}

/// Turns YAML text into `YAMLValue`s, translating Yams' positions (which count from the YAML text) into
/// positions in the source file.
public struct YAMLReader {
    /// Where the YAML text starts in its file: line 2 for front matter after a `---` line.
    public var path: String
    public var firstLine: Int

    /// Aliases can expand a few lines of YAML into billions of nodes; no real front matter comes close.
    static let maximumNodes = 100_000

    public init(path: String, firstLine: Int = 1) {
        self.path = path
        self.firstLine = firstLine
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    /// Parses a YAML document that must be a mapping (front matter, site.yml). Empty text is an empty map.
    public func readMapping(_ text: String) throws(Diagnostic) -> YAMLMap {
        let text = Self.separatingTabsAsSpaces(text)
        if let flat = FlatYAML.read(text, reader: self) { return flat }
        return try readMappingWithYams(text)
    }

    /// YAML 1.2 allows a tab as the separation after the block indicators `-`, `?` and `:` (only
    /// indentation must be spaces), but libyaml, and so Yams, rejects `-<TAB>"text"`. Each such tab becomes
    /// one space, so every position stays where it was. A tab that indents a line is left for the parser
    /// to reject, with a hint.
    package static func separatingTabsAsSpaces(_ text: String) -> String {
        guard text.utf8.contains(9) else { return text }
        var bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            // At the start of a line: skip the indentation, then each indicator and the blanks after it.
            while i < bytes.count && bytes[i] == 32 { i += 1 }
            while i + 1 < bytes.count, bytes[i] == 45 || bytes[i] == 63 || bytes[i] == 58, bytes[i + 1] == 32 || bytes[i + 1] == 9 {
                i += 1
                while i < bytes.count && (bytes[i] == 32 || bytes[i] == 9) {
                    if bytes[i] == 9 { bytes[i] = 32 }
                    i += 1
                }
            }
            while i < bytes.count && bytes[i] != 10 { i += 1 }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The full YAML parser, for what `FlatYAML` does not take.
    ///
    /// Yams' defaults cost two thirds of its time on front matter (a profile of 10,000 pages with quoted
    /// titles): `Parser.Encoding.default` is computed on every parse by copying the whole process
    /// environment into a dictionary, and the duplicate-key check hashes every key with its resolved tag,
    /// which runs the default resolver's regular expressions (ICU) on each one. So the encoding is named
    /// (UTF-8, what the default comes to), and the tags are left unresolved (`Resolver.basic`): `convert`
    /// types plain scalars itself and never reads a tag. Two keys the default resolver calls the same
    /// (same text, same resolved tag) are the same to the basic one too (same text, both `str`) unless a
    /// key carries an explicit tag, so the basic parse finds every duplicate the default one finds. It may
    /// find more (`1: a` and `"1": b`, an int and a string by default), and a text with a `!` may tag a
    /// key: those are parsed again, or at once, with Yams' default resolver, whose answer is the one given.
    /// `yamsDefaults` parses with Yams' defaults throughout, as this did before: the tests' reference.
    package func readMappingWithYams(_ text: String, yamsDefaults: Bool = false) throws(Diagnostic) -> YAMLMap {
        if let alias = YAMLAliasBudget.firstAliasOverBudget(in: text) {
            throw .error(SourceLocation(path: path, line: firstLine + alias.line - 1, column: alias.column),
                         "YAML aliases expand to more than \(YAMLAliasBudget.maximumWeight) bytes of values here (an alias bomb?); write the values out instead")
        }
        let node: Node?
        do {
            if yamsDefaults {
                node = try Yams.compose(yaml: text)
            } else if text.utf8.contains(UInt8(ascii: "!")) {
                node = try Yams.compose(yaml: text, .default, .default, .utf8)
            } else {
                do {
                    node = try Yams.compose(yaml: text, .basic, .default, .utf8)
                } catch YamlError.duplicatedKeysInMapping {
                    node = try Yams.compose(yaml: text, .default, .default, .utf8)
                }
            }
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw .error(location(nil), "invalid YAML: \(error)")
        }
        guard let node else { return YAMLMap() }
        var budget = Self.maximumNodes
        let value = try convert(node, budget: &budget)
        switch value {
        case .map(let map): return map
        case .null: return YAMLMap()
        default:
            throw .error(location(node.mark), "expected a mapping of keys to values, found \(value.typeName)")
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(location(context.mark).line))" }
            if let hint = hint(problem: problem, context: context?.text, mark: mark, contextMark: context?.mark, yaml: yaml) {
                message += "; " + hint
            }
            return .error(location(mark), message)
        case .reader(let problem, _, _, _):
            return .error(location(nil), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = location(context.mark)
            let key = duplicates.first ?? ""
            let again = Self.repeatedKeyLine(key, after: context.mark, in: context.text)
                .map { SourceLocation(path: path, line: firstLine + $0 - 1, column: context.mark.column) } ?? first
            return .error(again, "duplicate key '\(key)' (first at line \(first.line)); a key may appear once, so one of the values would be lost")
        default:
            return .error(location(nil), "invalid YAML: \(error)")
        }
    }

    /// Where `key` is written again after its first place, at the same indentation (Yams points only at the
    /// first), so the message lands on the line to delete.
    static func repeatedKeyLine(_ key: String, after first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = first.column - 1
        for number in (first.line + 1)...lines.count {
            let line = lines[number - 1]
            guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
            let rest = line.dropFirst(indent)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return number
                }
            }
        }
        return nil
    }

    /// One line on how to fix the common mistakes, from what libyaml says and the line it points at.
    private func hint(problem: String, context: String?, mark: Mark, contextMark: Mark?, yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ mark: Mark?) -> Substring? {
            guard let mark, mark.line >= 1, mark.line <= lines.count else { return nil }
            return lines[mark.line - 1]
        }
        let indentation = { (text: Substring) in text.prefix { $0 == " " || $0 == "\t" } }
        if [line(mark), line(contextMark)].contains(where: { $0.map { indentation($0).contains("\t") } ?? false }) {
            return "YAML forbids tabs for indentation; indent with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "a value that contains ': ' must be quoted: key: \"text: more text\""
        }
        if let context, context.contains("quoted scalar") {
            return "the quote opened at line \(location(contextMark).line) is never closed"
        }
        return nil
    }

    private func convert(_ node: Node, budget: inout Int) throws(Diagnostic) -> YAMLValue {
        budget -= 1
        if budget < 0 {
            throw .error(location(node.mark), "YAML expands to more than \(Self.maximumNodes) values (alias bomb?)")
        }
        switch node {
        case .scalar(let scalar):
            return Self.resolve(scalar)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            items.reserveCapacity(sequence.count)
            for child in sequence { items.append(try convert(child, budget: &budget)) }
            return .list(items)
        case .mapping(let mapping):
            var map = YAMLMap()
            for (key, value) in mapping {
                guard let keyText = key.scalar?.string else {
                    throw .error(location(key.mark), "mapping keys must be plain text")
                }
                let converted = try convert(value, budget: &budget)
                map.append(.init(key: keyText, value: converted,
                                 keyLocation: location(key.mark), valueLocation: location(value.mark)))
            }
            return .map(map)
        case .alias:
            throw .error(location(node.mark), "unresolved YAML alias")
        }
    }

    /// Plain scalars are typed as YAML's core schema does it (plus `yes`/`no`, which Jekyll sites use);
    /// quoted and block scalars always stay text.
    static func resolve(_ scalar: Node.Scalar) -> YAMLValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        return resolvePlain(scalar.string)
    }

    static func resolvePlain(_ text: String) -> YAMLValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) else { return .string(text) }
        if let i = Int(text) { return .int(i) }
        if looksLikeDate(text) { return .date(text) }
        if text.contains(where: { $0.isNumber }), let d = Double(text), d.isFinite { return .double(d) }
        return .string(text)
    }

    /// `2021-01-21`, optionally followed by a time (`2021-01-21T10:00:00Z`, `2021-01-21 10:00`).
    static func looksLikeDate(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 10 else { return false }
        func digit(_ i: Int) -> Bool { u[i] >= 0x30 && u[i] <= 0x39 }
        guard digit(0), digit(1), digit(2), digit(3), u[4] == UInt8(ascii: "-"), digit(5), digit(6),
              u[7] == UInt8(ascii: "-"), digit(8), digit(9) else { return false }
        return u.count == 10 || u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " ")
    }
}
