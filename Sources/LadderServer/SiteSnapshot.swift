import Foundation
import LadderCore
import LadderGenerate
import LadderLoad

/// One complete build as served: every output file in memory, and the error of the latest build when it
/// failed (the files are then those of the last good build). Replaced whole, never edited, so a request
/// sees either the old site or the new one.
public struct SiteSnapshot: Sendable {
    /// Output files by path: `engineering/l3/index.html`.
    public var files: [String: Data]
    /// Counts builds, so a page can tell whether it is older than the site.
    public var version: Int
    public var failure: BuildFailure?
    /// The overlay's words: those of the last good build's language (a failed build may not say its own).
    public var words = ServeWords()

    public static let empty = SiteSnapshot(files: [:], version: 0, failure: nil)

    /// Paths whose bytes differ between two snapshots (added, removed or changed).
    public func changedPaths(since old: SiteSnapshot) -> [String] {
        var changed: [String] = []
        for (path, bytes) in files {
            guard let before = old.files[path] else { changed.append(path); continue }
            if !Self.same(bytes, before) { changed.append(path) }
        }
        for path in old.files.keys where files[path] == nil { changed.append(path) }
        return changed.sorted()
    }

    /// Reused output shares its storage with the previous build; only new bytes are compared.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in pa.baseAddress == pb.baseAddress } }
        return shared || a == b
    }
}

/// The sink a rebuild writes into: every file in memory, and which paths were written one by one
/// (rendered or copied afresh) rather than in a batch of bytes reused from the last build.
final class SnapshotSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]
    private var fresh: Set<String> = []

    func write(_ path: String, _ bytes: Data) throws {
        lock.lock(); defer { lock.unlock() }
        storage[path] = bytes
        fresh.insert(path)
    }

    func copy(from absolutePath: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: absolutePath])
        }
        try write(path, data)
    }

    func write(batch: [(path: String, bytes: Data)]) throws {
        lock.lock(); defer { lock.unlock() }
        storage.reserveCapacity(storage.count + batch.count)
        for file in batch { storage[file.path] = file.bytes }
    }

    var files: [String: Data] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    /// Paths whose bytes differ from `old`'s. Reused bytes are the last build's, so when every path
    /// was already there and the counts agree, only the freshly written files need comparing.
    func changedPaths(since old: SiteSnapshot) -> [String] {
        lock.lock(); defer { lock.unlock() }
        let new = SiteSnapshot(files: storage, version: 0, failure: nil)
        guard storage.count == old.files.count, fresh.allSatisfy({ old.files[$0] != nil }) else {
            return new.changedPaths(since: old)
        }
        return fresh.filter { !SiteSnapshot.same(storage[$0]!, old.files[$0]!) }.sorted()
    }
}

/// Holds the current snapshot for request handlers on any thread.
final class SnapshotStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = SiteSnapshot.empty

    var current: SiteSnapshot {
        lock.lock(); defer { lock.unlock() }
        return snapshot
    }

    func replace(_ new: SiteSnapshot) {
        lock.lock(); defer { lock.unlock() }
        snapshot = new
    }
}
