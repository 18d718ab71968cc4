import Foundation
import Hummingbird
import LadderCore
import LadderGenerate
import LadderLoad

/// Answers every request from the current snapshot: the event stream, files with their content type,
/// pretty URLs (`/x/` → `x/index.html`; `/x` → redirect to `/x/`), and the site's 404 page. HTML gets the
/// live-reload script (and the error overlay while the latest build has failed).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: PreviewServer

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        if target == LiveReload.eventsPath || target.hasPrefix(LiveReload.eventsPath + "?") {
            return events()
        }
        let bare = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if bare == LiveReload.scriptPath { return own(LiveReload.scriptSource, type: "text/javascript; charset=utf-8", head: request.method == .head) }
        if bare == LiveReload.stylePath { return own(LiveReload.overlayStyle, type: "text/css; charset=utf-8", head: request.method == .head) }
        let snapshot = server.store.current
        let base = server.servedBasePath
        let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
        guard let inside = RequestPath.sitePath(target: target, basePath: base) else {
            // The site root without its base path (`/` for a site at `/careers/`) leads to the site.
            if base != "/", target == "/" || target.hasPrefix("/?") { return redirect(to: base + query) }
            return notFound(snapshot, head: request.method == .head)
        }
        let path = inside.isEmpty || inside.hasSuffix("/") ? inside + "index.html" : inside
        let rawPath = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        // A folder without its slash (`/x/l3`, or the base path `/careers`) redirects to it with the slash,
        // so relative links in the page resolve as they will when published.
        if !rawPath.hasSuffix("/"), inside.isEmpty || (snapshot.files[path] == nil && snapshot.files[inside + "/index.html"] != nil) {
            return redirect(to: rawPath + "/" + query)
        }
        guard let bytes = snapshot.files[path] else { return notFound(snapshot, head: request.method == .head) }
        return file(path, bytes, snapshot: snapshot, status: .ok, head: request.method == .head)
    }

    func file(_ path: String, _ bytes: Data, snapshot: SiteSnapshot, status: HTTPResponse.Status, head: Bool) -> Response {
        let type = RequestPath.contentType(of: path)
        var body = bytes
        if type.hasPrefix("text/html") {
            body = LiveReload.inject(into: bytes, version: snapshot.version, failure: snapshot.failure, words: snapshot.words)
        }
        let headers: HTTPFields = [
            .contentType: type,
            .contentLength: String(body.count),
            // A preview must never be served from a cache after an edit.
            .cacheControl: "no-store",
            .contentSecurityPolicy: LiveReload.contentSecurityPolicy,
        ]
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The server's own files (the live-reload script and the overlay's stylesheet).
    func own(_ text: String, type: String, head: Bool) -> Response {
        let headers: HTTPFields = [
            .contentType: type, .contentLength: String(text.utf8.count), .cacheControl: "no-store",
            .contentSecurityPolicy: LiveReload.contentSecurityPolicy,
        ]
        return Response(status: .ok, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    func notFound(_ snapshot: SiteSnapshot, head: Bool) -> Response {
        // No good build yet: every URL shows the errors, and reloads once they are fixed.
        if snapshot.files.isEmpty, snapshot.failure != nil {
            let page = Data("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(HTML.escape(snapshot.words.label))</title></head><body></body></html>\n".utf8)
            return file("index.html", page, snapshot: snapshot, status: .serviceUnavailable, head: head)
        }
        if let page = snapshot.files["404.html"] {
            return file("404.html", page, snapshot: snapshot, status: .notFound, head: head)
        }
        return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
                                                     .contentSecurityPolicy: LiveReload.contentSecurityPolicy],
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
    }

    func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The event stream: `hello` with the current build's version first, then every event until the
    /// client leaves or the server stops.
    func events() -> Response {
        let version = server.store.current.version
        let stream = server.hub.subscribe(first: "retry: 1000\n" + ServerEvent(name: "hello", data: "\(version)").wireFormat)
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await chunk in stream {
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        })
    }
}
