import Foundation
import LadderCore
import LadderLoad
import LadderModel

/// Reading `history:`: the tags, each tag's ladder (its `content/` exported with `git archive` into a
/// scratch folder and read like a build), and the history made of them with this build's ladder.
enum HistoryReader {
    static let url = SiteURLs.changes

    /// nil without `history:`; the errors point at `history:` in site.yml (or the tag's line).
    static func read(config: SiteConfig, options: BuildOptions, current: @autoclosure () -> LadderSnapshot)
        -> (LadderHistory?, [Diagnostic]) {
        guard let wanted = config.history else { return (nil, []) }
        let location = config.historyLocation ?? SourceLocation(path: "content/site.yml")
        let git = Git(folder: options.siteFolder)
        guard (try? git.run(["rev-parse", "--is-inside-work-tree"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            return (nil, [.error(location, "'history' needs the site in a git repository, and \(options.siteFolder) is not in one; "
                                 + "hint: run 'git init', commit and tag a version (git tag v1), or remove 'history:' from site.yml")])
        }
        let all: [(name: String, date: String, time: Int, commit: String)]
        do {
            all = try tags(git)
        } catch {
            return (nil, [.error(location, "cannot list the repository's tags: \((error as? GitFailure)?.message ?? "\(error)")")])
        }
        var chosen: [(name: String, date: String, commit: String)] = []
        var diagnostics: [Diagnostic] = []
        switch wanted {
        case .allTags:
            chosen = all.map { ($0.name, $0.date, $0.commit) }
            if chosen.isEmpty {
                diagnostics.append(.error(location, "'history: tags' lists every git tag, and the repository has none; "
                                          + "hint: tag a version (git tag v1), or remove 'history:' from site.yml"))
            }
        case .tags(let names):
            let byName = Dictionary(all.map { ($0.name, ($0.date, $0.commit)) }, uniquingKeysWith: { first, _ in first })
            let known = all.map(\.name)
            for name in names {
                if let (date, commit) = byName[name] {
                    chosen.append((name, date, commit))
                    continue
                }
                var message = "tag '\(name)' does not exist in the repository"
                if let near = Spelling.nearMiss(of: name, in: known) {
                    message += "; hint: did you mean '\(near)'?"
                } else {
                    message += known.isEmpty ? "; hint: it has no tags: create it with 'git tag \(name) <commit>'"
                                             : "; hint: its tags are \(known.prefix(10).map { "'\($0)'" }.joined(separator: ", "))\(known.count > 10 ? ", …" : "") ('git tag' lists them)"
                }
                diagnostics.append(.error(config.historyTagLocations[name] ?? location, message))
            }
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var versions: [(name: String, date: String, snapshot: LadderSnapshot)] = []
        for (number, tag) in chosen.enumerated() {
            let key = "\(tag.commit)\n\(options.includeDrafts)\n\(URL(fileURLWithPath: options.siteFolder).standardizedFileURL.path)"
            if let known = SnapshotCache.shared.value(key) {
                versions.append((tag.name, tag.date, known))
                continue
            }
            do {
                let site = try git.export("refs/tags/" + tag.name, into: scratch.appendingPathComponent("\(number)"))
                var tagOptions = BuildOptions(siteFolder: site, includeDrafts: options.includeDrafts)
                tagOptions.baseURL = nil
                let snapshot = try LadderSnapshot.read(tagOptions)
                SnapshotCache.shared.keep(snapshot, for: key)
                versions.append((tag.name, tag.date, snapshot))
            } catch let failure as BuildFailure {
                let first = failure.errors.prefix(3).map(\.description).joined(separator: " / ")
                diagnostics.append(.error(config.historyTagLocations[tag.name] ?? location,
                                          "the site at tag '\(tag.name)' does not build: \(first)"))
            } catch {
                diagnostics.append(.error(config.historyTagLocations[tag.name] ?? location,
                                          "cannot read tag '\(tag.name)': \((error as? GitFailure)?.message ?? "\(error)")"))
            }
        }
        if !diagnostics.isEmpty { return (nil, diagnostics) }
        return (LadderHistory(tags: versions, current: current()), [])
    }

    /// Every tag that names a commit, with the commit's date, oldest first (ties by name).
    static func tags(_ git: Git) throws -> [(name: String, date: String, time: Int, commit: String)] {
        // An annotated tag's own date fields are the tag's: `*` reads the commit it points at.
        let format = "%(refname:strip=2)%00%(committerdate:unix)%00%(committerdate:short)%00%(*committerdate:unix)%00%(*committerdate:short)"
            + "%00%(objectname)%00%(*objectname)"
        let output = try git.run(["for-each-ref", "--format=" + format, "refs/tags"])
        var out: [(name: String, date: String, time: Int, commit: String)] = []
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7 else { continue }
            let (time, date, commit) = fields[3].isEmpty ? (fields[1], fields[2], fields[5]) : (fields[3], fields[4], fields[6])
            guard let seconds = Int(time), !date.isEmpty else { continue }
            out.append((fields[0], date, seconds, commit))
        }
        return out.sorted { ($0.time, $0.name) < ($1.time, $1.name) }
    }
}

/// Each tag's ladder, by commit: a commit's content does not change, so the preview server, which builds
/// on every save, reads each tag once rather than exporting and reading it on every build.
final class SnapshotCache: @unchecked Sendable {
    static let shared = SnapshotCache()
    private let lock = NSLock()
    private var snapshots: [String: LadderSnapshot] = [:]

    func value(_ key: String) -> LadderSnapshot? { lock.withLock { snapshots[key] } }

    func keep(_ snapshot: LadderSnapshot, for key: String) {
        lock.withLock {
            // A handful of versions is the use; a process that reads hundreds forgets them all now and then.
            if snapshots.count > 256 { snapshots.removeAll() }
            snapshots[key] = snapshot
        }
    }
}
