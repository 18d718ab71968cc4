import Foundation
import LadderCore

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

    /// Whether a file name or path is a Markdown page's, by its extension in any case.
    public static func isMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return markdownExtensions.contains { lower.hasSuffix($0) }
    }

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
            } else if Self.isMarkdown(lower) {
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

    /// With the system calls themselves (FileManager's took twice as long for a page); a file that cannot
    /// be read is an error at its path saying why.
    func read(_ absolute: String, displayPath: String) -> Result<Data, Diagnostic> {
        func failure() -> Result<Data, Diagnostic> {
            .failure(.error(SourceLocation(path: displayPath), "cannot read file: \(String(cString: strerror(errno)))"))
        }
        let fd = open(absolute, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return failure() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure() }
        // The size is a hint: a file that grows while read is read to its end (the byte of room beyond
        // it is where the read that finds the end goes).
        var data = Data(count: max(0, Int(info.st_size)) + 1)
        var length = 0
        while true {
            if length == data.count { data.count += max(4_096, data.count) }
            let n = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + length, $0.count - length) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return failure() }
            if n == 0 { break }
            length += n
        }
        data.count = length
        return .success(data)
    }
}
