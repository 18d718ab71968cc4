import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderModel
import LadderRender
import LadderSearch

/// Runs the page writer's output groups: renders the groups whose fingerprint changed on all cores,
/// copies the last bytes of the others, and writes everything to the sink. Without a memo every group
/// is rendered (a plain `ladder build`).
struct IncrementalOutput {
    let memo: BuildMemo?
    let fingerprints: OutputFingerprints?

    typealias Job = () -> PageWriter.Output

    /// Jobs run in batches of about this many: a job holds its context's inputs until it runs (a track's
    /// views hold every level's expectations), so making every job first would hold the whole site's.
    static let batchSize = 512

    /// Returns the sitemap entries of every page written. `jobs` makes a group's jobs; it is called only
    /// for the groups that are rendered, one group at a time, in order. `finished` is told of each batch
    /// of groups once their pages are written.
    func write(_ groups: [OutputGroup], jobs: (OutputGroup) -> [Job], to sink: OutputSink,
               render: @escaping (PageWriter.Output) -> Data,
               finished: ([OutputGroup]) -> Void = { _ in }) throws -> [PageWriter.SitemapEntry] {
        var entries: [PageWriter.SitemapEntry] = []
        // Bytes are kept only for the memo: a plain build holds no page after writing it.
        let remember = memo != nil
        var keep: [OutputGroup: BuildMemo.CachedGroup] = [:]
        if remember { keep.reserveCapacity(groups.count) }
        var pending: [(group: OutputGroup, job: Job)] = []
        var reused = 0
        var reusedFiles: [(path: String, bytes: Data)] = []
        let previous = memo?.cachedGroups ?? [:]
        var rendered = Set<OutputGroup>()

        func runPending() throws {
            let results = pending.parallelMap { item -> Result<BuildMemo.CachedFile, Error> in
                let output = item.job()
                let bytes = render(output)
                let path = SiteURLs.filePath(for: output.url)
                do { try sink.write(path, bytes) } catch { return .failure(error) }
                return .success(BuildMemo.CachedFile(
                    path: path, bytes: remember ? bytes : Data(),
                    entry: PageWriter.SitemapEntry(url: output.url, inSitemap: output.inSitemap, lastmod: output.lastmod)))
            }
            for (item, result) in zip(pending, results) {
                switch result {
                case .success(let file):
                    entries.append(file.entry)
                    guard remember else { continue }
                    rendered.insert(item.group)
                    keep[item.group]?.files.append(file)
                case .failure(let error): throw error
                }
            }
            var batch: [OutputGroup] = []
            for item in pending where batch.last != item.group { batch.append(item.group) }
            pending = []
            finished(batch)
        }

        for group in groups {
            if pending.count >= Self.batchSize { try runPending() }
            guard memo != nil, let fingerprints else {
                for job in jobs(group) { pending.append((group, job)) }
                continue
            }
            let fingerprint = fingerprints.fingerprint(group)
            if let cached = previous[group], cached.fingerprint == fingerprint {
                for file in cached.files {
                    reusedFiles.append((file.path, file.bytes))
                    entries.append(file.entry)
                }
                keep[group] = cached
                reused += 1
            } else {
                // Remembered even when it writes nothing (a track without levels has no views).
                keep[group] = BuildMemo.CachedGroup(fingerprint: fingerprint, files: [])
                for job in jobs(group) { pending.append((group, job)) }
            }
        }
        try runPending()
        try sink.write(batch: reusedFiles)
        memo?.storeOutputs(keep, rendered: rendered.count, reused: reused)
        return entries
    }
}
