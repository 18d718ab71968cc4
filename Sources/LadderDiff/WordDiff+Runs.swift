/// Operations made into the runs a reader sees.
extension WordDiff {
    /// `merge` for ASCII texts, whose shared words are the same bytes on both sides: every stretch is a
    /// range of `a`'s words and one of `b`'s (operations come in reading order, so the words of a
    /// change, folded or not, are consecutive on each side), and no list of words is made for it.
    static func mergeRanges(_ ops: [Op], _ a: [Substring], _ b: [Substring]) -> [WordRun] {
        // A shared stretch has `a` and `b` the same length; a change removes `a` and adds `b`.
        struct Segment { var a: Range<Int>; var b: Range<Int>; var isSame: Bool }
        var segments: [Segment] = []
        var i = 0, j = 0
        for op in ops {
            switch op {
            case .same:
                if segments.last?.isSame == true {
                    segments[segments.count - 1].a = segments[segments.count - 1].a.lowerBound..<(i + 1)
                    segments[segments.count - 1].b = segments[segments.count - 1].b.lowerBound..<(j + 1)
                } else {
                    segments.append(Segment(a: i..<(i + 1), b: j..<(j + 1), isSame: true))
                }
                i += 1; j += 1
            case .removed:
                if segments.last?.isSame == false {
                    segments[segments.count - 1].a = segments[segments.count - 1].a.lowerBound..<(i + 1)
                } else {
                    segments.append(Segment(a: i..<(i + 1), b: j..<j, isSame: false))
                }
                i += 1
            case .added:
                if segments.last?.isSame == false {
                    segments[segments.count - 1].b = segments[segments.count - 1].b.lowerBound..<(j + 1)
                } else {
                    segments.append(Segment(a: i..<i, b: j..<(j + 1), isSame: false))
                }
                j += 1
            }
        }
        let folded = foldingShortSharedStretches(segments, isSame: \.isSame, sameCount: \.a.count,
                                                 changeCount: { max($0.a.count, $0.b.count) }) { before, _, after in
            Segment(a: before.a.lowerBound..<after.a.upperBound, b: before.b.lowerBound..<after.b.upperBound, isSame: false)
        }
        var runs: [WordRun] = []
        runs.reserveCapacity(folded.count * 2)
        for segment in folded {
            if segment.isSame {
                runs.append(WordRun(.same, joined(a[segment.a])))
            } else {
                if !segment.a.isEmpty { runs.append(WordRun(.removed, joined(a[segment.a]))) }
                if !segment.b.isEmpty { runs.append(WordRun(.added, joined(b[segment.b]))) }
            }
        }
        return runs
    }

    /// `words.joined(separator: " ")`, into one string of the right size: the library's `joined` on
    /// a slice of substrings was most of making the runs.
    static func joined(_ words: ArraySlice<Substring>) -> String {
        guard let first = words.first, let last = words.last else { return "" }
        // Words of one text one space apart in it (as most criteria are written) are that stretch of it.
        let text = first.base, utf8 = text.utf8
        var apart = true
        var k = words.startIndex
        while apart && k + 1 < words.endIndex {
            let end = words[k].endIndex, next = words[k + 1]
            apart = end < utf8.endIndex && utf8[end] == 0x20 && utf8.index(after: end) == next.startIndex && next.base == text
            k += 1
        }
        if apart {
            // The whole text, most often (a criterion written with single spaces): shared, not copied.
            if first.startIndex == text.startIndex && last.endIndex == text.endIndex { return text }
            return String(text[first.startIndex..<last.endIndex])
        }
        var count = words.count
        for word in words { count += word.utf8.count }
        var out = ""
        out.reserveCapacity(count)
        for (n, word) in words.enumerated() {
            if n > 0 { out += " " }
            out += word
        }
        return out
    }

    /// Folds a shared stretch of one or two words between two changes into one change with them, when
    /// each change around it is longer: "<del>projects and</del> the <del>goals</del>" reads better
    /// whole. Repeated until nothing folds. `merge` and `mergeRanges` keep their segments differently.
    static func foldingShortSharedStretches<Segment>(_ segments: [Segment], isSame: (Segment) -> Bool,
                                                     sameCount: (Segment) -> Int, changeCount: (Segment) -> Int,
                                                     fold: (Segment, Segment, Segment) -> Segment) -> [Segment] {
        var folded = segments
        var changed = true
        while changed {
            changed = false
            var k = 1
            while k + 1 < folded.count {
                let (before, shared, after) = (folded[k - 1], folded[k], folded[k + 1])
                if isSame(shared), !isSame(before), !isSame(after), sameCount(shared) <= 2,
                   sameCount(shared) < changeCount(before), sameCount(shared) < changeCount(after) {
                    folded.replaceSubrange((k - 1)...(k + 1), with: [fold(before, shared, after)])
                    changed = true
                } else {
                    k += 1
                }
            }
        }
        return folded
    }

    /// Operations made into readable runs: each change between shared stretches as one removed run then
    /// one added run, short shared stretches between larger changes folded into them.
    static func merge(_ ops: [Op], _ a: [Substring], _ b: [Substring]) -> [WordRun] {
        // Segments: a shared stretch (its words) or a change (removed words, added words).
        struct Segment { var same: [Substring] = []; var removed: [Substring] = []; var added: [Substring] = []; var isSame: Bool }
        var segments: [Segment] = []
        for op in ops {
            switch op {
            case .same(let i, _):
                if segments.last?.isSame != true { segments.append(Segment(isSame: true)) }
                segments[segments.count - 1].same.append(a[i])
            case .removed(let i):
                if segments.last?.isSame != false { segments.append(Segment(isSame: false)) }
                segments[segments.count - 1].removed.append(a[i])
            case .added(let j):
                if segments.last?.isSame != false { segments.append(Segment(isSame: false)) }
                segments[segments.count - 1].added.append(b[j])
            }
        }
        // A change is one segment (a removal and an addition side by side extend it), so changes never
        // stand next to each other; short shared stretches between them are folded in.
        let folded = foldingShortSharedStretches(segments, isSame: \.isSame, sameCount: \.same.count,
                                                 changeCount: { max($0.removed.count, $0.added.count) }) { before, shared, after in
            var merged = Segment(isSame: false)
            merged.removed = before.removed + shared.same + after.removed
            merged.added = before.added + shared.same + after.added
            return merged
        }
        var runs: [WordRun] = []
        for segment in folded {
            if segment.isSame {
                runs.append(WordRun(.same, segment.same.joined(separator: " ")))
            } else {
                if !segment.removed.isEmpty { runs.append(WordRun(.removed, segment.removed.joined(separator: " "))) }
                if !segment.added.isEmpty { runs.append(WordRun(.added, segment.added.joined(separator: " "))) }
            }
        }
        return runs
    }
}
