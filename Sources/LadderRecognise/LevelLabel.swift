import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// A label that names a level: `L3`, `IC2: Mid`, `D1 - Developer 1`, `Level 4`, `Senior Software Engineer`,
/// `Engineer II`, `Junior level`, `Engineering Manager`. Its family and rank decide whether labels form a run.
package struct LevelLabel: Equatable {
    /// `id:IC`, `level`, `title:software engineer`, `words`, `management`.
    package var family: String
    package var rank: [Int]
    /// Ids and `Level N` numbers go up one at a time.
    package var stepsByOne: Bool
    /// A bare id or seniority word needs a word about careers somewhere on the page.
    package var needsContext: Bool
    /// Whether a title of an unknown role starts with a seniority word (`Senior`, `Staff`).
    package var seniorityPrefixed = false

    /// Letter prefixes that are never level ids (questions, versions, headings of a test document).
    package static let notIDs: Set<String> = ["Q", "V", "H", "R", "F", "T", "PR", "ID", "NO", "OS", "IP", "AT", "IS", "IN", "ON"]
    package static let careerWords: Set<String> = [
        "engineer", "engineers", "developer", "developers", "programmer", "programmers", "designer", "designers",
        "manager", "managers", "lead", "junior", "senior", "staff", "principal", "entry", "mid", "middle",
        "associate", "director", "architect", "architects", "scientist", "scientists", "analyst", "analysts",
        "expert", "fellow", "distinguished", "intern", "apprentice", "trainee", "craftsperson", "sre", "ic",
        "individual", "contributor", "tester", "testers",
        // The same words in the languages Ladder's theme speaks (issue 33): Portuguese, Spanish, German, French.
        "júnior", "pleno", "sênior", "sénior", "desenvolvedor", "desenvolvedora", "engenheiro", "engenheira",
        "desarrollador", "desarrolladora", "ingeniero", "ingeniera", "entwickler", "entwicklerin", "ingenieur",
        "ingenieurin", "développeur", "développeuse", "ingénieur", "ingénieure", "gerente", "diretor", "estagiário",
        "becario", "praktikant", "stagiaire", "especialista", "semi-senior",
    ]
    package static let roleNouns: Set<String> = [
        "engineer", "developer", "programmer", "designer", "scientist", "analyst", "architect", "tester", "sre",
        "manager", "director", "vp", "president", "consultant", "researcher", "specialist", "technician",
        "administrator", "coordinator", "officer", "writer", "strategist", "producer", "recruiter", "marketer", "advocate",
    ]
    /// Role nouns of languages that put the noun first and the seniority after it (`Desenvolvedor Pleno`,
    /// `Ingeniero de Software Senior`, `Développeur Confirmé`), and German's, which English order suits.
    package static let roleNounsFirst: Set<String> = [
        "desenvolvedor", "desenvolvedora", "engenheiro", "engenheira", "programador", "programadora", "analista",
        "arquiteto", "arquiteta", "cientista", "consultor", "consultora", "especialista", "desarrollador",
        "desarrolladora", "ingeniero", "ingeniera", "arquitecto", "arquitecta", "científico", "científica",
        "développeur", "développeuse", "ingénieur", "ingénieure", "architecte", "analyste", "consultant",
        "entwickler", "entwicklerin", "ingenieur", "ingenieurin", "programmierer", "programmiererin", "architekt",
    ]
    /// Seniority words that follow the role in those languages.
    package static let senioritySuffixes: Set<String> = [
        "junior", "júnior", "pleno", "senior", "sênior", "sénior", "semi-senior", "semisenior", "confirmé",
        "confirmée", "débutant", "débutante", "trainee", "estagiário", "estagiario", "especialista",
    ]
    /// `Level N` in those languages.
    package static let levelWords: Set<String> = ["level", "nível", "nivel", "niveau", "stufe", "livello"]
    /// Seniority prefixes, doubled so that "Senior Staff" can sit between Staff and Principal.
    package static let seniority: [String: Int] = [
        "apprentice": 0, "trainee": 0, "intern": 0, "junior": 2, "associate": 2, "entry": 2, "graduate": 2,
        "mid": 4, "middle": 4, "intermediate": 4, "mid-level": 4, "medior": 4, "senior": 6, "lead": 8, "staff": 8, "expert": 8,
        "principal": 10, "distinguished": 12, "fellow": 14,
        "júnior": 2, "pleno": 4, "sênior": 6, "sénior": 6, "semi-senior": 5, "semisenior": 5, "confirmé": 4, "confirmée": 4,
        "débutant": 2, "débutante": 2, "estagiário": 0, "estagiario": 0, "becario": 0, "pasante": 0, "praktikant": 0,
        "stagiaire": 0, "especialista": 8,
    ]
    package static let numerals: [String: Int] = [
        "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    ]

    package init?(_ raw: String) {
        // A label is a few words (at most 60 characters once prefixes and notes are gone); a longer heading
        // is not one, and is not worth the regular expressions below (a 40 KB heading of dots found by
        // bench/fuzz took seconds when its prefix was stripped one character at a time).
        guard raw.utf8.count <= 400, Self.mayName(raw) else { return nil }
        // Emoji and ordering prefixes (`👷 `, `02 `, `04a `) are not part of the name.
        let scalars = raw.unicodeScalars
        let start = scalars.firstIndex { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? scalars.endIndex
        var text = String(scalars[start...]).trimmingCharacters(in: .whitespaces)
        // Each pattern below is tried only when the bytes it must start with are there: titles are read by the
        // ten thousand (every article of a large site), and most of them match none.
        if text.unicodeScalars.first?.properties.generalCategory == .decimalNumber,
           let r = text.firstRange(#"^\d{1,2}[a-z]?\s+(?=[A-Za-z])"#) {
            text.removeSubrange(r)
        }
        // A parenthesised note (`(SE)`, `(Lead)`) is dropped; a résumé or a part list is not a ladder.
        if text.containsByte(UInt8(ascii: "(")) { text = text.replacingMatches(#"\s*\([^)]*\)"#, with: "") }
        if text.isEmpty || text.count > 60 { return nil }
        for bad in ["@", "|", "?", ".md", "http"] where text.containsBytes(bad) { return nil }
        if text.containsBytes("19") || text.containsBytes("20"), text.firstRange(#"\b(19|20)\d\d\b"#) != nil { return nil }

        // `L1`, `IC3: Senior`, `D1 - Developer 1`, `L1’s`, `L1 Engineers`.
        if Self.mayStartWithID(text), let m = text.firstMatch(#"^([A-Za-z]{1,3})(\d{1,2})(?:’s|'s|s)?(?=$|[\s:.,\-–—·])(.*)$"#) {
            let prefix = m[1].uppercased()
            guard !Self.notIDs.contains(prefix), let n = Int(m[2]) else { return nil }
            let tail = Self.tail(m[3])
            guard tail.isEmpty || Self.namesCareer(tail) else { return nil }
            self.init(family: "id:" + prefix, rank: [n], stepsByOne: true, needsContext: tail.isEmpty)
            return
        }
        // `Level 3`, `Level 5 - Senior Software Engineer`.
        if let first = text.utf8.first, "LlNnSs".utf8.contains(first),
           let m = text.firstMatch(#"^(?:[Ll]evel|[Nn][íi]vel|[Nn]iveau|[Ss]tufe|[Ll]ivello)\s+(\d{1,2})(?=$|[\s:.,\-–—·])(.*)$"#), let n = Int(m[1]) {
            let tail = Self.tail(m[2])
            guard tail.isEmpty || Self.namesCareer(tail) else { return nil }
            self.init(family: "level", rank: [n], stepsByOne: true, needsContext: tail.isEmpty)
            return
        }
        // Titles and seniority words.
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        if words.last == "level", words.count > 1 { words.removeLast() }
        guard (1...6).contains(words.count), words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else { return nil }
        var numeral = 0
        if words.count > 1, let last = words.last, let n = Self.numerals[last] { numeral = n; words.removeLast() }
        var rank = 4
        var prefixes = 0
        while let first = words.first, let r = Self.seniority[first], words.count > 1 || prefixes == 0 {
            // "Senior Staff" and "Senior Principal" sit just above Staff and Principal.
            rank = prefixes == 0 ? r : max(rank, r) + (rank < r ? 1 : 0)
            prefixes += 1
            words.removeFirst()
            if words.isEmpty { break }
        }
        // `Desenvolvedor Pleno`: the seniority after the role, where a language puts it there.
        if prefixes == 0, words.count > 1, let last = words.last, Self.senioritySuffixes.contains(last),
           let first = words.first, Self.roleNounsFirst.contains(first), let r = Self.seniority[last] {
            rank = r
            prefixes = 1
            words.removeLast()
        }
        if words.isEmpty {
            // Bare seniority words: Junior, Mid, Senior (a "level" suffix allowed).
            guard prefixes > 0 else { return nil }
            self.init(family: "words", rank: [rank, numeral], stepsByOne: false, needsContext: true)
            return
        }
        let management = words.first { Self.managerWords.contains($0) }
        let role = words.joined(separator: " ")
        let firstNoun = words.first.flatMap { Self.roleNounsFirst.contains($0) ? $0 : nil }
        guard let noun = management ?? firstNoun ?? words.last.map({ $0.hasSuffix("s") ? String($0.dropLast()) : $0 }),
              Self.roleNouns.contains(noun) || firstNoun != nil else {
            // A role this grammar does not know (`Senior Open Source Contributor`, `Contributor II`) is a
            // title by its seniority prefix or numeral: one such label says little, a run of them says more.
            guard prefixes > 0 || numeral > 0, words.count <= 4 else { return nil }
            self.init(family: "role:" + role, rank: [rank, numeral], stepsByOne: false, needsContext: true)
            seniorityPrefixed = prefixes > 0
            return
        }
        if management != nil {
            let base = ["manager", "gerente", "leiter", "leiterin"].contains(noun) ? 4
                : ["director", "diretor", "diretora", "directora", "directeur", "directrice"].contains(noun) ? 20 : 40
            self.init(family: "management", rank: [base + (prefixes > 0 ? rank : 0), numeral], stepsByOne: false,
                      needsContext: false)
            return
        }
        self.init(family: "title:" + role, rank: [rank, numeral], stepsByOne: false, needsContext: false)
    }

    /// A quick test that every label passes (a digit, `level`, a seniority word, a role noun, a manager's
    /// title), so the many headings that name no level ("Overview", "Steps") skip the patterns below.
    package static func mayName(_ text: String) -> Bool {
        // Headings are scanned by the thousand on every build; most are ASCII, where a letter is
        // `A-Z`/`a-z` and a number `0-9`, so the tokens are cut from the bytes.
        text.utf8.allSatisfy({ $0 < 0x80 }) ? mayNameASCII(text) : mayNameByCharacter(text)
    }

    package static let managerWords: Set<String> = [
        "manager", "director", "vp", "president", "gerente", "diretor", "diretora", "directora", "directeur", "directrice",
        "leiter", "leiterin",
    ]
    /// The longest word `mayNameASCII` looks up, in UTF-8 bytes.
    package static let longestWord: Int = {
        let sets: [Set<String>] = [Set(seniority.keys), roleNouns, roleNounsFirst, managerWords, levelWords]
        return sets.flatMap { $0 }.map(\.utf8.count).max() ?? 0
    }()

    package static func mayNameByCharacter(_ text: String) -> Bool {
        // A token with a digit in it passes (below); an ASCII digit is in a token whatever surrounds it.
        if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let tokens = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        if let last = tokens.last, numerals[String(last)] != nil { return true }
        for token in tokens {
            if token.contains(where: \.isNumber) { return true }
            let word = String(token)
            if levelWords.contains(word) || seniority[word] != nil || roleNouns.contains(word) || roleNounsFirst.contains(word) { return true }
            if word.hasSuffix("s"), roleNouns.contains(String(word.dropLast())) { return true }
            if managerWords.contains(word) { return true }
        }
        return false
    }

    /// `mayName` for ASCII text: the same tokens (runs of letters, digits and `-`), lowercased.
    package static func mayNameASCII(_ text: String) -> Bool {
        var token: [UInt8] = []
        token.reserveCapacity(16)
        var lastToken: [UInt8] = []
        func names() -> Bool {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty else { return false }
            lastToken = token
            if token.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
            // No label word is longer than `longestWord` (plural included): most prose words stop here.
            guard token.count <= longestWord + 1 else { return false }
            let word = String(decoding: token, as: UTF8.self)
            if levelWords.contains(word) || seniority[word] != nil || roleNouns.contains(word) || roleNounsFirst.contains(word) { return true }
            if word.hasSuffix("s"), roleNouns.contains(String(word.dropLast())) { return true }
            return managerWords.contains(word)
        }
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: token.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x2D: token.append(byte)
            default: if names() { return true }
            }
        }
        if names() { return true }
        // A roman numeral ends a title (`Contributor II`).
        return numerals[String(decoding: lastToken, as: UTF8.self)] != nil
    }

    private init(family: String, rank: [Int], stepsByOne: Bool, needsContext: Bool) {
        (self.family, self.rank, self.stepsByOne, self.needsContext) = (family, rank, stepsByOne, needsContext)
    }

    /// One to three ASCII letters, then a digit (`L1`, `IC3`, `SWE2`): what an id label starts with. A digit
    /// beyond ASCII is left to the pattern, which reads `\d` as Unicode does.
    private static func mayStartWithID(_ text: String) -> Bool {
        func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
        let head = text.utf8.prefix(4)
        guard let first = head.first, isLetter(first) else { return false }
        guard let after = head.first(where: { !isLetter($0) }) else { return false }
        return (0x30...0x39).contains(after) || after >= 0x80
    }

    private static func tail(_ s: String) -> String {
        String(s.drop { " :.,-–—·".contains($0) }).trimmingCharacters(in: .whitespaces)
    }

    private static func namesCareer(_ tail: String) -> Bool {
        tail.lowercased().split(whereSeparator: { !$0.isLetter }).contains { careerWords.contains(String($0)) }
    }

    /// The label's place on the one scale of seniority that bare seniority words, one role's titles and the
    /// management titles above them share (`Intern` < `Engineer` < `Senior Engineer` < `Engineering Manager`);
    /// nil for ids and `Level N`, which are scales of their own.
    package var careerKey: [Int]? {
        if family == "words" || family.hasPrefix("title:") || family.hasPrefix("role:") { return [0] + rank }
        if family == "management" { return [1] + rank }
        return nil
    }

    /// Labels strictly ascending on that scale, naming at most one role: a ladder whose titles change
    /// words as they go up (`Designer I` … `Senior Designer`, `Associate Design Director`).
    package static func isCareerRun(_ labels: [LevelLabel]) -> Bool {
        let roles = Set(labels.map(\.family).filter { $0.hasPrefix("title:") || $0.hasPrefix("role:") })
        guard labels.count >= 3, roles.count <= 1 else { return false }
        // An unknown role's titles need seniority words, not numbers alone (`Step I`, `Part II` are no ladder).
        if roles.first?.hasPrefix("role:") == true, labels.filter(\.seniorityPrefixed).count < 2 { return false }
        let keys = labels.compactMap(\.careerKey)
        return keys.count == labels.count && zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) }
    }

    /// One family, strictly ascending; ids and `Level N` one step at a time.
    package static func isRun(_ labels: [LevelLabel]) -> Bool {
        guard labels.count >= 3, let family = labels.first?.family, !family.hasPrefix("role:"),
              labels.allSatisfy({ $0.family == family }) else {
            return false
        }
        for (a, b) in zip(labels, labels.dropFirst()) {
            guard a.rank.lexicographicallyPrecedes(b.rank) else { return false }
            if a.stepsByOne, b.rank[0] != a.rank[0] + 1 { return false }
        }
        return true
    }
}

package extension String {
    /// The range of the first match of `pattern`, its pattern compiled once (`CompiledPatterns`).
    func firstRange(_ pattern: String) -> Range<String.Index>? {
        guard let regex = CompiledPatterns.shared.regex(pattern),
              let m = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return Range(m.range, in: self)
    }

    /// Every match of `pattern` replaced by `template`, its pattern compiled once.
    func replacingMatches(_ pattern: String, with template: String) -> String {
        guard let regex = CompiledPatterns.shared.regex(pattern) else { return self }
        return regex.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }

    /// The capture groups of the first match of `pattern` (group 0 is the whole match).
    func firstMatch(_ pattern: String) -> [String]? {
        guard let regex = CompiledPatterns.shared.regex(pattern),
              let m = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            Range(m.range(at: i), in: self).map { String(self[$0]) } ?? ""
        }
    }
}

/// Each pattern `firstMatch`, `firstRange` and `replacingMatches` are given, compiled once. Compiling one (ICU) cost more than matching it, and
/// labels are tried by the thousand: every page title with a digit in it on a 10,000-page site (a profile of
/// articles titled `"🎯 Notes on … (2): …"` put 4 % of the build's CPU in compiling these patterns again).
/// An `NSRegularExpression` is immutable and safe to match from any thread.
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()
    private let lock = NSLock()
    private var patterns: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let regex = patterns[pattern] { return regex }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        patterns[pattern] = regex
        return regex
    }
}
