import Foundation
import LadderCore
import LadderGenerate
import LadderLoad

/// Maps a request target to a file of the site, refusing anything that could name a path outside it.
///
/// The snapshot is a dictionary of output paths, so nothing here can touch the disk; the rules still
/// refuse, rather than normalise, every suspicious form, so a served URL means one thing only:
/// `..` or `.` segments (plain or percent-encoded), encoded slashes and backslashes, empty segments
/// (`//etc/passwd`), NUL and control bytes, and malformed percent escapes.
public enum RequestPath {
    /// The decoded path inside the site without its leading `/` (`engineering/l3/`), or nil when the
    /// target must be answered with 404. `basePath` (`/careers/`) is removed first.
    public static func sitePath(target: String, basePath: String = "/") -> String? {
        var path = Substring(target)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard path.hasPrefix("/") else { return nil }
        let lowered = path.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") || path.contains("\\") { return nil }
        guard let decoded = String(path).removingPercentEncoding else { return nil }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" || $0 == "\\" }) { return nil }
        guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return nil }
        let inside = decoded.count < basePath.count ? "" : String(decoded.dropFirst(basePath.count))
        if inside.isEmpty { return "" }
        let segments = inside.split(separator: "/", omittingEmptySubsequences: false)
        for (i, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return nil }
            // Only the last segment may be empty (a trailing slash).
            if segment.isEmpty && i != segments.count - 1 { return nil }
        }
        return inside
    }

    /// Content type by file extension.
    public static func contentType(of path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "xml": return "application/xml"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }
}
