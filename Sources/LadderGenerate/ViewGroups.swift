import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Which pages each output group writes, and which levels a track's view pages read.
extension PageWriter {
    /// Level positions each job of `viewOutputs(track)` reads, in the same order: one page per
    /// competency (every level), the matrix (every level), each compared pair, and the compare index
    /// (titles and summaries only, which the site-wide fingerprint holds). Splitting the views this way
    /// lets an edit to one level redo its comparisons, the competency pages and the matrix, but not the
    /// comparisons between other levels. The incremental tests fail if the two lists disagree.
    static func viewReads(_ track: Track) -> [[Int]] {
        guard !track.levels.isEmpty else { return [] }
        let every = Array(track.levels.indices)
        return track.competencies.map { _ in every } + [every] + track.comparePairs.map { [$0.0, $0.1] } + [[]]
    }

    /// The jobs that write a group's pages.
    func jobs(for group: OutputGroup, views: ViewJobs) -> [() -> Output] {
        switch group {
        case .page(let index):
            return [{ pageOutput(index, model.pages[index]) }]
        case .generatedHome:
            let description = model.config.description.isEmpty ? nil : model.config.description
            return [{ Output(url: "/", layout: "home", context: context(page: PageContext(title: model.config.title, url: href("/"),
                                                                                          permalink: absolute("/"), description: description), current: "/"),
                             inSitemap: true, lastmod: nil) }]
        case .track(let track):
            return [{ trackOutput(model.tracks[track]) }]
        case .level(let track, let position):
            let track = model.tracks[track]
            return [{ levelOutput(track.levels[position], position: position, in: track) }]
        case .assess(let track, let position):
            let track = model.tracks[track]
            return [{ assessOutput(track.levels[position], position: position, in: track) }]
        case .view(let track, let number):
            return views.job(track: track, number: number)
        case .tags:
            return tagOutputs().map { output in { output } }
        case .changes:
            return [{ changesOutput() }]
        }
    }
}

/// A track's view jobs share work (each level's expectations), so they are made together, once per
/// track and only when one of them is rendered. Groups are expanded in order, so only the current
/// track's are kept: the jobs already handed out hold what they need until they run.
final class ViewJobs {
    private let writer: PageWriter
    private var made: (track: Int, jobs: [() -> PageWriter.Output], agree: Bool)?

    init(writer: PageWriter) { self.writer = writer }

    func job(track index: Int, number: Int) -> [() -> PageWriter.Output] {
        let views: (track: Int, jobs: [() -> PageWriter.Output], agree: Bool)
        if let known = made, known.track == index {
            views = known
        } else {
            let track = writer.model.tracks[index]
            let jobs = writer.viewOutputs(track)
            views = (index, jobs, jobs.count == PageWriter.viewReads(track).count)
            made = views
        }
        // Should the two lists ever disagree, every view is still written (by the first group).
        guard views.agree else { return number == 0 ? views.jobs : [] }
        return [views.jobs[number]]
    }
}
