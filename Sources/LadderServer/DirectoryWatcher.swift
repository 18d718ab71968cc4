import LadderCore
import LadderLoad
import LadderGenerate

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders recursively with inotify and reports changed paths in bursts.
///
/// Linux has no recursive watch, so there is one watch per folder, and a folder that appears (created, or
/// moved in) gets watches for itself and everything under it; its files are reported as changed, since
/// they may have been written before the watch existed. Renames arrive as a delete and a create, both
/// reported. Hidden files and editor leftovers (`.swp`, `~`, `.#x`, vim's `4913` probe) are ignored.
///
/// Events are grouped: a burst ends when nothing happened for `quiet`, or after `longest` however busy
/// the folder is, so `git checkout` makes one rebuild while a single save is seen within milliseconds.
/// When the last event closed a file written or renamed one into place (where a save ends), `settled`
/// is the quiet wanted: a follow-up (a chmod, the next file of a checkout) comes sooner than that.
/// Reading happens on a thread of its own; `stop()` wakes it through a pipe.
public final class DirectoryWatcher: @unchecked Sendable {
    public let roots: [String]
    let quiet: Double
    let settled: Double
    let longest: Double
    private let onChange: @Sendable ([String]) -> Void
    private var fd: Int32 = -1
    private var wake: [Int32] = [-1, -1]
    private var folders: [Int32: String] = [:]  // only touched by the reading thread after start()
    private var thread: Thread?

    /// `roots` need not exist yet: their parent folder is watched for them to appear.
    public init(roots: [String], quiet: Double = 0.01, settled: Double = 0.004, longest: Double = 0.1,
                onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.quiet = quiet
        self.settled = min(settled, quiet)
        self.longest = longest
        self.onChange = onChange
    }

    // inotify's flags, spelled out: Glibc imports some of them with types that do not mix.
    static let modify: UInt32 = 0x2, attrib: UInt32 = 0x4, closeWrite: UInt32 = 0x8
    static let movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100, delete: UInt32 = 0x200
    static let deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800, overflow: UInt32 = 0x4000
    static let ignored: UInt32 = 0x8000, isFolder: UInt32 = 0x4000_0000, onlyFolder: UInt32 = 0x0100_0000
    static let mask = modify | attrib | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf

    public func start() throws {
        fd = inotify_init1(Int32(O_CLOEXEC))
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard pipe(&wake) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for root in roots {
            let parent = (root as NSString).deletingLastPathComponent
            addWatch(parent.isEmpty ? "." : parent, mask: Self.create | Self.movedTo | Self.delete | Self.movedFrom | Self.onlyFolder)
            _ = addTree(root)
        }
        let thread = Thread { [self] in self.run() }
        thread.name = "ladder-watcher"
        self.thread = thread
        thread.start()
    }

    private let stopLock = NSLock()
    private var stopped = false

    /// Ends the reading thread. Safe to call more than once: only the first call writes to the wake-up
    /// pipe, whose descriptors the thread closes as it ends (a later write could reach a reused number).
    public func stop() {
        stopLock.lock(); defer { stopLock.unlock() }
        guard !stopped, wake[1] >= 0 else { return }
        stopped = true
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    @discardableResult
    private func addWatch(_ folder: String, mask: UInt32) -> Bool {
        let wd = inotify_add_watch(fd, folder, mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }

    /// Watches `folder` and every folder under it; returns the files found, which are new to the watcher.
    private func addTree(_ folder: String) -> [String] {
        var st = stat()
        guard lstat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, addWatch(folder, mask: Self.mask) else { return [] }
        var files: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !ContentLoader.isIgnored(fileName: name) {
            let path = folder + "/" + name
            guard lstat(path, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR { files += addTree(path) } else { files.append(path) }
        }
        return files
    }

    private func isWatched(_ path: String) -> Bool {
        roots.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    private func run() {
        var pending: [String] = []
        var burstStart = 0.0, lastEvent = 0.0, wait = quiet
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            close(fd); close(wake[0]); close(wake[1])
        }
        while true {
            var timeout: Int32 = -1
            if !pending.isEmpty {
                let now = Self.now()
                let due = min(lastEvent + wait, burstStart + longest)
                timeout = Int32(max(0, ((due - now) * 1000).rounded(.up)))
            }
            var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&polls, 2, timeout)
            if ready < 0 && errno != EINTR { return }
            if polls[1].revents != 0 { return }
            if ready > 0 && polls[0].revents != 0 {
                let count = read(fd, buffer.baseAddress, buffer.count)
                if count > 0 {
                    let (changed, saved) = parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    if !changed.isEmpty {
                        let now = Self.now()
                        if pending.isEmpty { burstStart = now }
                        lastEvent = now
                        wait = saved ? settled : quiet
                        pending += changed
                    }
                }
            }
            if !pending.isEmpty {
                let now = Self.now()
                if now >= lastEvent + wait || now >= burstStart + longest {
                    var seen = Set<String>()
                    onChange(pending.filter { seen.insert($0).inserted })
                    pending = []
                }
            }
        }
    }

    /// Decodes `struct inotify_event` records: wd, mask, cookie, len, then `len` bytes of name.
    /// Also says whether the last event ended a save: a file closed after writing, or renamed into place.
    private func parse(_ bytes: UnsafeRawBufferPointer) -> (changed: [String], saved: Bool) {
        var changed: [String] = []
        var saved = false
        var offset = 0
        while offset + 16 <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + 16)..<min(bytes.count, offset + 16 + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += 16 + length

            if mask & Self.overflow != 0 {
                // Events were lost: say every root changed; the build compares files itself.
                changed += roots
                saved = false
                continue
            }
            if mask & Self.ignored != 0 { folders[wd] = nil; continue }
            guard let folder = folders[wd], !name.isEmpty, !ContentLoader.isIgnored(fileName: name) else { continue }
            let path = folder + "/" + name
            guard isWatched(path) else { continue }
            if mask & Self.isFolder != 0 && mask & (Self.create | Self.movedTo) != 0 {
                changed += addTree(path)
            }
            changed.append(path)
            saved = mask & Self.isFolder == 0 && mask & (Self.closeWrite | Self.movedTo) != 0
        }
        return (changed, saved)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
