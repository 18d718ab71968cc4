import Foundation

/// Where generated files go. Called from several threads at once.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path` (relative, `/`-separated: `engineering/l3/index.html`).
    func write(_ path: String, _ bytes: Data) throws
    /// Copies a file from disk to `path`.
    func copy(from absolutePath: String, to path: String) throws
    /// Writes many files (the preview server copies most of the last build's pages this way).
    func write(batch: [(path: String, bytes: Data)]) throws
    /// Writes one file made of `pieces`, one after another, without joining them first (`ladder.json`,
    /// tens of megabytes made track by track).
    func write(_ path: String, pieces: [Data]) throws
    /// Writes one file from the pieces `produce` hands to its `emit`, each written (and let go) as it
    /// comes; then each patch `produce` returns overwrites the bytes at its offset. A head that names a
    /// hash of what follows it is written first with a placeholder as long as the hash.
    func write(_ path: String, streaming produce: (_ emit: (Data) throws -> Void) throws -> [FilePatch]) throws
}

/// Bytes to write over a streamed file's bytes at `offset`, once the file is whole.
public struct FilePatch: Sendable {
    public var offset: Int
    public var bytes: Data

    public init(offset: Int, bytes: Data) {
        self.offset = offset
        self.bytes = bytes
    }

    /// Applies the patches to the pieces of a file held in memory.
    public static func apply(_ patches: [FilePatch], to pieces: inout [Data]) {
        for patch in patches {
            // Each piece takes the part of the patch that falls inside it.
            var start = 0
            for n in pieces.indices {
                let end = start + pieces[n].count
                let from = max(patch.offset, start), to = min(patch.offset + patch.bytes.count, end)
                if from < to {
                    let base = pieces[n].startIndex, patchBase = patch.bytes.startIndex
                    pieces[n].replaceSubrange(base + from - start ..< base + to - start,
                                              with: patch.bytes[patchBase + from - patch.offset ..< patchBase + to - patch.offset])
                }
                start = end
            }
        }
    }
}

package extension OutputSink {
    public func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    public func write(batch: [(path: String, bytes: Data)]) throws {
        for file in batch { try write(file.path, file.bytes) }
    }

    public func write(_ path: String, pieces: [Data]) throws {
        var whole = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { whole.append(piece) }
        try write(path, whole)
    }

    public func write(_ path: String, streaming produce: (_ emit: (Data) throws -> Void) throws -> [FilePatch]) throws {
        var pieces: [Data] = []
        let patches = try produce { pieces.append($0) }
        FilePatch.apply(patches, to: &pieces)
        try write(path, pieces: pieces)
    }
}

/// Writes into a folder on disk.
public struct DirectorySink: OutputSink {
    public let root: String

    public init(root: String) { self.root = root }

    public func write(_ path: String, _ bytes: Data) throws {
        try write(path, pieces: [bytes])
    }

    public func write(_ path: String, pieces: [Data]) throws {
        try write(path, streaming: { emit in
            for bytes in pieces { try emit(bytes) }
            return []
        })
    }

    public func write(_ path: String, streaming produce: (_ emit: (Data) throws -> Void) throws -> [FilePatch]) throws {
        let target = root + "/" + path
        // POSIX calls rather than FileManager: a build writes thousands of files, and the folder is made
        // only when opening fails for want of it (not checked before every file). A page's `index.html`
        // has a folder of its own that no file made yet, so that folder is made first: a failed open
        // per page was a tenth of the kernel's time writing a 10,000-page site.
        if path.hasSuffix("/index.html") { try Self.makeFolder((target as NSString).deletingLastPathComponent) }
        var fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 && errno == ENOENT {
            try Self.makeFolder((target as NSString).deletingLastPathComponent)
            fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target]) }
        defer { close(fd) }
        func put(_ bytes: Data, at position: Int?) throws {
            try bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = position.map { pwrite(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t($0 + offset)) }
                        ?? Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target]) }
                    offset += n
                }
            }
        }
        let patches = try produce { try put($0, at: nil) }
        for patch in patches { try put(patch.bytes, at: patch.offset) }
    }

    /// `mkdir -p`: a page's folder is made with one `mkdir` when its parent exists (most of them), the
    /// parents first when not. (FileManager looked at every component of the path first: a tenth of the
    /// time of writing a 10,000-page site, whose every page has a folder.)
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        let parent = (path as NSString).deletingLastPathComponent
        if errno == ENOENT, !parent.isEmpty, parent != path {
            try makeFolder(parent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        // Anything else (a file in the way, no permission): FileManager says what it is.
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func copy(from absolutePath: String, to path: String) throws {
        // Read and write rather than FileManager.copyItem: it keeps no source permissions or links.
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: absolutePath])
        }
        try write(path, data)
    }
}

/// Keeps every file in memory (for `check`, tests and the preview server).
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Data] = [:]

    public init() {}

    public func write(_ path: String, _ bytes: Data) throws {
        lock.lock(); defer { lock.unlock() }
        storage[path] = bytes
    }

    public func copy(from absolutePath: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: absolutePath])
        }
        try write(path, data)
    }

    public func write(batch: [(path: String, bytes: Data)]) throws {
        lock.lock(); defer { lock.unlock() }
        storage.reserveCapacity(storage.count + batch.count)
        for file in batch { storage[file.path] = file.bytes }
    }

    public var files: [String: Data] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}

/// Stage 5: builds into a fresh folder next to the output and swaps it in whole, so a failed build leaves
/// the previous output untouched and a reader never sees a half-written site.
public struct AtomicOutput {
    public let destination: String

    public init(destination: String) { self.destination = destination }

    /// Runs `body` with a sink on a temporary folder; on success the folder replaces `destination`.
    public func replace<T>(_ body: (DirectorySink) throws -> T) throws -> T {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let temporary = parent + "/.\(name).building-\(pid)"
        let old = parent + "/.\(name).old-\(pid)"
        try? fm.removeItem(atPath: temporary)
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let result: T
        do {
            result = try body(DirectorySink(root: temporary))
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }
        // The repository keeps an empty output folder in git through this file; carry it over.
        let keep = url.path + "/.gitkeep"
        if fm.fileExists(atPath: keep) { fm.createFile(atPath: temporary + "/.gitkeep", contents: Data()) }
        if fm.fileExists(atPath: url.path) {
            try? fm.removeItem(atPath: old)
            try fm.moveItem(atPath: url.path, toPath: old)
            do {
                try fm.moveItem(atPath: temporary, toPath: url.path)
            } catch {
                try? fm.moveItem(atPath: old, toPath: url.path)
                throw error
            }
            // The new output is in place; the old one goes on every core (see `TreeRemoval`).
            TreeRemoval.remove(old)
        } else {
            try fm.moveItem(atPath: temporary, toPath: url.path)
        }
        return result
    }
}
