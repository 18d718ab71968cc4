import Foundation
@testable import LadderDiff
@testable import LadderModel
import Testing

/// The diff engine on its own: which criteria reword which, and the words that change inside a pair.
@Suite struct AlignmentTests {
    /// Pairs that cannot reach the threshold are given a bound below it rather than their exact score:
    /// every pair at or above the threshold scores the same, every other stays below, and the pairing is
    /// the one exact scores give.
    @Test func bounded_scores_pair_as_exact_ones_do() {
        var rng = SystemRandomNumberGenerator()
        let vocabulary = ["leads", "the", "team", "projects", "design", "documents", "with", "a", "clear", "plan", "owns", "reviews"]
        func text() -> String {
            (0..<Int.random(in: 0...8, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
        }
        for _ in 0..<500 {
            let lower = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Alignment.Text(text()).terms }
            let higher = (0..<Int.random(in: 1...6, using: &rng)).map { _ in Alignment.Text(text()).terms }
            let table = Similarity.Table(lower: lower, higher: higher)
            let threshold = Alignment.defaultThreshold
            for i in lower.indices {
                for j in higher.indices {
                    let exact = table.score(i, j), bounded = table.score(i, j, threshold: threshold)
                    if exact >= threshold { #expect(bounded == exact) } else { #expect(bounded < threshold) }
                }
            }
            let exact = Assignment.optimal(rows: lower.count, columns: higher.count, threshold: threshold) { table.score($0, $1) }
            let bounded = Assignment.optimal(rows: lower.count, columns: higher.count, threshold: threshold) { table.score($0, $1, threshold: threshold) }
            #expect(exact.map { [$0.0, $0.1] } == bounded.map { [$0.0, $0.1] })
        }
    }

    /// `(kind, lower index)` of each higher criterion, for compact expectations.
    func shape(_ alignment: Alignment) -> [String] {
        alignment.higher.map { change in
            switch change {
            case .unchanged(let i): "=\(i)"
            case .reworded(let i): "~\(i)"
            case .new: "+"
            }
        }
    }

    @Test func a_reworded_criterion_is_paired_with_what_it_rewords() {
        let lower = ["Impact at L3 is measured at the level of projects and the team's goals."]
        let higher = ["Impact at L4 is measured at the level of a group of teams."]
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(shape(alignment) == ["~0"])
        #expect(alignment.noLongerListed.isEmpty)
        #expect(alignment.counts == Alignment.Counts(reworded: 1))
        #expect(alignment.counts.summary == "1 reworded")
    }

    @Test func reordering_keeps_every_pair() {
        let lower = [
            "Leads multi-month projects inside their team, from design to rollout.",
            "Fixes bugs across a service boundary and removes the class of bug that produced them.",
            "Writes clear, blameless incident reviews.",
        ]
        let higher = [
            "Writes clear, blameless incident reviews.",
            "Removes whole classes of bugs and incidents across several services.",
            "Leads cross-team projects that take two or more quarters, from proposal to rollout.",
        ]
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(shape(alignment) == ["=2", "~1", "~0"])
        #expect(alignment.noLongerListed.isEmpty)
        #expect(alignment.counts.summary == "2 reworded, 1 unchanged")
    }

    @Test func the_pairing_is_the_best_overall_not_the_first_match() {
        // Greedy in order would give the first higher criterion its best partner (lower 0) and leave
        // the second with nothing; the best total pairs both.
        let lower = ["Reviews code and designs for the team.", "Reviews code for the team."]
        let higher = ["Reviews code, designs and plans for the team.", "Reviews designs and code."]
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(alignment.higher.allSatisfy { if case .reworded = $0 { true } else { false } })
        #expect(alignment.noLongerListed.isEmpty)
        let sum = zip(alignment.higher, higher).reduce(0.0) { total, pair in
            guard case .reworded(let i) = pair.0 else { return total }
            return total + Similarity.score(lower[i], pair.1)
        }
        // Either pairing of two reworded pairs; the one chosen scores at least as well as the other.
        let crossed = Similarity.score(lower[0], higher[1]) + Similarity.score(lower[1], higher[0])
        let straight = Similarity.score(lower[0], higher[0]) + Similarity.score(lower[1], higher[1])
        #expect(sum >= max(crossed, straight) - 1e-9)
    }

    @Test func a_split_criterion_is_one_rewording_and_one_new() {
        let lower = ["Writes design documents and reviews the designs of others on the team."]
        let higher = ["Writes design documents that set direction.", "Reviews the designs of others on the team."]
        let alignment = Alignment(lower: lower, higher: higher)
        // One to one: one half rewords the whole, the other is new.
        #expect(alignment.counts == Alignment.Counts(reworded: 1, new: 1))
        #expect(alignment.noLongerListed.isEmpty)
    }

    @Test func a_criterion_moved_to_another_competency_is_new_there_and_gone_here() {
        // Competencies are aligned one at a time: Collaboration at L3 has the mentoring criterion, at
        // L4 it sits under Leadership.
        let collaboration = Alignment(lower: ["Mentors junior engineers on the team.", "Brings other teams in early."],
                                      higher: ["Brings other teams in early."])
        let leadership = Alignment(lower: ["Sets direction for the team."],
                                   higher: ["Sets direction for the team.", "Mentors junior engineers on the team."])
        #expect(shape(collaboration) == ["=1"])
        #expect(collaboration.noLongerListed == [0])
        #expect(shape(leadership) == ["=0", "+"])
        #expect(leadership.counts.summary == "1 new, 1 unchanged")
    }

    @Test func identical_levels_are_unchanged_white_space_aside() {
        let lower = ["Writes tests   for every change.", "Ships  weekly."]
        let higher = ["Writes tests for every change.", "Ships weekly.\n"]
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(shape(alignment) == ["=0", "=1"])
        #expect(!alignment.counts.hasChanges)
        #expect(alignment.counts.summary == "2 unchanged")
    }

    @Test func repeated_criteria_pair_in_order() {
        let alignment = Alignment(lower: ["Same.", "Same."], higher: ["Same.", "Same.", "Same."])
        #expect(shape(alignment) == ["=0", "=1", "+"])
    }

    @Test func empty_levels() {
        #expect(Alignment(lower: [], higher: []).counts.summary == "no change")
        let added = Alignment(lower: [], higher: ["Leads incident response."])
        #expect(shape(added) == ["+"])
        let gone = Alignment(lower: ["Leads incident response."], higher: [])
        #expect(gone.higher.isEmpty && gone.noLongerListed == [0])
        #expect(gone.counts.summary == "1 no longer listed")
        // Empty and blank criteria do not pair with anything but their equals.
        #expect(shape(Alignment(lower: ["", "   "], higher: [" ", "x"])) == ["=0", "+"])
    }

    @Test func unrelated_criteria_are_not_paired() {
        let alignment = Alignment(lower: ["Removes recurring sources of toil and makes sure they stay removed."],
                                  higher: ["Leaves behind shared tools or platforms that other teams adopt on their own."])
        #expect(shape(alignment) == ["+"])
        #expect(alignment.noLongerListed == [0])
    }

    @Test func non_ascii_text_aligns_and_diffs() {
        let lower = ["Führt Projekte im eigenen Team, vom Entwurf bis zur Einführung.", "チームの目標に責任を持つ。"]
        let higher = ["Führt teamübergreifende Projekte, vom Entwurf bis zur Einführung.", "チームの目標に責任を持つ。"]
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(shape(alignment) == ["~0", "=1"])
        let runs = WordDiff.runs(from: lower[0], to: higher[0])
        #expect(runs == [WordRun(.same, "Führt"), WordRun(.removed, "Projekte im eigenen Team,"),
                         WordRun(.added, "teamübergreifende Projekte,"), WordRun(.same, "vom Entwurf bis zur Einführung.")])
        // Emoji, combining marks and right-to-left text do not trip anything.
        let odd = ["e\u{301}quipe 👩🏽‍💻 שלום", "\u{0}\u{FFFF}"]
        _ = Alignment(lower: odd, higher: odd.reversed())
        #expect(WordDiff.runs(from: odd[0], to: odd[0] + " !") == [WordRun(.same, odd[0]), WordRun(.added, "!")])
    }

    @Test func terms_are_stemmed_without_stop_words() {
        #expect(Terms.of("Removes whole classes of bugs") == ["remov", "whol", "class", "bug"])
        #expect(Terms.of("removed the class of bug") == ["remov", "class", "bug"])
        #expect(Terms.of("the team's goals") == ["team", "goal"])
        #expect(Terms.of("the team’s goals") == ["team", "goal"])
        #expect(Terms.of("multi-month projects") == ["multi", "month", "project"])
        // A text of stop words only keeps them, so it can still be compared.
        #expect(Terms.of("Do it.") == ["do", "it"])
    }

    @Test func many_criteria_fall_back_to_the_greedy_pairing_and_stay_fast() {
        // 400 × 400 criteria: past the optimal pairing's limit.
        let lower = (0..<400).map { "Criterion number \($0) about topic\($0) and area\($0 % 7) in the team." }
        let higher = (0..<400).map { "Criterion number \($0) about topic\($0) and area\($0 % 7) across several teams." }
        let start = Date()
        let alignment = Alignment(lower: lower, higher: higher)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(alignment.counts.reworded == 400)
        for (j, change) in alignment.higher.enumerated() { #expect(change == .reworded(lower: j)) }
    }

    @Test func the_result_is_deterministic() {
        let lower = ["Owns a service.", "Owns a service and its alerts.", "Owns the alerts."]
        let higher = ["Owns several services.", "Owns alerts of several services."]
        let first = Alignment(lower: lower, higher: higher)
        for _ in 0..<20 { #expect(Alignment(lower: lower, higher: higher) == first) }
    }
}

@Suite struct WordDiffTests {
    @Test func changed_words_are_runs_not_letters() {
        let runs = WordDiff.runs(from: "Impact at L3 is measured at the level of projects and the team's goals.",
                                 to: "Impact at L4 is measured at the level of a group of teams.")
        #expect(runs == [
            WordRun(.same, "Impact at"), WordRun(.removed, "L3"), WordRun(.added, "L4"),
            WordRun(.same, "is measured at the level of"),
            WordRun(.removed, "projects and the team's goals."), WordRun(.added, "a group of teams."),
        ])
    }

    @Test func a_short_shared_word_between_bigger_changes_is_folded_in() {
        let runs = WordDiff.runs(from: "Mentors junior engineers on the team", to: "Sponsors senior staff across the whole organisation")
        #expect(runs == [WordRun(.removed, "Mentors junior engineers on the team"),
                         WordRun(.added, "Sponsors senior staff across the whole organisation")])
        // A shared word beside a one-word change stays shared.
        #expect(WordDiff.runs(from: "Leads projects inside the team", to: "Leads projects across teams") ==
                [WordRun(.same, "Leads projects"), WordRun(.removed, "inside the team"), WordRun(.added, "across teams")])
    }

    @Test func punctuation_stays_with_its_word() {
        let runs = WordDiff.runs(from: "Writes clear incident reviews.", to: "Writes clear incident reviews, fast.")
        #expect(runs == [WordRun(.same, "Writes clear incident"), WordRun(.removed, "reviews."), WordRun(.added, "reviews, fast.")])
    }

    @Test func the_runs_rebuild_both_texts() {
        let cases = [
            ("", ""), ("", "a b"), ("a b", ""), ("a b c", "a b c"), ("a b c d e", "e d c b a"),
            ("x y x y x", "y x y x y"), ("Leads multi-month projects inside their team, from design to rollout.",
                                        "Leads cross-team projects that take two or more quarters, from proposal to rollout."),
        ]
        for (old, new) in cases {
            let runs = WordDiff.runs(from: old, to: new)
            let rebuiltOld = runs.filter { $0.kind != .added }.map(\.text).joined(separator: " ")
            let rebuiltNew = runs.filter { $0.kind != .removed }.map(\.text).joined(separator: " ")
            #expect(rebuiltOld == WordDiff.words(old).joined(separator: " "), "\(old) → \(new)")
            #expect(rebuiltNew == WordDiff.words(new).joined(separator: " "), "\(old) → \(new)")
            // Never two runs of one kind side by side.
            for (x, y) in zip(runs, runs.dropFirst()) { #expect(x.kind != y.kind) }
        }
    }

    /// ASCII texts' runs are cut from word ranges (`mergeRanges`); they are the runs the general merge
    /// makes from lists of words, on texts of few words (every fold and its edge cases come up).
    @Test func runs_from_word_ranges_are_the_general_merge_s() {
        var rng = SystemRandomNumberGenerator()
        let vocabulary = ["a", "b", "c", "d", "the", "team", "teams."]
        for _ in 0..<3_000 {
            let old = (0..<Int.random(in: 0...9, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
            let new = (0..<Int.random(in: 0...9, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: "  ")
            let a = WordDiff.Words(old), b = WordDiff.Words(new)
            let ops = WordDiff.operations(a, b)
            #expect(WordDiff.mergeRanges(ops, a.words, b.words) == WordDiff.merge(ops, a.words, b.words), "\(old) → \(new)")
        }
    }

    /// A word's stemmed hash is the hash of its stem, made without the stem.
    @Test func stemmed_hashes_are_the_hashes_of_the_stems() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("aeiosdngry".utf8)
        let words = ["categories", "classes", "bugs", "status", "analysis", "leading", "removed", "services", "ties", "dies",
                     "sing", "bed", "care", "cares", "caring", "lies", "boss", "us", "is", "queries", "ied", "eding"]
        for word in words.map({ Array($0.utf8) }) + (0..<5_000).map({ _ in (0..<Int.random(in: 0...9, using: &rng)).map { _ in letters.randomElement(using: &rng)! } }) {
            #expect(Terms.stemmedHash(word) == Terms.hash(Terms.stemASCII(word) ?? word), "\(String(decoding: word, as: UTF8.self))")
        }
    }

    /// Runs are joined as `joined(separator: " ")` joins them, when their words are one space apart in
    /// their text (a stretch of it) and when not.
    @Test func joined_words_are_the_library_s() {
        for text in ["", "a", "a b  c", "Leads  the team.\tOwns it", " x y ", "a\nb c", "é  b c", "b é c"] {
            let words = WordDiff.words(text)
            for lower in 0...words.count {
                for upper in lower...words.count {
                    #expect(WordDiff.joined(words[lower..<upper]) == words[lower..<upper].joined(separator: " "), "\(text.debugDescription)")
                }
            }
        }
    }

    /// Prose is cut into sentences byte by byte when it is ASCII: the sentences Characters give.
    @Test func ascii_sentences_are_the_character_ones() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [" ", "  ", ".", "!", "?", "a", "Bc", "\r\n", "\n", "\t", "e.g.", "... "]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(LevelComparison.sentences(text) == LevelComparison.characterSentences(text), "\(text.debugDescription)")
        }
        #expect(LevelComparison.sentences("Leads the team. Owns the plan!  Then? more") == ["Leads the team.", "Owns the plan!", "Then?", "more"])
    }

    @Test func very_long_criteria_complete_fast() {
        // 5,000 words, with changes spread through: past the table's limit, so anchors cut it up.
        var rng = SystemRandomNumberGenerator()
        let words = (0..<5_000).map { "word\($0 % 1_500)-\($0)" }
        var changed = words
        for k in stride(from: 7, to: changed.count, by: 97) { changed[k] = "changed\(k)" }
        changed.insert(contentsOf: ["quite", "new", "words"], at: 2_500)
        let old = words.joined(separator: " "), new = changed.joined(separator: " ")
        let start = Date()
        let runs = WordDiff.runs(from: old, to: new)
        let rebuiltNew = runs.filter { $0.kind != .removed }.map(\.text).joined(separator: " ")
        #expect(rebuiltNew == new)
        #expect(runs.contains(WordRun(.added, "quite new words")))
        // Texts with no word in common, and texts of one word repeated: no anchors at all.
        let shuffled = words.shuffled(using: &rng).joined(separator: " ")
        _ = WordDiff.runs(from: old, to: shuffled)
        let same = Array(repeating: "team", count: 5_000).joined(separator: " ")
        let other = Array(repeating: "teams", count: 5_000).joined(separator: " ")
        #expect(WordDiff.runs(from: same, to: other) == [WordRun(.removed, same), WordRun(.added, other)])
        // Alignment of long criteria too.
        let alignment = Alignment(lower: [old, same], higher: [new, other])
        #expect(alignment.higher.first == .reworded(lower: 0))
        #expect(Date().timeIntervalSince(start) < 20)
    }
}

/// The ASCII paths of the engine read exactly what the Unicode paths read.
@Suite struct DiffFastPathTests {
    /// Every string of up to five pieces from an alphabet of the awkward cases.
    static let texts: [String] = {
        let alphabet = ["Team's", "teams", "’s", "'", "s", "Services", "leading", " ", "\t", "\n", "2x", "-", "IES", "cases.", "e", "ing"]
        var out = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            out += frontier
        }
        return out
    }()

    @Test func terms_of_ascii_text_are_the_terms_its_scalars_give() {
        #expect(Self.texts.count > 60_000)
        for text in Self.texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            let fast = Terms.splitASCII(text)
            let slow = Terms.splitScalars(text)
            #expect(fast?.all == slow.all && fast?.content == slow.content, "\(text.debugDescription)")
        }
    }

    @Test func words_of_ascii_text_are_the_words_its_characters_give() {
        for text in Self.texts {
            #expect(WordDiff.words(text) == text.split(whereSeparator: { $0.isWhitespace }), "\(text.debugDescription)")
            // A text split once for its diffs: the same words, and words that are equal hash alike.
            let split = WordDiff.Words(text)
            #expect(split.words == WordDiff.words(text), "\(text.debugDescription)")
            for (k, word) in split.words.enumerated() where split.isASCII {
                #expect(split.hashes[k] == WordDiff.Words(String(word)).hashes.first, "\(text.debugDescription)")
            }
        }
    }

    /// Words hash one way in ASCII text and another in other text: a text of each still shares its
    /// shared words ("kommuniziert im Team").
    @Test func an_ascii_text_and_another_share_their_words() {
        let runs = WordDiff.runs(from: "L2 kommuniziert im Team und mit den nächsten Nachbarn.", to: "L3 kommuniziert im Team und mit den Nachbarteams.")
        #expect(runs.contains(WordRun(.same, "kommuniziert im Team und mit den")))
        let back = WordDiff.runs(from: "L3 kommuniziert im Team und mit den Nachbarteams.", to: "L2 kommuniziert im Team und mit den nächsten Nachbarn.")
        #expect(back.contains(WordRun(.same, "kommuniziert im Team und mit den")))
    }

    /// When each row's best column is plain (strictly best in its row, and no other row's best), the
    /// pairing is taken without the Hungarian method, and it is the pairing the method gives: on random
    /// scores with many ties and many below the threshold, whenever the shortcut answers.
    @Test func the_plain_pairing_is_the_one_the_method_finds() {
        var rng = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<5_000 {
            let rows = Int.random(in: 1...7, using: &rng), columns = Int.random(in: 1...7, using: &rng)
            // Scores in eighths: ties are common, and a third of them fall below the threshold.
            let scores = (0..<(rows * columns)).map { _ in Double(Int.random(in: 0...8, using: &rng)) / 8 }
            let threshold = 0.33
            let method = Assignment.hungarian(rows: rows, columns: columns, threshold: threshold, scores: scores)
            guard let plain = Assignment.bestOfEachRow(rows: rows, columns: columns, threshold: threshold, scores: scores) else { continue }
            answered += 1
            #expect(plain.map { [$0.0, $0.1] } == method.map { [$0.0, $0.1] }, "\(rows)x\(columns) \(scores)")
        }
        #expect(answered > 500)
    }

    /// The subsequence 64 terms at a time is the table's, on random lists with many repeats, up to and
    /// past 64 terms.
    @Test func the_bit_vector_subsequence_is_the_table_s() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...70, using: &rng)).map { _ in UInt64.random(in: 0...9, using: &rng) }
            let b = (0..<Int.random(in: 0...70, using: &rng)).map { _ in UInt64.random(in: 0...9, using: &rng) }
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    #expect(Similarity.Table.subsequence(a, b) == Similarity.Table.tableSubsequence(a, b), "\(Array(a)) \(Array(b))")
                }
            }
        }
    }

    /// Terms read from a reused buffer are the terms of the String path, hashed.
    @Test func term_hashes_are_the_hashes_of_the_terms() {
        for text in Self.texts {
            let terms = Terms.split(text), hashes = Terms.hashes(text)
            #expect(hashes.all == terms.all.map { Terms.hash(Array($0.utf8)) }, "\(text.debugDescription)")
            #expect(hashes.content == terms.content.map { Terms.hash(Array($0.utf8)) }, "\(text.debugDescription)")
        }
    }
}
