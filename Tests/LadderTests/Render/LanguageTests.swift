import Foundation
import Testing
@testable import LadderRender

/// `language:` in site.yml, on real builds: the pt-BR fixture (content written in Portuguese) shows no
/// English word of the theme, a missing key falls back to English with one warning, a site's key wins.
@Suite struct LanguageTests {
    /// Every English text of the strings: each message's literal pieces between placeholders (in every
    /// plural branch), trimmed of spaces and punctuation, that have a word in them.
    static func pieces(_ parts: [Message.Part]) -> [String] {
        var out: [String] = []
        for part in parts {
            switch part {
            case .text(let text): out.append(text)
            case .plural(_, let exact, let categories): out += (Array(exact.values) + Array(categories.values)).flatMap(pieces)
            case .placeholder, .number: break
            }
        }
        return out.map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters).union(.symbols)) }
            .filter { $0.unicodeScalars.filter(CharacterSet.letters.contains).count >= 2 }
    }

    /// What a reader sees or hears of a page: its text outside scripts and styles, and the attributes that
    /// are words (labels, placeholders, titles, descriptions, the scripts' messages), entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"(?s)<(script|style)\b.*?</\1>"#, with: " ", options: .regularExpression)
        var attributes: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"\b(aria-label|placeholder|title|alt|content|data-strings)="([^"]*)""#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let value = decoded(String(text[Range(match.range(at: 2), in: text)!]))
            if value.hasPrefix("http") || value.hasPrefix("/") { continue }   // og:url: an address, not words
            guard text[Range(match.range(at: 1), in: text)!] == "data-strings" else { attributes.append(value); continue }
            // The scripts' messages: their texts, not the names the script asks for them by.
            let json = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any]
            for message in (json ?? [:]).values {
                if let text = message as? String { attributes.append(text) }
                if let forms = message as? [String: String] { attributes += forms.values }
            }
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return ([decoded(text)] + attributes).joined(separator: " \n ")
    }

    static func decoded(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The English pieces found in the built site's pages, with a page each was found on.
    static func englishLeft(in site: TempSite, language: String) throws -> [String: String] {
        let (translated, _) = UIStrings.load(language: language, theme: Theme.builtIn, configPath: "site.yml")
        // A piece the language writes the same way ("Menu", "JSON") is not English left behind.
        let same = Set(translated.messages.values.flatMap { pieces($0.parts) })
        let english = Set(UIStrings.english.messages.values.flatMap { pieces($0.parts) }).subtracting(same)
        var found: [String: String] = [:]
        for (path, data) in site.snapshot() where path.hasSuffix(".html") {
            let text = visibleText(String(decoding: data, as: UTF8.self))
            for piece in english where found[piece] == nil {
                let escaped = NSRegularExpression.escapedPattern(for: piece)
                if text.range(of: "(?<![\\p{L}])" + escaped + "(?![\\p{L}])", options: .regularExpression) != nil { found[piece] = path }
            }
        }
        return found
    }

    @Test func a_portuguese_site_has_no_english_word_of_the_theme_left() throws {
        let site = try TempSite(copying: Repo.fixture("sites/pt-BR"))
        defer { site.remove() }
        let result = site.ladder(["build", site.path, "--strict", "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let left = try Self.englishLeft(in: site, language: "pt-BR")
        #expect(left.isEmpty, "English left: \(left.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" })")
        // The words are really there, in Portuguese, with the dates in Portuguese.
        let level = try site.read("public/engenharia/n3/index.html")
        #expect(level.contains("<html lang=\"pt-BR\">"))
        for words in ["Nível anterior", "Nível 3 de 3", "Avalie-se frente a N3", "1 reformulada", "Em comparação com"] {
            #expect(level.contains(words), "\(words)")
        }
        let article = try site.read("public/sobre/historia/index.html")
        #expect(article.contains("14 de março de 2026"))
        #expect(article.contains("Atualizado em <time datetime=\"2026-11-22\">22 de novembro de 2026</time>"))
        #expect(try site.read("public/engenharia/compare/n1-vs-n2/index.html").contains("<title>N1 × N2 · Engenharia · Carreiras da Jacarandá</title>"))
        #expect(try site.read("public/404.html").contains("<h1>Página não encontrada</h1>"))
        #expect(try site.read("public/search/index.html").contains("&quot;none&quot;:&quot;Nenhum resultado para “{query}”&quot;"))
    }

    @Test func the_same_scan_finds_the_english_of_an_english_build() throws {
        // The scan above can fail: on the same site in English it finds the theme's words.
        let site = try TempSite(copying: Repo.fixture("sites/pt-BR"))
        defer { site.remove() }
        let config = try site.read("content/site.yml").replacingOccurrences(of: "language: pt-BR", with: "language: en")
        try site.write("content/site.yml", config)
        #expect(site.ladder(["build", site.path, "--strict", "--quiet"]).status == 0)
        let left = try Self.englishLeft(in: site, language: "pt-BR")
        for piece in ["Previous level", "Assess yourself against", "Skip to content", "Page not found", "Reworded", "No results for"] {
            #expect(left[piece] != nil, "\(piece)")
        }
        #expect(left.count > 80)
    }

    @Test func every_built_in_language_has_every_key_with_the_same_placeholders() {
        let english = UIStrings.english.messages
        #expect(english.count > 150)
        #expect(UIStrings.builtInLanguages == ["de", "en", "es", "fr", "pt-BR"])
        for language in UIStrings.builtInLanguages {
            let (strings, diagnostics) = UIStrings.load(language: language, theme: Theme.builtIn, configPath: "site.yml")
            #expect(diagnostics.isEmpty, "\(language): \(diagnostics)")
            #expect(Set(strings.messages.keys) == Set(english.keys), "\(language)")
            for (key, message) in strings.messages {
                #expect(Set(message.argumentNames) == Set(english[key]?.argumentNames ?? []), "\(language) \(key)")
            }
            let file = Theme.builtIn.files["i18n/\(language).yml"] ?? ""
            if language != "en" { #expect(file.contains("AWAITING REVIEW"), "\(language)") }
        }
    }

    @Test func a_missing_key_is_shown_in_english_with_one_warning_naming_the_file() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try site.write("content/site.yml", try site.read("content/site.yml") + "language: eo\n")
        try site.write("templates/i18n/eo.yml", "level.previous: Antaŭa nivelo\nlevel.position: \"Nivelo {position} el {count}\"\n")
        let result = site.ladder(["build", site.path])
        #expect(result.status == 0, "\(result.err)")
        // `check` lists every warning (a build groups alike ones after the first few).
        let checked = site.ladder(["check", site.path])
        let output = checked.out + checked.err
        #expect(output.components(separatedBy: "warning: missing key").count - 1 == UIStrings.english.messages.count - 2)
        let warning = "templates/i18n/eo.yml: warning: missing key 'level.next', shown in English"
        #expect(output.components(separatedBy: warning).count == 2, "\(output.prefix(2000))")
        #expect(!output.contains("missing key 'level.previous'"))
        let level = try site.read("public/eng/l2/index.html")
        #expect(level.contains("<html lang=\"eo\">"))
        #expect(level.contains("<span>Antaŭa nivelo</span>"))
        #expect(level.contains("Nivelo 2 el 3"))
        #expect(level.contains("<span>Next level</span>"))
        // Under --strict, the gap is an error.
        #expect(site.ladder(["build", site.path, "--strict", "--quiet"]).status == 1)
    }

    @Test func a_site_key_wins_over_the_built_in_one_and_the_others_stay() throws {
        let site = try TempSite(copying: Repo.fixture("sites/pt-BR"))
        defer { site.remove() }
        try site.write("templates/i18n/pt-BR.yml", "# só o que mudamos\nlevel.previous: \"Nível de antes\"\n")
        let result = site.ladder(["build", site.path, "--strict", "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        let level = try site.read("public/engenharia/n2/index.html")
        #expect(level.contains("<span>Nível de antes</span>"))
        #expect(!level.contains("Nível anterior"))
        #expect(level.contains("<span>Próximo nível</span>"))
    }

    @Test func an_unknown_language_is_an_error_naming_the_built_in_ones() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        defer { site.remove() }
        try site.write("content/site.yml", try site.read("content/site.yml") + "language: tlh\n")
        let result = site.ladder(["build", site.path, "--quiet"])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("unknown language 'tlh': Ladder has strings for de, en, es, fr, pt-BR"))
    }

    @Test func a_regional_code_finds_its_language() {
        for (code, file) in [("en-GB", "en.yml"), ("de-AT", "de.yml"), ("pt", "pt-BR.yml"), ("PT-br", "pt-BR.yml"), ("fr_CA", "fr.yml")] {
            let (strings, diagnostics) = UIStrings.load(language: code, theme: Theme.builtIn, configPath: "site.yml")
            #expect(diagnostics.isEmpty && strings.fileName == file, "\(code)")
            #expect(strings.language == code)
        }
    }
}
