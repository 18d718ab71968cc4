import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Deletes a folder and everything below it with the system calls themselves, on every core: a folder's
/// entries are read once (`readdir`) and unlinked by name relative to an open folder (`unlinkat`), and the
/// first level's subfolders are shared out between threads. `FileManager.removeItem` took 284 ms for the
/// 11,000 files of a 10,000-page site, most of it building paths and stat-ing every entry. A symbolic link
/// is removed, never followed (folders are opened with `O_NOFOLLOW`). Whatever cannot be removed this way
/// is left to `FileManager`, which reports nothing either: the caller removes a folder it no longer needs.
public enum TreeRemoval {
    public static func remove(_ path: String) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        // The first level: files go at once, subfolders to the threads.
        var subfolders: [String] = []
        forEachEntry(of: folder) { name, isFolder in
            if isFolder {
                subfolders.append(String(cString: name))
            } else {
                _ = unlinkat(folder, name, 0)
            }
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, subfolders.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: subfolders.count, by: workers) {
                removeFolder(named: subfolders[index], in: folder)
            }
        }
        close(folder)
        if rmdir(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes the folder `name` inside the open folder `parent`, and all it holds.
    private static func removeFolder(named name: UnsafePointer<CChar>, in parent: Int32) {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder < 0 {
            // A symbolic link or a file after all (it changed, or the type was guessed): unlink it.
            _ = unlinkat(parent, name, 0)
            return
        }
        forEachEntry(of: folder) { entry, isFolder in
            if isFolder {
                removeFolder(named: entry, in: folder)
            } else {
                _ = unlinkat(folder, entry, 0)
            }
        }
        close(folder)
        _ = unlinkat(parent, name, AT_REMOVEDIR)
    }

    private static func removeFolder(named name: String, in parent: Int32) {
        name.withCString { removeFolder(named: $0, in: parent) }
    }

    /// Calls `body` with each entry's name (not `.` or `..`) and whether it is a folder, then closes the
    /// listing; `folder` stays open. The names are read in full before any is removed.
    private static func forEachEntry(of folder: Int32, _ body: (UnsafePointer<CChar>, Bool) -> Void) {
        let listing = dup(folder)
        guard listing >= 0, let stream = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        var entries: [(name: [CChar], isFolder: Bool)] = []
        while let entry = readdir(stream) {
            var isFolder = false
            let name: [CChar] = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { chars in
                    Array(UnsafeBufferPointer(start: chars, count: strlen(chars) + 1))
                }
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }   // `.` and `..`
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_UNKNOWN):
                var info = stat()
                isFolder = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            default: isFolder = false
            }
            entries.append((name, isFolder))
        }
        closedir(stream)
        for entry in entries { entry.name.withUnsafeBufferPointer { body($0.baseAddress!, entry.isFolder) } }
    }
}
