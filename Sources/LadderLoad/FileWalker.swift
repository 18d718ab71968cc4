import Foundation
import LadderCore

/// Recursive directory listing in a stable order. Symbolic links to folders are not followed (they can
/// loop); hidden files and editor leftovers are skipped.
package enum FileWalker {
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#")
    }

    package static func files(under root: String, diagnostics: inout [Diagnostic]) -> [(relative: String, absolute: String)] {
        var external: [(relative: String, absolute: String, target: String)] = []
        let found = files(under: root, external: &external, diagnostics: &diagnostics)
        for link in external { diagnostics.append(externalLinkWarning(link)) }
        return found
    }

    /// Files under `root`; symbolic links whose target lies outside the site folder (the parent of
    /// `root`) go to `external` instead, unfollowed: a site built from someone else's pull request must not
    /// publish the build machine's files (`content/leak.txt -> /etc/passwd`).
    static func files(under root: String, external: inout [(relative: String, absolute: String, target: String)],
                      diagnostics: inout [Diagnostic]) -> [(relative: String, absolute: String)] {
        var out: [(String, String)] = []
        let site = realPath(root).map { ($0 as NSString).deletingLastPathComponent } ?? root
        walk(root, relative: "", site: site, into: &out, external: &external, diagnostics: &diagnostics)
        return out
    }

    static func externalLinkWarning(_ link: (relative: String, absolute: String, target: String)) -> Diagnostic {
        .warning(SourceLocation(path: link.absolute),
                 "symbolic link to \(link.target), outside the site, is not followed (set 'follow_external_symlinks: true' in site.yml to publish what it points to)")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The entries of a folder (without `.` and `..`), read with readdir: the preview server lists
    /// every folder on every rebuild, and Foundation's listing costs several times more.
    static func names(in folder: String) -> [String]? {
        entries(in: folder)?.map(\.name)
    }

    /// The entries of a folder with the type readdir gives (`DT_REG`, `DT_DIR`, `DT_LNK`; `DT_UNKNOWN` on
    /// file systems that do not say), so the walk need not stat each file to tell files from folders.
    static func entries(in folder: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }

    private static func walk(_ folder: String, relative: String, site: String, into out: inout [(String, String)],
                             external: inout [(relative: String, absolute: String, target: String)], diagnostics: inout [Diagnostic]) {
        guard let entries = entries(in: folder) else {
            // A folder the build cannot list would lose every page in it without a word.
            diagnostics.append(.error(.whole(folder), "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        for (name, entryType) in entries.sorted(by: { $0.name < $1.name }) where !isIgnored(name) {
            let absolute = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            let type: mode_t
            switch Int32(entryType) {
            case Int32(DT_REG): type = S_IFREG
            case Int32(DT_DIR): type = S_IFDIR
            default:
                var st = stat()
                guard lstat(absolute, &st) == 0 else {
                    diagnostics.append(.error(SourceLocation(path: absolute), "cannot read file: \(String(cString: strerror(errno)))"))
                    continue
                }
                type = st.st_mode & S_IFMT
            }
            if type == S_IFDIR {
                walk(absolute, relative: rel, site: site, into: &out, external: &external, diagnostics: &diagnostics)
            } else if type == S_IFREG {
                // A Markdown file is read in the load stage, on every core, which says why it cannot be:
                // asked here too, one file after another, it was a tenth of a 10,000-page site's load.
                if !ContentLoader.isMarkdown(name), let problem = unreadable(absolute) { diagnostics.append(problem) } else { out.append((rel, absolute)) }
            } else if type == S_IFLNK {
                var target = stat()
                let followed = stat(absolute, &target) == 0
                let failure = followed ? 0 : errno
                if followed, target.st_mode & S_IFMT == S_IFREG {
                    let resolved = realPath(absolute) ?? absolute
                    if !resolved.hasPrefix(site + "/") {
                        external.append((rel, absolute, resolved))
                    } else if let problem = unreadable(absolute) {
                        diagnostics.append(problem)
                    } else {
                        out.append((rel, absolute))
                    }
                } else if failure == ELOOP {
                    // Unlike a link to a folder (skipped on purpose), a loop is a file that was meant to be there.
                    diagnostics.append(.error(SourceLocation(path: absolute), "symbolic link loop: \(linkChain(from: absolute)); point the link at a real file"))
                } else {
                    diagnostics.append(.warning(SourceLocation(path: absolute), "skipped symbolic link (to a folder, or broken)"))
                }
            }
        }
    }

    /// A file that exists but cannot be opened (permissions), as an error at its path.
    private static func unreadable(_ path: String) -> Diagnostic? {
        guard access(path, R_OK) != 0 else { return nil }
        return .error(SourceLocation(path: path), "cannot read file: \(String(cString: strerror(errno)))")
    }

    /// `a.md -> b.md -> a.md`: the targets of a looping link until one repeats.
    private static func linkChain(from path: String) -> String {
        var chain = [(path as NSString).lastPathComponent]
        var current = path
        var seen: Set<String> = [current]
        while chain.count < 10, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) {
            chain.append(target)
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
            current = (current as NSString).standardizingPath
            if !seen.insert(current).inserted { break }
        }
        return chain.joined(separator: " -> ")
    }
}
