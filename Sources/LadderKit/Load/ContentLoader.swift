import Foundation

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
    /// For a body Ladder wrote itself (a track given as data): the file line of each body line.
    public var lineMap: [Int]? = nil

    /// The file line of a line of `body` (1-based).
    public func fileLine(_ bodyLineNumber: Int) -> Int {
        FileLines(bodyLine: bodyLine, lineMap: lineMap).fileLine(bodyLineNumber)
    }
}

/// Maps lines of a Markdown body to lines of its file: an offset, or a table for generated bodies.
public struct FileLines: Sendable {
    public var bodyLine: Int
    public var lineMap: [Int]?

    public init(bodyLine: Int, lineMap: [Int]? = nil) {
        self.bodyLine = bodyLine
        self.lineMap = lineMap
    }

    public func fileLine(_ n: Int) -> Int {
        guard let lineMap, !lineMap.isEmpty else { return bodyLine + n - 1 }
        return lineMap[min(max(n, 1), lineMap.count) - 1]
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
}

/// Stage 1: walk `content/`, read every file, split front matter and parse it.
public struct ContentLoader {
    public var siteFolder: String
    /// Set by the preview server: unchanged files are not read and parsed again.
    public var memo: BuildMemo?
    public static let markdownExtensions = [".md", ".markdown"]

    public init(siteFolder: String) { self.siteFolder = siteFolder }

    /// How a path inside the site is shown in diagnostics.
    public func displayPath(_ relative: String) -> String {
        siteFolder == "." || siteFolder.isEmpty ? relative : (siteFolder.hasSuffix("/") ? siteFolder + relative : siteFolder + "/" + relative)
    }

    public var contentFolder: String { displayPath("content") }

    /// Names the build skips (hidden files, editor backups and swap files), so a watcher can skip them too.
    public static func isIgnored(fileName: String) -> Bool { FileWalker.isIgnored(fileName) }

    public func load() -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        var markdownFiles: [(relative: String, absolute: String)] = []
        var staticFiles: [StaticFile] = []

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(SourceLocation(path: contentFolder), "no content folder: a site keeps its Markdown pages in content/"))
            return LoadedContent(config: config, pages: [], staticFiles: [], diagnostics: diagnostics)
        }

        for file in FileWalker.files(under: contentFolder, diagnostics: &diagnostics) {
            let lower = file.relative.lowercased()
            if lower == "site.yml" || lower == "site.yaml" {
                let path = displayPath("content/" + file.relative)
                switch readText(file.absolute, displayPath: path) {
                case .success(let text):
                    do { config = try SiteConfig.parse(text, path: path) } catch { diagnostics.append(error) }
                case .failure(let error): diagnostics.append(error)
                }
            } else if Self.markdownExtensions.contains(where: { lower.hasSuffix($0) }) {
                markdownFiles.append(file)
            } else {
                staticFiles.append(StaticFile(contentPath: file.relative, absolutePath: file.absolute))
            }
        }

        // Reading and parsing front matter is independent per file: spread it over all cores.
        // With a memo, files whose signature is unchanged come from it in one pass; only the others are
        // read and parsed.
        let known = memo?.unchangedPages(at: markdownFiles.map(\.absolute)) ?? Array(repeating: nil, count: markdownFiles.count)
        let results = Array(markdownFiles.indices).parallelMap { index -> Result<PageSource, Diagnostic> in
            if let page = known[index] { return page }
            let file = markdownFiles[index]
            let path = displayPath("content/" + file.relative)
            let parse = { (text: String) in
                Result { () throws(Diagnostic) -> PageSource in
                    try Self.parsePage(text: text, displayPath: path, contentPath: file.relative)
                }
            }
            guard let memo else { return readText(file.absolute, displayPath: path).flatMap(parse) }
            return memo.page(at: file.absolute) {
                guard let data = FileManager.default.contents(atPath: file.absolute) else {
                    return (.failure(.error(SourceLocation(path: path), "cannot read file")), ContentHash.of(Data()))
                }
                return (UTF8Validation.decode(data, displayPath: path).flatMap(parse), ContentHash.of(data))
            }
        }
        var pages: [PageSource] = []
        for result in results {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error): diagnostics.append(error)
            }
        }
        return LoadedContent(config: config, pages: pages, staticFiles: staticFiles, diagnostics: diagnostics)
    }

    /// Splits and parses one page; pure, so tests and the preview server can call it on any text.
    public static func parsePage(text: String, displayPath: String, contentPath: String) throws(Diagnostic) -> PageSource {
        let parts = FrontMatterSplitter.split(text)
        if parts.unclosed {
            throw .error(SourceLocation(path: displayPath), "front matter opened with '---' is never closed")
        }
        var frontMatter = FrontMatter(location: SourceLocation(path: displayPath))
        if let yaml = parts.yaml {
            frontMatter.map = try YAMLReader(path: displayPath, firstLine: 2).readMapping(String(yaml))
        }
        return PageSource(displayPath: displayPath, contentPath: contentPath, frontMatter: frontMatter,
                          body: String(parts.body), bodyLine: parts.bodyLine)
    }

    func readText(_ absolute: String, displayPath: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: absolute) else {
            return .failure(.error(SourceLocation(path: displayPath), "cannot read file"))
        }
        return UTF8Validation.decode(data, displayPath: displayPath)
    }
}

/// Text files must be UTF-8; the error points at the first bad byte.
enum UTF8Validation {
    static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        if let text = String(validating: data, as: UTF8.self) { return .success(text) }
        // Find the first invalid sequence to report its line and column.
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return .failure(.error(SourceLocation(path: displayPath, line: line, column: column), "file is not valid UTF-8"))
    }
}

/// Recursive directory listing in a stable order. Symbolic links to folders are not followed (they can
/// loop); hidden files and editor leftovers are skipped.
enum FileWalker {
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#")
    }

    static func files(under root: String, diagnostics: inout [Diagnostic]) -> [(relative: String, absolute: String)] {
        var out: [(String, String)] = []
        walk(root, relative: "", into: &out, diagnostics: &diagnostics)
        return out
    }

    /// The entries of a folder (without `.` and `..`), read with readdir: the preview server lists
    /// every folder on every rebuild, and Foundation's listing costs several times more.
    static func names(in folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func walk(_ folder: String, relative: String, into out: inout [(String, String)], diagnostics: inout [Diagnostic]) {
        guard let names = names(in: folder) else { return }
        for name in names.sorted() where !isIgnored(name) {
            let absolute = folder + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(absolute, &st) == 0 else { continue }
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(absolute, relative: rel, into: &out, diagnostics: &diagnostics)
            } else if type == S_IFREG {
                out.append((rel, absolute))
            } else if type == S_IFLNK {
                var target = stat()
                if stat(absolute, &target) == 0, target.st_mode & S_IFMT == S_IFREG {
                    out.append((rel, absolute))
                } else {
                    diagnostics.append(.warning(SourceLocation(path: absolute), "skipped symbolic link (to a folder, or broken)"))
                }
            }
        }
    }
}
