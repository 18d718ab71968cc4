/// Splits a track's views into one output group per page, each naming the levels whose sections it
/// shows, so an edit to one level redoes its comparisons, the competency pages and the matrix, but not
/// the comparisons between other levels.
extension PageWriter {
    /// Level positions each job of `viewOutputs(track)` reads, in the same order: one page per
    /// competency (every level), the matrix (every level), each compared pair, and the compare index
    /// (titles and summaries only, which the site-wide fingerprint holds). A test checks the two agree.
    static func viewReads(_ track: Track) -> [[Int]] {
        guard !track.levels.isEmpty else { return [] }
        let every = Array(track.levels.indices)
        return track.competencies.map { _ in every } + [every] + comparePairs(track).map { [$0.0, $0.1] } + [[]]
    }

    func viewGroups(_ track: Track) -> [(group: OutputGroup, jobs: () -> [() -> Output])] {
        let reads = Self.viewReads(track)
        // The views share work (each level's expectations), so they are made together, once, and only
        // when one of them is redone.
        let views = Lazy { viewOutputs(track) }
        return reads.enumerated().map { number, positions in
            (.view(track, number: number, positions: positions), {
                let jobs = views.value
                // Should the two lists ever disagree, every view is still written (by the first group).
                guard jobs.count == reads.count else { return number == 0 ? jobs : [] }
                return [jobs[number]]
            })
        }
    }
}

/// A value computed on first use. Output groups are expanded one after another, never concurrently.
final class Lazy<Value> {
    private var make: (() -> Value)?
    private var stored: Value?

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
        if let stored { return stored }
        let made = make!()
        stored = made
        make = nil
        return made
    }
}
