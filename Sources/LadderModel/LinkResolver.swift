import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Rewrites links in Markdown to output URLs and reports the ones that lead nowhere (DESIGN §4).
///
/// - `l3.md`, `../hiring/levels.md#l2`: a source page → its URL; a missing page or anchor is an error.
/// - `#impact`: an anchor on the same page; missing is an error.
/// - `img/chart.png`, `/img/x.png`: a static file or generated URL; missing is a warning.
/// - `https:`, `mailto:`, `//host`: left alone.
public struct LinkResolver: Sendable {
    public var model: SiteModel
    /// Prefix of every internal URL: `/`, or `/careers/` when the site lives in a subfolder.
    public var basePath: String
    /// Every URL the build writes (pages, levels, generated views), without the base path.
    public var knownURLs: Set<String>
    /// Every static file, as a URL path: `/img/career-tracks.svg`.
    public var staticPaths: Set<String>
    /// A level file's URL is its level's, which may differ from its path.
    private var levelURLByPage: [Int: String] = [:]
    /// The anchors of each page a link may name by its URL (`/engineering/l3/#impact`): source pages and
    /// level pages. Generated views are checked for existence only.
    private var anchorsByURL: [String: Set<String>] = [:]

    public init(model: SiteModel, basePath: String, knownURLs: Set<String>) {
        self.model = model
        self.basePath = basePath
        self.knownURLs = knownURLs
        self.staticPaths = Set(model.staticFiles.map { "/" + $0.contentPath })
        for level in model.levels where level.origin == .file { levelURLByPage[level.pageIndex] = level.url }
        anchorsByURL.reserveCapacity(model.pages.count)
        for index in model.pages.indices { anchorsByURL[levelURLByPage[index] ?? model.pages[index].url] = model.anchors[index] }
        for level in model.levels where level.origin != .file {
            anchorsByURL[level.url] = Set(level.sections.map(\.anchor))
        }
    }

    /// The URL a browser should use for an internal path (`/engineering/l3/` → `/careers/engineering/l3/`).
    public func href(_ path: String) -> String {
        basePath == "/" ? path : String(basePath.dropLast()) + path
    }

    public struct Outcome {
        public var url: String
        public var diagnostic: Diagnostic?
    }

    /// A link that leads nowhere: an error, or a warning under `links: warn`.
    private func broken(_ location: SourceLocation, _ message: String) -> Diagnostic {
        model.config.linksWarn ? .warning(location, message) : .error(location, message)
    }

    public func resolve(_ raw: String, from page: Page, pageIndex: Int, isImage: Bool, at location: SourceLocation) -> Outcome {
        if let scheme = Self.scriptingScheme(raw, isImage: isImage) {
            return Outcome(url: "", diagnostic: .warning(location,
                "\(isImage ? "image" : "link") to a '\(scheme):' URL removed (it could run code in the reader's browser)"))
        }
        if raw.isEmpty || Self.isExternal(raw) { return Outcome(url: raw) }
        // Cut by bytes: `#` and `?` are ASCII, and a link is resolved ten times a page.
        var path = Substring(raw)
        var fragment: Substring?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        var query = Substring("")
        if let q = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = path[q...]
            path = path[..<q]
        }
        let decodedPath = path.containsByte(UInt8(ascii: "%")) ? (String(path).removingPercentEncoding ?? String(path)) : String(path)

        if decodedPath.isEmpty {
            // Same-page anchor.
            if let fragment, !fragment.isEmpty, !model.anchors[pageIndex].contains(String(fragment)) {
                return Outcome(url: raw, diagnostic: broken(location, "link to missing anchor '#\(fragment)' on this page"))
            }
            return Outcome(url: raw)
        }

        if Self.hasMarkdownExtension(decodedPath) {
            let target = Self.join(base: page.source.contentPath, relative: decodedPath)
            guard let targetIndex = model.pageByContentPath[target] else {
                return Outcome(url: raw, diagnostic: broken(location, "link to missing page '\(decodedPath)' (no content/\(target))"))
            }
            // The URL alone: a whole `Page` copied per link was a third of this function's time.
            let url = levelURLByPage[targetIndex] ?? model.pages[targetIndex].url
            if let fragment, !fragment.isEmpty, !model.anchors[targetIndex].contains(String(fragment)) {
                return Outcome(url: raw, diagnostic: broken(location, "link to missing anchor '#\(fragment)' in \(decodedPath)"))
            }
            return Outcome(url: href(url) + query + (fragment.map { "#" + $0 } ?? ""))
        }

        // Anything else: a page's URL, a static file or a generated URL, relative to the source file's
        // folder. A link that spells out the base path (`/careers/engineering/`) means the same page.
        var relative = decodedPath
        if basePath != "/", relative.hasPrefix(basePath) { relative = "/" + relative.dropFirst(basePath.count) }
        let target = "/" + Self.join(base: page.source.contentPath, relative: relative)
        let asDirectory = target.hasSuffix("/") ? target : target + "/"
        let exists = staticPaths.contains(target) || knownURLs.contains(target) || knownURLs.contains(asDirectory)
            || (target.hasSuffix("/index.html") && knownURLs.contains(String(target.dropLast(10))))
        let url = href(target) + query + (fragment.map { "#" + $0 } ?? "")
        let lastPart = target.utf8.split(separator: UInt8(ascii: "/")).last ?? Substring("").utf8
        let isPageURL = target.hasSuffix("/") || !lastPart.contains(UInt8(ascii: "."))
        if !exists, isPageURL, !isImage {
            let tail = query + (fragment.map { "#" + $0 } ?? "")
            // A source file named without its extension (`./index`, `../levels/l3`), as Jekyll and GitHub
            // Pages sites write links: that file's page.
            let file = String(target.dropFirst()).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            for ext in ContentLoader.markdownExtensions {
                if let index = model.pageByContentPath[file + ext] {
                    return Outcome(url: href(levelURLByPage[index] ?? model.pages[index].url) + tail)
                }
            }
            // A link written for the site where the ladder was served under a path (`/docs/hiring/stack`
            // for `content/hiring/stack.md`): the page whose URL it ends with, said out loud.
            if relative.hasPrefix("/") {
                var parts = asDirectory.split(separator: "/")
                while parts.count > 1 {
                    parts.removeFirst()
                    let shorter = "/" + parts.joined(separator: "/") + "/"
                    if knownURLs.contains(shorter) {
                        let prefix = asDirectory.dropLast(shorter.count - 1)
                        return Outcome(url: href(shorter) + tail, diagnostic: .warning(location,
                            "link '\(decodedPath)' read as \(shorter): no page has the URL \(asDirectory), and it looks written for a site served under \(prefix) (drop that from the link)"))
                    }
                }
            }
            return Outcome(url: url, diagnostic: broken(location, "link to missing page '\(decodedPath)' (no page has the URL \(asDirectory))"))
        }
        if exists, let fragment, !fragment.isEmpty, let anchors = anchorsByURL[asDirectory], !anchors.contains(String(fragment)) {
            return Outcome(url: url, diagnostic: broken(location, "link to missing anchor '#\(fragment)' on \(asDirectory)"))
        }
        if !exists {
            let what = isImage ? "image" : "file"
            return Outcome(url: url, diagnostic: .warning(location, "link to missing \(what) '\(decodedPath)'"))
        }
        return Outcome(url: url)
    }

    /// `javascript:`, `vbscript:`, `file:` and `data:` (but for images in PNG, GIF, JPEG or WebP): the
    /// schemes cmark's safe mode empties. Checked here too because a site with `raw_html: true` renders
    /// unsafe, and as browsers read a URL: ASCII blanks and control characters anywhere in the scheme
    /// (`java\tscript:`) are ignored, and case does not matter.
    static func scriptingScheme(_ url: String, isImage: Bool) -> String? {
        guard url.containsByte(UInt8(ascii: ":")) else { return nil }
        var scheme = ""
        var hasColon = false
        for byte in url.utf8 {
            if byte <= 0x20 || byte == 0x7F { continue }
            if byte == UInt8(ascii: ":") { hasColon = true; break }
            guard scheme.utf8.count < 16 else { return nil }
            scheme.unicodeScalars.append(Unicode.Scalar(byte))
        }
        scheme = scheme.lowercased()
        guard hasColon, ["javascript", "vbscript", "file", "data"].contains(scheme) else { return nil }
        if scheme == "data", isImage {
            let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            if ["png", "gif", "jpeg", "webp"].contains(where: { compact.hasPrefix("data:image/\($0)") }) { return nil }
        }
        return scheme
    }

    /// `.md` or `.markdown`, in any case (`L3.MD`), compared as bytes.
    static func hasMarkdownExtension(_ path: String) -> Bool {
        ContentLoader.markdownExtensions.contains { suffix in
            let tail = path.utf8.suffix(suffix.utf8.count)
            return tail.count == suffix.utf8.count && zip(tail, suffix.utf8).allSatisfy { a, b in
                (a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") ? a + 32 : a) == b
            }
        }
    }

    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard url.containsByte(UInt8(ascii: ":")), let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && scheme.first!.isLetter
    }

    /// Resolves `relative` against the folder of `base` (both inside content/); `/x` is from the root.
    static func join(base: String, relative: String) -> String {
        // Bytes, not Substrings: a page resolves ten links, each a split of two paths into arrays (a
        // profile of 10,000 articles put 2 % of the build here). `/` is ASCII, so the parts are whole scalars.
        var (base, relativeCopy) = (base, relative)
        let joined = relativeCopy.withUTF8 { relative in base.withUTF8 { base in joinParts(base: base, relative: relative) } }
        return relative.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    /// The folders of `base` (its parts but the last) then `relative`'s parts, `.` skipped and `..` taking
    /// one back; empty parts dropped; joined by `/`. A `relative` starting with `/` starts from nothing.
    private static func joinParts(base: UnsafeBufferPointer<UInt8>, relative: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        typealias Part = Slice<UnsafeBufferPointer<UInt8>>
        var out: [UInt8] = []
        out.reserveCapacity(base.count + relative.count)
        var starts: [Int] = []
        func push(_ part: Part) {
            if !starts.isEmpty { out.append(slash) }
            starts.append(out.count)
            out.append(contentsOf: part)
        }
        func forEachPart(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Part) -> Void) {
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == slash {
                if i > start { body(bytes[start..<i]) }
                start = i + 1
            }
        }
        if relative.first != slash {
            var previous: Part?
            forEachPart(base) { part in
                if let previous { push(previous) }
                previous = part
            }
        }
        forEachPart(relative) { part in
            if part.count == 1, part.first == dot { return }
            if part.count == 2, part.first == dot, part.last == dot {
                if let start = starts.popLast() { out.removeSubrange(max(0, start - 1)...) }
                return
            }
            push(part)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
