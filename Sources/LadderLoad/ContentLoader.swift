import Foundation
import LadderCore

/// One Markdown file, split and with its front matter parsed; the body is not rendered yet.
public struct PageSource: Sendable {
    /// Path for diagnostics, e.g. `content/engineering/l3.md`.
    public var displayPath: String
    /// Path inside `content/`, with `/` separators: `engineering/l3.md`.
    public var contentPath: String
    public var frontMatter: FrontMatter
    public var body: String
    /// Line of the file on which `body` starts, so Markdown positions map back to the file.
    public var bodyLine: Int
    /// For a body Ladder wrote itself (a folder of competency pages, a pasted page): the file line of each body line.
    public var lineMap: [Int]? = nil
    /// For a body Ladder wrote itself: the id of each level heading, when the data names its levels by id.
    public var levelIDs: [String]? = nil
    /// Set by the model stage when the page is part of a ladder found in its folder as a whole.
    public var folderLadder: FolderLadderNote? = nil
    /// Set by the model stage on the page of a track read from a folder of competency pages.
    public var competencyPages: CompetencyPagesReading? = nil
    /// Set by the model stage for a `README.md` in a folder with no `index.md`: it is the folder's index
    /// page (as GitHub shows it), at the folder's URL.
    public var isFolderIndex = false
    /// A JSON or YAML file whose arrays may hold a ladder (roles and skills): a page only if recognition
    /// reads one in it; the file itself is published as it is either way.
    public var isDataCandidate = false

    /// The file line of a line of `body` (1-based).
    public func fileLine(_ bodyLineNumber: Int) -> Int {
        FileLines(bodyLine: bodyLine, lineMap: lineMap).fileLine(bodyLineNumber)
    }
}

extension PageSource {
    /// A page Ladder makes itself (the track of a folder of competency pages that has no index page).
    public init(displayPath: String, contentPath: String, frontMatter: FrontMatter, body: String, bodyLine: Int,
                lineMap: [Int]? = nil) {
        self.init(displayPath: displayPath, contentPath: contentPath, frontMatter: frontMatter, body: body,
                  bodyLine: bodyLine, lineMap: lineMap, levelIDs: nil)
    }
}

/// What a page is in a ladder found in its folder (a folder of level pages or of competency pages),
/// decided by the model stage from the folder's pages together and carried with the page, so that
/// each page is still interpreted on its own and a build that reuses pages sees when it changed.
public struct FolderLadderNote: Sendable, Hashable {
    public enum Role: String, Sendable {
        /// One level of the track: a page of a folder of level pages.
        case level
        /// The folder's `_index.md` or `index.md`: the track's introduction.
        case intro
        /// The track page Ladder wrote from a folder of competency pages.
        case track
        /// One competency page: it stays a plain page, and its sections are the track's.
        case competency
    }

    public var role: Role
    /// The folder as shown in messages: `content/engineering/`.
    public var folder: String
    public var trackID: String
    /// The folder's URL, where the track lives: `/engineering/`.
    public var trackURL: String
    /// For a level page: its id and place in the track.
    public var levelID: String?
    public var order: Int?
    /// How the levels were written, for the line `ladder build` prints: "its level pages".
    public var origin: String

    public init(role: Role, folder: String, trackID: String, trackURL: String, levelID: String? = nil,
                order: Int? = nil, origin: String) {
        (self.role, self.folder, self.trackID, self.trackURL) = (role, folder, trackID, trackURL)
        (self.levelID, self.order, self.origin) = (levelID, order, origin)
    }
}

/// A file under `content/` that is not Markdown: copied through as is.
public struct StaticFile: Sendable, Hashable {
    public var contentPath: String
    public var absolutePath: String
}

/// Everything read from a site folder.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var pages: [PageSource]
    public var staticFiles: [StaticFile]
    public var diagnostics: [Diagnostic]

    public init(config: SiteConfig, pages: [PageSource], staticFiles: [StaticFile], diagnostics: [Diagnostic]) {
        self.config = config
        self.pages = pages
        self.staticFiles = staticFiles
        self.diagnostics = diagnostics
    }
}

/// A Markdown file found under `content/`, not yet read.
package struct MarkdownFile: Sendable {
    /// Path inside `content/`: `engineering/l3.md`.
    package var contentPath: String
    /// Path on disk, as the loader spells it (the site folder, `/content/`, the file).
    package var absolutePath: String
    /// Path for diagnostics: `content/engineering/l3.md`.
    package var displayPath: String
}

/// What a walk of `content/` finds: the settings, the Markdown files to read and the static files.
package struct ContentListing: Sendable {
    package var config = SiteConfig()
    package var markdownFiles: [MarkdownFile] = []
    package var staticFiles: [StaticFile] = []
    /// YAML files that hold a ladder (a job family): pages whose front matter is the whole file.
    package var dataPages: [PageSource] = []
    package var diagnostics: [Diagnostic] = []
}

/// Stage 1: walk `content/`, read every file, split front matter and parse it. Each step is a function
/// of its input alone (`list`, then `read` and `parse` per file), so the build driver can reuse a file's
/// last result while the file is unchanged.
public struct ContentLoader {
    public var siteFolder: String
    public static let markdownExtensions = [".md", ".markdown"]

    public init(siteFolder: String) { self.siteFolder = siteFolder }

    /// How a path inside the site is shown in diagnostics.
    public func displayPath(_ relative: String) -> String {
        siteFolder == "." || siteFolder.isEmpty ? relative : (siteFolder.hasSuffix("/") ? siteFolder + relative : siteFolder + "/" + relative)
    }

    public var contentFolder: String { displayPath("content") }

    /// Names the build skips (hidden files, editor backups and swap files), so a watcher can skip them too.
    public static func isIgnored(fileName: String) -> Bool { FileWalker.isIgnored(fileName) }

    /// Every page of the site, read and parsed (the whole stage at once, for callers that keep nothing).
    public func load() -> LoadedContent {
        let listing = list()
        var diagnostics = listing.diagnostics
        var pages: [PageSource] = []
        for result in listing.markdownFiles.parallelMap({ file in read(file).flatMap { Self.parse($0, file: file) } }) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error): diagnostics.append(error)
            }
        }
        return LoadedContent(config: listing.config, pages: pages + listing.dataPages, staticFiles: listing.staticFiles, diagnostics: diagnostics)
    }

    /// Walks `content/`: reads `site.yml` and sorts the other files into Markdown pages and static files.
    package func list() -> ContentListing {
        var listing = ContentListing()
        var isDirectory: ObjCBool = false
        let site = siteFolder.isEmpty ? "." : siteFolder
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            listing.diagnostics.append(.error(.whole(site), "no such folder: give the site folder, which holds content/ (or run 'ladder build' inside it)"))
            return listing
        }
        guard FileManager.default.fileExists(atPath: contentFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            listing.diagnostics.append(.error(.whole(contentFolder), "no content folder: a site keeps its Markdown pages in content/"))
            return listing
        }
        var external: [(relative: String, absolute: String, target: String)] = []
        var files = FileWalker.files(under: contentFolder, external: &external, diagnostics: &listing.diagnostics)
        // Whether links out of the site are followed is a setting, known once site.yml is read.
        if !external.isEmpty, let settings = files.first(where: { ["site.yml", "site.yaml"].contains($0.relative.lowercased()) }),
           let data = FileManager.default.contents(atPath: settings.absolute),
           case .success(let text) = UTF8Validation.decode(data, displayPath: settings.relative),
           (try? SiteConfig.parse(text, path: settings.relative))?.followExternalSymlinks == true {
            files += external.map { ($0.relative, $0.absolute) }
        } else {
            listing.diagnostics += external.map(FileWalker.externalLinkWarning)
        }
        for file in files {
            let lower = file.relative.lowercased()
            let path = displayPath("content/" + file.relative)
            if lower == "site.yml" || lower == "site.yaml" {
                switch read(file.absolute, displayPath: path).flatMap({ UTF8Validation.decode($0, displayPath: path) }) {
                case .success(let text):
                    do {
                        listing.config = try SiteConfig.parse(text, path: path)
                        listing.diagnostics += listing.config.warnings
                    } catch { listing.diagnostics.append(error) }
                case .failure(let error): listing.diagnostics.append(error)
                }
            } else if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml"), let page = Self.ladderData(file.absolute, contentPath: file.relative, displayPath: path) {
                listing.dataPages.append(page)
            } else if Self.markdownExtensions.contains(where: { lower.hasSuffix($0) }) {
                listing.markdownFiles.append(MarkdownFile(contentPath: file.relative, absolutePath: file.absolute, displayPath: path))
            } else {
                listing.staticFiles.append(StaticFile(contentPath: file.relative, absolutePath: file.absolute))
                if lower.hasSuffix(".json") || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
                    || Self.isScript(lower),
                   let page = Self.dataCandidate(file.absolute, contentPath: file.relative, displayPath: path) {
                    listing.dataPages.append(page)
                }
            }
        }
        return listing
    }

    /// JavaScript or TypeScript, whose literals may hold a ladder app's data (`ScriptData`).
    static func isScript(_ lower: String) -> Bool {
        lower.hasSuffix(".js") || lower.hasSuffix(".mjs") || lower.hasSuffix(".cjs") || (lower.hasSuffix(".ts") && !lower.hasSuffix(".d.ts"))
    }

    static func isSpreadsheet(_ contentPath: String) -> Bool {
        let lower = contentPath.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }

    /// A JSON or YAML file (or a spreadsheet saved as CSV or TSV, its rows as records) whose top level is a map holding a list of maps (roles, levels, skills…) or a map
    /// of two maps at least (skills keyed by level), for recognition to read; nil for anything else, which
    /// stays a static file only.
    static func dataCandidate(_ absolute: String, contentPath: String, displayPath: String) -> PageSource? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
              let size = attributes[.size] as? Int, size < 32 << 20,
              let data = FileManager.default.contents(atPath: absolute),
              case .success(let text) = UTF8Validation.decode(data, displayPath: displayPath),
              let map = Self.isSpreadsheet(contentPath) ? CSVTable.records(text, tabs: contentPath.lowercased().hasSuffix(".tsv"), path: displayPath)
                : Self.isScript(contentPath.lowercased()) ? (text.containsBytes("const ") || text.containsBytes("var ") ? ScriptData.map(text, path: displayPath) : nil)
                : text.containsByte(UInt8(ascii: "{")) || text.containsByte(UInt8(ascii: ":")) ? try? YAMLReader(path: displayPath).readMapping(text) : nil
        else { return nil }
        func holdsRecords(_ value: YAMLValue, depth: Int) -> Bool {
            switch value {
            case .list(let items): return items.count >= 2 && items.allSatisfy { if case .map = $0 { true } else { false } }
            case .map(let inner) where depth < 2:
                return inner.entries.count { if case .map = $0.value { true } else { false } } >= 2
                    || inner.entries.contains { holdsRecords($0.value, depth: depth + 1) }
            default: return false
            }
        }
        // Or a record of its own with three text fields or more (one competency of a folder of them, keyed by level).
        let fields = map.entries.count { if case .string = $0.value { true } else if case .map = $0.value { true } else { false } }
        guard holdsRecords(.map(map), depth: -1) || fields >= 3 else { return nil }
        var source = PageSource(displayPath: displayPath, contentPath: contentPath,
                                frontMatter: FrontMatter(map: map, location: SourceLocation(path: displayPath)), body: "", bodyLine: 1)
        source.isDataCandidate = true
        return source
    }

    /// A YAML file whose top level has `levels` and `competencies` lists (a job family, as the Financial
    /// Times keeps them) as a page with no body; nil for any other YAML file, which stays a static file.
    static func ladderData(_ absolute: String, contentPath: String, displayPath: String) -> PageSource? {
        guard let data = FileManager.default.contents(atPath: absolute),
              case .success(let text) = UTF8Validation.decode(data, displayPath: displayPath),
              let map = try? YAMLReader(path: displayPath).readMapping(text),
              case .list? = map["levels"], case .list? = map["competencies"] else { return nil }
        return PageSource(displayPath: displayPath, contentPath: contentPath,
                          frontMatter: FrontMatter(map: map, location: SourceLocation(path: displayPath)),
                          body: "", bodyLine: 1)
    }

    /// The bytes of one Markdown file.
    package func read(_ file: MarkdownFile) -> Result<Data, Diagnostic> {
        read(file.absolutePath, displayPath: file.displayPath)
    }

    /// One page from its file's bytes: decoded as UTF-8, front matter split and parsed.
    package static func parse(_ data: Data, file: MarkdownFile) -> Result<PageSource, Diagnostic> {
        UTF8Validation.decode(data, displayPath: file.displayPath).flatMap { text in
            Result { () throws(Diagnostic) -> PageSource in
                try parsePage(text: text, displayPath: file.displayPath, contentPath: file.contentPath)
            }
        }
    }

    /// Splits and parses one page; pure, so tests and the preview server can call it on any text.
    public static func parsePage(text: String, displayPath: String, contentPath: String) throws(Diagnostic) -> PageSource {
        let parts = FrontMatterSplitter.split(text)
        if parts.unclosed {
            throw .error(SourceLocation(path: displayPath), "front matter opened with '---' is never closed")
        }
        var frontMatter = FrontMatter(location: SourceLocation(path: displayPath))
        if let yaml = parts.yaml {
            do {
                frontMatter.map = try YAMLReader(path: displayPath, firstLine: 2).readMapping(String(yaml))
            } catch {
                // `title: "{{ replace .Name "-" " " }}"`: a template for new pages (a Hugo archetype, a
                // Jekyll snippet) kept beside the content is not a page, and not a broken one either.
                guard yaml.contains("{{") || yaml.contains("{%") else { throw error }
                throw .warning(error.location, "front matter that is a template ({{ … }} placeholders), not YAML: "
                               + "skipped as a template for pages, not a page; move it out of content/ to silence this")
            }
        }
        return PageSource(displayPath: displayPath, contentPath: contentPath, frontMatter: frontMatter,
                          body: String(parts.body), bodyLine: parts.bodyLine)
    }

    func read(_ absolute: String, displayPath: String) -> Result<Data, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: absolute) else {
            return .failure(.error(SourceLocation(path: displayPath), "cannot read file"))
        }
        return .success(data)
    }
}

/// Text files must be UTF-8; the error points at the first bad byte.
package enum UTF8Validation {
    /// The file's text with every line ending made `\n`: a file saved on Windows (CRLF), an old Mac one
    /// (CR) or a mix of them reads exactly like its LF twin, every line and column the same. (Swift keeps
    /// `\r\n` as one Character, so without this nothing that looks for `\n` would see a CRLF line end.)
    package static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        let data = LineEndings.normalized(data)
        if let text = String(validating: data, as: UTF8.self) {
            // NUL is valid UTF-8, but no text editor writes it: the file is binary, or damaged, and cmark
            // would quietly turn it into U+FFFD.
            guard data.containsByte(0) else { return .success(text) }
            return .failure(.error(firstStop(in: data, displayPath: displayPath, atNUL: true),
                                   "file contains a NUL byte (is it a binary file named like a page?)"))
        }
        return .failure(.error(firstStop(in: data, displayPath: displayPath, atNUL: false), "file is not valid UTF-8"))
    }

    /// The line and column of the first invalid sequence (or the first NUL).
    private static func firstStop(in data: Data, displayPath: String, atNUL: Bool) -> SourceLocation {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if atNUL && scalar == "\0" { break loop }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return SourceLocation(path: displayPath, line: line, column: column)
    }
}

/// CRLF and lone CR line endings, as LF.
package enum LineEndings {
    package static func normalized(_ data: Data) -> Data {
        guard data.containsByte(13) else { return data }
        var out = Data()
        out.reserveCapacity(data.count)
        var previousWasCR = false
        for byte in data {
            if byte == 13 {
                out.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            out.append(byte)
        }
        return out
    }
}

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
                if let problem = unreadable(absolute) { diagnostics.append(problem) } else { out.append((rel, absolute)) }
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
