/// A message of a strings file (`templates/i18n/<lang>.yml`), in the small part of ICU MessageFormat the
/// theme uses: text, placeholders (`{level}`) and plurals
/// (`{count, plural, =0 {no level} one {# level} other {# levels}}`, where `#` is the number). An
/// apostrophe is always an apostrophe (French and Portuguese need many), so braces cannot be quoted.
public struct Message: Sendable, Equatable {
    public indirect enum Part: Sendable, Equatable {
        case text(String)
        case placeholder(String)
        /// The argument, the exact matches (`=0`) and the categories (`one`, `other`), each a message.
        case plural(String, exact: [Int: [Part]], categories: [PluralCategory: [Part]])
        /// `#` inside a plural: the number.
        case number
    }

    public var parts: [Part]

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Reads `text`; an unbalanced brace or a plural without `other` is an error.
    public init(_ text: String) throws(SyntaxError) {
        var reader = Reader(characters: Array(text))
        parts = try reader.parts(inPlural: false)
        if reader.index < reader.characters.count { throw SyntaxError(message: "unexpected '}'") }
    }

    /// The names of the placeholders and plural arguments, in order of appearance.
    public var argumentNames: [String] {
        var names: [String] = []
        func walk(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .placeholder(let name): if !names.contains(name) { names.append(name) }
                case .plural(let name, let exact, let categories):
                    if !names.contains(name) { names.append(name) }
                    exact.keys.sorted().forEach { walk(exact[$0]!) }
                    categories.keys.sorted().forEach { walk(categories[$0]!) }
                case .text, .number: break
                }
            }
        }
        walk(parts)
        return names
    }

    /// The message with `arguments` in place: numbers (`Int`) choose a plural's branch by `rules`; a
    /// placeholder without a value is written as it stands (`{level}`), so a mistake shows.
    public func format(_ arguments: [String: String], numbers: [String: Int] = [:], rules: PluralRules) -> String {
        var out = ""
        Self.write(parts, arguments: arguments, numbers: numbers, rules: rules, number: nil, into: &out)
        return out
    }

    private static func write(_ parts: [Part], arguments: [String: String], numbers: [String: Int], rules: PluralRules,
                              number: Int?, into out: inout String) {
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .number: out += number.map(String.init) ?? "#"
            case .placeholder(let name): out += arguments[name] ?? numbers[name].map(String.init) ?? "{\(name)}"
            case .plural(let name, let exact, let categories):
                guard let n = numbers[name] ?? arguments[name].flatMap({ Int($0) }) else { out += "{\(name)}"; continue }
                let branch = exact[n] ?? categories[rules.category(n)] ?? categories[.other] ?? []
                write(branch, arguments: arguments, numbers: numbers, rules: rules, number: n, into: &out)
            }
        }
    }

    private struct Reader {
        var characters: [Character]
        var index = 0

        mutating func parts(inPlural: Bool) throws(SyntaxError) -> [Part] {
            var parts: [Part] = []
            var text = ""
            func flush() { if !text.isEmpty { parts.append(.text(text)); text = "" } }
            while index < characters.count {
                let c = characters[index]
                if c == "}" { break }
                if c == "#" && inPlural { flush(); parts.append(.number); index += 1; continue }
                if c != "{" { text.append(c); index += 1; continue }
                flush()
                index += 1
                parts.append(try argument())
            }
            flush()
            return parts
        }

        /// After `{`: `name}` or `name, plural, …}`.
        mutating func argument() throws(SyntaxError) -> Part {
            let name = word(until: [",", "}"])
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw SyntaxError(message: "a placeholder needs a name of letters, digits and '_': '{\(name)'")
            }
            guard index < characters.count else { throw SyntaxError(message: "'{\(name)' is not closed") }
            if characters[index] == "}" { index += 1; return .placeholder(name) }
            index += 1   // ","
            let kind = word(until: [",", "}"])
            guard kind == "plural", index < characters.count, characters[index] == "," else {
                throw SyntaxError(message: "'{\(name), \(kind)': only plural is known")
            }
            index += 1
            var exact: [Int: [Part]] = [:]
            var categories: [PluralCategory: [Part]] = [:]
            while true {
                skipSpaces()
                guard index < characters.count else { throw SyntaxError(message: "the plural of '\(name)' is not closed") }
                if characters[index] == "}" { index += 1; break }
                let selector = word(until: ["{"])
                guard index < characters.count else { throw SyntaxError(message: "'\(selector)' has no '{…}'") }
                index += 1
                let branch = try parts(inPlural: true)
                guard index < characters.count else { throw SyntaxError(message: "the '\(selector)' branch is not closed") }
                index += 1
                if selector.hasPrefix("="), let n = Int(selector.dropFirst()) { exact[n] = branch }
                else if let category = PluralCategory(rawValue: selector) { categories[category] = branch }
                else { throw SyntaxError(message: "unknown plural selector '\(selector)'") }
            }
            guard categories[.other] != nil else { throw SyntaxError(message: "the plural of '\(name)' needs an 'other' branch") }
            return .plural(name, exact: exact, categories: categories)
        }

        mutating func skipSpaces() {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
        }

        /// The text up to one of `stops` (not taken), trimmed.
        mutating func word(until stops: Set<Character>) -> String {
            skipSpaces()
            var out = ""
            while index < characters.count, !stops.contains(characters[index]) { out.append(characters[index]); index += 1 }
            while out.last?.isWhitespace == true { out.removeLast() }
            return out
        }
    }
}

public enum PluralCategory: String, Sendable, Comparable, CaseIterable {
    case zero, one, two, few, many, other
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Which plural category a whole number takes in a language, after CLDR's plural rules
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html) for the
/// languages Ladder ships; any other language is read as English (one for 1), and a message that
/// gives only `other` reads the same in all.
public struct PluralRules: Sendable, Equatable {
    public var language: String

    public init(language: String) { self.language = language }

    public func category(_ n: Int) -> PluralCategory {
        let base = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let region = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).dropFirst().first.map { $0.uppercased() }
        let millions = n != 0 && n % 1_000_000 == 0
        switch base {
        case "fr":
            // one: i = 0,1; many: a multiple of a million.
            if n == 0 || n == 1 { return .one }
            return millions ? .many : .other
        case "pt":
            // Portuguese (Brazil, and CLDR's `pt`): one: i = 0..1; Portugal's: one for 1 only.
            if region == "PT" { return n == 1 ? .one : (millions ? .many : .other) }
            if n == 0 || n == 1 { return .one }
            return millions ? .many : .other
        case "es", "it":
            if n == 1 { return .one }
            return millions ? .many : .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
