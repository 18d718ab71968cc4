/// One-to-one pairings of lower and higher criteria.
public enum Assignment {
    /// The pairing of rows and columns with the greatest total `score` among pairs scoring at least
    /// `threshold` (the Hungarian method, O(n²m) for n ≤ m): pairs below the threshold count as
    /// nothing, so they never take a criterion from a better partner, and are left out of the result.
    /// Pairs come sorted by row.
    public static func optimal(rows: Int, columns: Int, threshold: Double,
                               score: (Int, Int) -> Double) -> [(Int, Int)] {
        var scores: [Double] = []
        scores.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { scores.append(score(i, j)) } }
        return optimal(rows: rows, columns: columns, threshold: threshold, scores: scores)
    }

    /// The same, over every pair's score worked out already: `scores[i * columns + j]` for row `i` and
    /// column `j`.
    public static func optimal(rows: Int, columns: Int, threshold: Double, scores given: [Double]) -> [(Int, Int)] {
        guard rows > 0 && columns > 0 else { return [] }
        return bestOfEachRow(rows: rows, columns: columns, threshold: threshold, scores: given)
            ?? hungarian(rows: rows, columns: columns, threshold: threshold, scores: given)
    }

    /// The Hungarian method itself.
    static func hungarian(rows: Int, columns: Int, threshold: Double, scores given: [Double]) -> [(Int, Int)] {
        // The method wants no more rows than columns: transpose when there are more.
        let transpose = rows > columns
        let n = transpose ? columns : rows, m = transpose ? rows : columns
        var cost = [Double](repeating: 0, count: n * m)
        var scores = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                let s = transpose ? given[j * columns + i] : given[i * columns + j]
                scores[i * m + j] = s
                cost[i * m + j] = s >= threshold ? -s : 0
            }
        }
        // Potentials u (rows) and v (columns), 1-based with a dummy column 0; p[j]: the row matched to column j.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        // One pair of work rows for every row, set afresh each time rather than made again.
        var minv = [Double](repeating: .infinity, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            for j in 0...m { minv[j] = .infinity; used[j] = false }
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...m where !used[j] {
                    let cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...m {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var pairs: [(Int, Int)] = []
        for j in 1...m where p[j] != 0 {
            let i = p[j] - 1
            guard scores[i * m + (j - 1)] >= threshold else { continue }
            pairs.append(transpose ? (j - 1, i) : (i, j - 1))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    /// The optimal pairing without the method, when it is plain: every row's best column (among those at
    /// or above the threshold) strictly beats the rest of its row, and no two rows have the same best.
    /// Then each row takes its best, the greatest total any pairing could reach, and no other pairing
    /// reaches it (another would give some row less), so the method would find this one. Most
    /// comparisons of neighbouring levels are so; nil otherwise.
    static func bestOfEachRow(rows: Int, columns: Int, threshold: Double, scores: [Double]) -> [(Int, Int)]? {
        var pairs: [(Int, Int)] = []
        // Columns taken, as bits (up to 64 columns; the method otherwise).
        guard columns <= 64 else { return nil }
        var taken: UInt64 = 0
        for i in 0..<rows {
            var best = -1, bestScore = threshold, tie = false
            for j in 0..<columns {
                let s = scores[i * columns + j]
                guard s >= threshold else { continue }
                if best < 0 || s > bestScore { best = j; bestScore = s; tie = false } else if s == bestScore { tie = true }
            }
            guard best >= 0 else { continue }
            if tie || taken & (1 << UInt64(best)) != 0 { return nil }
            taken |= 1 << UInt64(best)
            pairs.append((i, best))
        }
        return pairs
    }

    /// A pairing for many criteria at once: candidates are only pairs sharing a term that few criteria
    /// have (at most `commonTerm` of the higher ones), each lower criterion keeps its `keep` best, and the
    /// best pairs are taken first. Scores are Dice's coefficient over distinct terms. Work grows with the
    /// number of terms, not with lower × higher.
    public static func greedy(_ lower: [[String]], _ higher: [[String]], threshold: Double,
                              commonTerm: Int = 64, keep: Int = 8) -> [(Int, Int)] {
        var ids: [String: Int] = [:]
        func distinct(_ terms: [String]) -> [Int] {
            var seen = Set<Int>()
            var out: [Int] = []
            for term in terms {
                let id = ids[term] ?? { let new = ids.count; ids[term] = new; return new }()
                if seen.insert(id).inserted { out.append(id) }
            }
            return out
        }
        let higherIDs = higher.map(distinct)
        let lowerIDs = lower.map(distinct)
        var postings = [[Int]](repeating: [], count: ids.count)
        for (j, terms) in higherIDs.enumerated() { for t in terms { postings[t].append(j) } }

        struct Candidate { var score: Double; var i: Int; var j: Int }
        var candidates: [Candidate] = []
        var shared: [Int: Int] = [:]
        for (i, terms) in lowerIDs.enumerated() {
            shared.removeAll(keepingCapacity: true)
            for t in terms where t < postings.count && postings[t].count <= commonTerm {
                for j in postings[t] { shared[j, default: 0] += 1 }
            }
            var mine: [Candidate] = []
            for (j, count) in shared {
                let score = Double(2 * count) / Double(terms.count + higherIDs[j].count)
                if score >= threshold { mine.append(Candidate(score: score, i: i, j: j)) }
            }
            mine.sort { $0.score != $1.score ? $0.score > $1.score : $0.j < $1.j }
            candidates += mine.prefix(keep)
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return a.i != b.i ? a.i < b.i : a.j < b.j
        }
        var lowerTaken = Set<Int>(), higherTaken = Set<Int>()
        var pairs: [(Int, Int)] = []
        for c in candidates where !lowerTaken.contains(c.i) && !higherTaken.contains(c.j) {
            lowerTaken.insert(c.i)
            higherTaken.insert(c.j)
            pairs.append((c.i, c.j))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }
}
