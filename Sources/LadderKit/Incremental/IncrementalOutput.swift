import Foundation

/// Runs the page writer's output groups: renders the groups whose fingerprint changed on all cores,
/// copies the last bytes of the others, and writes everything to the sink. Without a memo every group
/// is rendered (a plain `ladder build`).
struct IncrementalOutput {
    let memo: BuildMemo?
    let model: SiteModel
    let fingerprints: OutputFingerprints?

    typealias Job = () -> PageWriter.Output

    /// Returns the sitemap entries of every page written.
    func write(_ groups: [(group: OutputGroup, jobs: () -> [Job])], to sink: OutputSink,
               render: @escaping (PageWriter.Output) -> Data) throws -> [PageWriter.SitemapEntry] {
        var entries: [PageWriter.SitemapEntry] = []
        var keep: [String: BuildMemo.CachedGroup] = [:]
        keep.reserveCapacity(groups.count)
        var pending: [(group: Int, job: Job)] = []
        var keys: [String] = []
        var groupFingerprints: [Int] = []
        var reused = 0
        var reusedFiles: [(path: String, bytes: Data)] = []
        let previous = memo?.cachedGroups ?? [:]

        for (number, item) in groups.enumerated() {
            guard memo != nil, let fingerprints else {
                for job in item.jobs() { pending.append((number, job)) }
                keys.append(""); groupFingerprints.append(0)
                continue
            }
            let key = item.group.key(in: model)
            let fingerprint = fingerprints.fingerprint(item.group, model: model)
            keys.append(key); groupFingerprints.append(fingerprint)
            if let cached = previous[key], cached.fingerprint == fingerprint {
                for file in cached.files {
                    reusedFiles.append((file.path, file.bytes))
                    entries.append(file.entry)
                }
                keep[key] = cached
                reused += 1
            } else {
                for job in item.jobs() { pending.append((number, job)) }
            }
        }

        try sink.write(batch: reusedFiles)

        // Bytes are kept only for the memo: a plain build holds no page after writing it.
        let remember = memo != nil
        let results = pending.parallelMap { item -> Result<BuildMemo.CachedFile, Error> in
            let output = item.job()
            let bytes = render(output)
            let path = SiteURLs.filePath(for: output.url)
            do { try sink.write(path, bytes) } catch { return .failure(error) }
            return .success(BuildMemo.CachedFile(
                path: path, bytes: remember ? bytes : Data(),
                entry: PageWriter.SitemapEntry(url: output.url, inSitemap: output.inSitemap, lastmod: output.lastmod)))
        }
        var rendered: Set<Int> = []
        for (item, result) in zip(pending, results) {
            switch result {
            case .success(let file):
                entries.append(file.entry)
                guard memo != nil else { continue }
                rendered.insert(item.group)
                keep[keys[item.group], default: BuildMemo.CachedGroup(fingerprint: groupFingerprints[item.group], files: [])]
                    .files.append(file)
            case .failure(let error): throw error
            }
        }
        // A group that rendered no page (a track without levels has no views) is remembered as empty.
        if memo != nil {
            for (number, key) in keys.enumerated() where keep[key] == nil {
                keep[key] = BuildMemo.CachedGroup(fingerprint: groupFingerprints[number], files: [])
            }
        }
        memo?.storeOutputs(keep, rendered: rendered.count, reused: reused)
        return entries
    }
}
