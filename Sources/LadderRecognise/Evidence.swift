import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Evidence shared by the readers.
enum Evidence {
    /// Job titles rising on one scale of seniority (`Junior Engineer`, `Engineer`, `Senior Engineer`): what
    /// a column beside level ids names.
    static func titlesInOrder(_ texts: [String]) -> Bool {
        let labels = texts.compactMap { LevelLabel($0) }
        return labels.count == texts.count && LevelLabel.isCareerRun(labels)
    }

    /// `**Tests**: …`, `* **Impact** — …` → "tests"; nil for a line with no bold lead.
    static func boldLead(_ line: Substring) -> String? {
        BoldLead.text(of: line).map(name)
    }

    /// A section's name as compared across levels: lowercased, without trailing punctuation.
    static func name(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " :.–—-"))
    }

    /// Names found under most levels: every level of two or three, all but one of more.
    static func common(_ sets: [Set<String>]) -> [String] {
        guard sets.count >= 2 else { return [] }
        let need = sets.count <= 3 ? sets.count : sets.count - 1
        var counts: [String: Int] = [:]
        for set in sets { for name in set { counts[name, default: 0] += 1 } }
        return counts.filter { $0.value >= need }.map(\.key).sorted()
    }

    /// What orders the texts: labels of one family in order (+4; two such labels alone +3 where a table
    /// may have only two levels), mostly labels or numbers in order (+2), nothing (-4). Returns the labels
    /// when they all form the run, else none.
    static func weighOrder(_ candidate: inout LadderCandidate, texts: [String], allowingTwo: Bool = false) -> [LevelLabel] {
        let labels = texts.compactMap { LevelLabel($0) }
        if labels.count == texts.count, LevelLabel.isRun(labels) {
            candidate.weigh(4, "labels of one family in order")
            return labels
        }
        if labels.count == texts.count, LevelLabel.isCareerRun(labels) {
            candidate.weigh(3, "titles in order of seniority")
            return labels
        }
        if allowingTwo, labels.count == 2, texts.count == 2, labels[0].family == labels[1].family,
           labels[0].rank.lexicographicallyPrecedes(labels[1].rank) {
            candidate.weigh(3, "two labels of one family in order")
            return labels
        }
        if mostlyLabelsInOrder(texts) {
            candidate.weigh(2, "mostly labels of one family in order")
        } else if numberedInOrder(texts) {
            candidate.weigh(2, "numbered in order")
        } else {
            candidate.weigh(-4, "nothing orders them")
        }
        return []
    }

    /// Most texts (all but one, and at least two) are level labels of one family, in order.
    static func mostlyLabelsInOrder(_ texts: [String]) -> Bool {
        let labels = texts.compactMap { LevelLabel($0) }
        guard labels.count >= 2, labels.count + 1 >= texts.count, !labels[0].family.hasPrefix("role:") else { return false }
        if labels.allSatisfy({ $0.family == labels[0].family }) {
            return zip(labels, labels.dropFirst()).allSatisfy { $0.rank.lexicographicallyPrecedes($1.rank) }
        }
        return labels.count >= 3 && LevelLabel.isCareerRun(labels)
    }

    /// Each text carries a number (`Q1 - QA Engineer 1`, `Step 2`, `Tier III`), one more than the last's.
    static func numberedInOrder(_ texts: [String]) -> Bool {
        let numbers = texts.map { text -> Int? in
            if let m = text.firstMatch(#"(\d{1,2})"#) { return Int(m[1]) }
            if let last = text.split(separator: " ").last { return LevelLabel.numerals[last.lowercased()] }
            return nil
        }
        guard numbers.count >= 2, numbers.allSatisfy({ $0 != nil }) else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1! == $0! + 1 }
    }

    /// Career words, balance, and what counts against: questions, steps, versions, dates, identical bodies.
    /// How much of each level's text the words about it are read from.
    static let sampleBytes = 16_384

    static func weighContext(_ candidate: inout LadderCandidate, labels: [LevelLabel], texts: [String], bodies: [String],
                             title: String?, firstParagraph: String?) {
        // Words are read from the start of each level's text: a few pages say what a page is about, and a
        // table of 50,000 rows would otherwise be lowercased, split and matched five times over.
        let sample = bodies.map { $0.utf8.count > sampleBytes ? String(decoding: $0.utf8.prefix(sampleBytes), as: UTF8.self) : $0 }
        let nearby = ([title ?? "", firstParagraph ?? ""] + sample).joined(separator: " ").lowercased()
        let headingWords = texts.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter })
        // Bare labels need words about careers near them; a run that also names a role (`Trainee`, then
        // `Specialist`) and an unknown role's titles (seniority words of their own) are weighed by their words.
        if !labels.isEmpty, labels.allSatisfy({ $0.needsContext && !$0.family.hasPrefix("role:") }) {
            // Bare labels (`IC1`, `Junior`, `Level 1`) say little by themselves.
            if LadderRecognition.mentionsCareers(nearby) {
                candidate.weigh(1, "words about careers nearby")
            } else {
                candidate.weigh(-3, "no word about careers")
            }
        } else if headingWords.contains(where: { LevelLabel.careerWords.contains(String($0)) || LevelLabel.roleNouns.contains(String($0)) }) {
            candidate.weigh(2, "names roles or seniority")
        } else if LadderRecognition.mentionsCareers(nearby.replacingOccurrences(of: "level", with: "")) {
            // "Level" in a heading's own text is no evidence: a deployment guide has levels too.
            candidate.weigh(1, "words about careers nearby")
        } else {
            candidate.weigh(-3, "no word about careers")
        }
        let bodyLines = sample.flatMap { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        let questions = bodyLines.filter { line in
            let bare = line.trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
            return bare.hasSuffix("?") || bare.firstRange(#"^Q\d+[:.]"#) != nil
        }
        if !bodyLines.isEmpty, questions.count * 2 >= bodyLines.count { candidate.weigh(-4, "mostly questions") }
        // Whole texts, compared as bytes without ASCII digits and white space (a template's placeholder under
        // every level, numbered or not).
        let normalised = Set(bodies.map { $0.utf8.filter { !($0 >= 0x30 && $0 <= 0x39) && $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D } })
        if normalised.count == 1, !(normalised.first ?? []).isEmpty { candidate.weigh(-5, "the same text under every heading") }
        let lowered = texts.map { $0.lowercased() }
        if lowered.allSatisfy({ $0.hasPrefix("step") || $0.hasPrefix("phase") || $0.hasPrefix("part") || $0.hasPrefix("day") }) {
            candidate.weigh(-2, "numbered steps")
        }
        if lowered.contains(where: { $0.firstRange(#"\bv?\d+\.\d+|\bversion\b|\brelease\b"#) != nil }) {
            candidate.weigh(-3, "versions")
        }
        if lowered.contains(where: { $0.firstRange(#"\b(19|20)\d\d\b"#) != nil }) {
            candidate.weigh(-3, "dates")
        }
        let sizes = bodies.map(\.utf8.count)
        if let small = sizes.min(), let large = sizes.max(), large > 400, small * 20 < large {
            candidate.weigh(-1, "unbalanced")
        }
    }
}
