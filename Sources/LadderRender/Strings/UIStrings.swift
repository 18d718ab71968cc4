import Foundation
import LadderCore
import LadderLoad

/// Every word the theme and Ladder show, in the site's language: the messages of
/// `templates/i18n/<language>.yml` (the built-in file, with the keys of the site's own file of that name
/// over it), with English for any key the language lacks.
///
/// Templates read them two ways: a message without placeholders as `{{t.level.previous}}` (the key's
/// parts as names), and a message with placeholders as a parent whose blocks fill them, so a placeholder
/// may hold markup the template writes: `{{< t.level.equivalent}}{{$level}}<a href="{{url}}">…</a>{{/level}}{{/t.level.equivalent}}`.
/// The message's own text is escaped. Swift-made text (titles, crumbs, counts) uses `text(_:_:)`.
public struct UIStrings: Sendable {
    /// The language code as `site.yml` gave it (`pt-BR`).
    public var language: String
    /// The file the messages were read from (`pt-BR.yml`), or `en.yml` for English.
    public var fileName: String
    public var messages: [String: Message]
    public var rules: PluralRules

    /// The message `key` with `arguments` in place; the key itself when no language has it.
    public func text(_ key: String, _ arguments: [String: String] = [:], numbers: [String: Int] = [:]) -> String {
        guard let message = messages[key] else { return key }
        return message.format(arguments, numbers: numbers, rules: rules)
    }

    /// English from the built-in file: what a build without a language, and every fallback, reads.
    public static let english: UIStrings = {
        let (messages, _) = read(DefaultTheme.files["i18n/en.yml"] ?? "", path: "templates/i18n/en.yml (built-in)")
        return UIStrings(language: "en", fileName: "en.yml", messages: messages, rules: PluralRules(language: "en"))
    }()

    /// The built-in languages, by the name of their file (`pt-BR`).
    public static var builtInLanguages: [String] {
        DefaultTheme.files.keys.filter { $0.hasPrefix("i18n/") && $0.hasSuffix(".yml") }
            .map { String($0.dropFirst(5).dropLast(4)) }.sorted()
    }

    /// The strings for `language` from `theme` (built-in files with the site's over them, key by key).
    /// A language is found by its code in any case (`pt-br`), else by its first part (`en-GB` → `en`,
    /// `pt` → `pt-BR`). No file for it is an error at `configPath`; a key English has and it lacks is
    /// one warning naming the file.
    public static func load(language: String, theme: Theme, configPath: String) -> (UIStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let available = Set(theme.files.keys.filter { $0.hasPrefix("i18n/") && $0.hasSuffix(".yml") }
            .map { String($0.dropFirst(5).dropLast(4)) })
        func base(_ code: String) -> String { code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? "" }
        let wanted = language.replacingOccurrences(of: "_", with: "-")
        let found = available.first { $0.lowercased() == wanted.lowercased() }
            ?? available.first { $0.lowercased() == base(wanted) }
            ?? available.sorted().first { base($0) == base(wanted) }
        var english = merged("en", theme: theme, diagnostics: &diagnostics)
        guard let name = found else {
            let list = builtInLanguages.joined(separator: ", ")
            diagnostics.append(.error(.whole(configPath),
                "unknown language '\(language)': Ladder has strings for \(list); for another, write templates/i18n/\(language).yml (start from a copy of the English file)"))
            return (UIStrings(language: language, fileName: "en.yml", messages: english, rules: PluralRules(language: "en")), diagnostics)
        }
        if name == "en" {
            return (UIStrings(language: language, fileName: "en.yml", messages: english, rules: PluralRules(language: language)), diagnostics)
        }
        var messages = merged(name, theme: theme, diagnostics: &diagnostics)
        let display = theme.displayPaths["i18n/\(name).yml"] ?? "templates/i18n/\(name).yml (built-in)"
        for key in english.keys.sorted() where messages[key] == nil {
            diagnostics.append(.warning(.whole(display), "missing key '\(key)', shown in English"))
            messages[key] = english[key]
        }
        english = [:]
        return (UIStrings(language: language, fileName: name + ".yml", messages: messages, rules: PluralRules(language: name)), diagnostics)
    }

    /// The built-in file of `name` with the site's file of that name over it, key by key.
    static func merged(_ name: String, theme: Theme, diagnostics: inout [Diagnostic]) -> [String: Message] {
        let path = "i18n/\(name).yml"
        var messages: [String: Message] = [:]
        if let builtIn = DefaultTheme.files[path] {
            messages = read(builtIn, path: "templates/\(path) (built-in)").0
        }
        if let display = theme.displayPaths[path], let own = theme.files[path] {
            let (site, found) = read(own, path: display)
            diagnostics += found
            messages.merge(site) { _, site in site }
        }
        return messages
    }

    /// The messages of one strings file: a YAML map of keys to text. A value that is not text, or a message
    /// that cannot be read, is an error at its line.
    static func read(_ text: String, path: String) -> ([String: Message], [Diagnostic]) {
        var messages: [String: Message] = [:]
        var diagnostics: [Diagnostic] = []
        let map: YAMLMap
        do { map = try YAMLReader(path: path).readMapping(text) }
        catch { return ([:], [error]) }
        for entry in map.entries {
            guard let text = entry.value.scalarText else {
                diagnostics.append(.error(entry.valueLocation, "'\(entry.key)' must be text"))
                continue
            }
            do { messages[entry.key] = try Message(text) }
            catch { diagnostics.append(.error(entry.valueLocation, "'\(entry.key)': \(error.message)")) }
        }
        return (messages, diagnostics)
    }

    /// `t`: the messages without arguments as nested objects (`level.previous` → `t.level.previous`).
    var tree: TemplateValue {
        var root: [String: Any] = [:]
        func insert(_ parts: ArraySlice<String>, _ value: String, into object: inout [String: Any]) {
            guard let first = parts.first else { return }
            if parts.count == 1 { object[first] = value; return }
            var child = object[first] as? [String: Any] ?? [:]
            insert(parts.dropFirst(), value, into: &child)
            object[first] = child
        }
        for (key, message) in messages where message.argumentNames.isEmpty && !key.contains(".js.") {
            insert(ArraySlice(key.split(separator: ".").map(String.init)), message.format([:], rules: rules), into: &root)
        }
        let scripts = messages.keys.compactMap { key in key.range(of: ".js.").map { String(key[..<$0.lowerBound]) } }
        for script in Set(scripts) {
            insert([script, "script_strings"], scriptJSON(prefix: script + ".js."), into: &root)
        }
        return TemplateValue(root) ?? .object([:])
    }

    /// `t.<script>.script_strings`: the messages a page's script shows (`search.js.none`), as a JSON
    /// object for a `data-strings` attribute, by the key after `.js.`: a message as its text with
    /// `{placeholders}`, a plural as its branches by category (`{"one": "{count} result", "other": …}`, every category given,
    /// `#` written as the placeholder), which the script picks with `Intl.PluralRules` for the page's language.
    func scriptJSON(prefix: String) -> String {
        var fields: [String] = []
        for key in messages.keys.filter({ $0.hasPrefix(prefix) }).sorted() {
            let name = String(key.dropFirst(prefix.count))
            var plural: (String, [String: [Message.Part]])?
            for part in messages[key]!.parts {
                guard case .plural(let argument, let exact, let categories) = part else { continue }
                var branches: [String: [Message.Part]] = [:]
                for (n, branch) in exact { branches["=\(n)"] = branch }
                // Every category, so a script never looks for one the message does not give.
                for category in PluralCategory.allCases { branches[category.rawValue] = categories[category] ?? categories[.other] }
                plural = (argument, branches)
                break
            }
            func pattern(_ parts: [Message.Part], number: String) -> String {
                parts.map { part -> String in
                    switch part {
                    case .text(let text): return text
                    case .placeholder(let name): return "{\(name)}"
                    case .number: return "{\(number)}"
                    case .plural(let argument, _, let categories): return pattern(categories[.other] ?? [], number: argument)
                    }
                }.joined()
            }
            let message = messages[key]!
            if let (argument, branches) = plural {
                let forms = branches.keys.sorted().map { category -> String in
                    let resolved = message.parts.flatMap { part -> [Message.Part] in
                        if case .plural = part { return branches[category]! }
                        return [part]
                    }
                    return JSONString.quote(category) + ":" + JSONString.quote(pattern(resolved, number: argument))
                }
                fields.append(JSONString.quote(name) + ":{" + forms.joined(separator: ",") + "}")
            } else {
                fields.append(JSONString.quote(name) + ":" + JSONString.quote(pattern(message.parts, number: "count")))
            }
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The messages with placeholders as templates named `t.<key>`: escaped text, and a block per
    /// placeholder. (A plural needs a number, which only Swift has: such messages are Swift's.)
    var templates: [String: MustacheTemplate] {
        var out: [String: MustacheTemplate] = [:]
        for (key, message) in messages where !message.argumentNames.isEmpty {
            var tokens: [MustacheTemplate.Token] = []
            for part in message.parts {
                switch part {
                case .text(let text): tokens.append(.text(HTML.escape(text)))
                case .placeholder(let name): tokens.append(.block(name, defaultContent: MustacheTemplate(tokens: []), indentation: nil))
                case .plural, .number: tokens.append(.text(HTML.escape(message.format([:], rules: rules))))
                }
            }
            out["t." + key] = MustacheTemplate(tokens: tokens)
        }
        return out
    }
}

/// JSON string literals, for the scripts' strings.
enum JSONString {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
