import Foundation
import LadderCore
import LadderGenerate
import LadderLoad

/// What the preview server adds to the HTML it serves (never to `ladder build` output): a script that
/// listens to `/__ladder/events`, and, while the latest build has failed, an overlay naming each error.
public enum LiveReload {
    public static let eventsPath = "/__ladder/events"
    /// Marks the start and end of what was added, so tests (and curious readers) can tell it apart.
    public static let beginMarker = "<!-- ladder serve: live reload -->"
    public static let endMarker = "<!-- /ladder serve -->"

    /// The page with the script (and the overlay) added before `</body>`, or at the end when the page
    /// has no `</body>`: browsers run a trailing script even on a page without `<head>` or `<body>`.
    public static func inject(into html: Data, version: Int, failure: BuildFailure?, words: ServeWords = ServeWords()) -> Data {
        var addition = beginMarker
        if let failure { addition += overlay(failure, words: words) }
        addition += script(version: version)
        addition += endMarker
        let bytes = [UInt8](html)
        let insertAt = lastBodyClose(in: bytes) ?? bytes.count
        var out = Data(capacity: bytes.count + addition.utf8.count)
        out.append(contentsOf: bytes[..<insertAt])
        out.append(contentsOf: Array(addition.utf8))
        out.append(contentsOf: bytes[insertAt...])
        return out
    }

    /// Offset of the last `</body` (any case).
    static func lastBodyClose(in bytes: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            var match = true
            for (k, c) in needle.enumerated() {
                var b = bytes[i + k]
                if b >= 65 && b <= 90 { b += 32 }
                if b != c { match = false; break }
            }
            if match { return i }
            i -= 1
        }
        return nil
    }

    /// Where the script and the overlay's stylesheet are served: files, not inline code, so that the
    /// theme's Content-Security-Policy (`script-src 'self'; style-src 'self'`) lets them run.
    public static let scriptPath = "/__ladder/live.js"
    public static let stylePath = "/__ladder/overlay.css"

    /// The policy `serve` sends with every response: the default theme's, from its `<meta>`.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'"

    /// Every error of the failed build, escaped, in a fixed box above the page.
    static func overlay(_ failure: BuildFailure, words: ServeWords) -> String {
        var rows = ""
        for d in failure.errors {
            rows += "<li><code>\(HTML.escape(d.location.path)):\(d.location.line):\(d.location.column)</code> "
                + "<span>\(HTML.escape(d.message))</span></li>"
        }
        return """
        <link rel="stylesheet" href="\(stylePath)" data-ladder-overlay>\
        <div id="ladder-overlay" role="alertdialog" aria-label="\(HTML.escape(words.label))">\
        <h2>\(HTML.escape(words.failed))</h2>\
        <ul>\(rows)</ul>\
        <p>\(HTML.escape(words.note))</p></div>
        """
    }

    static let overlayStyle = """
        #ladder-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);\
        color:#f5f5f5;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem}
        #ladder-overlay h2{color:#ff7b72;margin:0 0 1rem;font-size:1.2rem}
        #ladder-overlay ul{margin:0;padding-left:1.2rem}
        #ladder-overlay p{opacity:.7}

        """

    /// The tag that loads the script; the build it was served with rides along as `data-version`.
    static func script(version: Int) -> String {
        "<script src=\"\(scriptPath)\" data-version=\"\(version)\"></script>"
    }

    /// Reloads on `reload`; swaps this site's stylesheets on `css` (the new one is added before the old
    /// one is removed, so nothing flashes); reloads on `failed` to show the overlay. Every event names the
    /// build it is about, and a page already showing that build ignores it. On (re)connection the server
    /// says which build is current, and an older page reloads, so a change made while the page was
    /// loading is not missed.
    static let scriptSource = """
        (function(){var v=+document.currentScript.dataset.version;if(!window.EventSource)return;
        var s=new EventSource("\(eventsPath)");
        s.addEventListener("hello",function(e){if(+e.data!==v)location.reload();});
        s.addEventListener("reload",function(e){if(+e.data!==v)location.reload();});
        s.addEventListener("failed",function(e){if(JSON.parse(e.data).version!==v)location.reload();});
        s.addEventListener("css",function(e){var n=JSON.parse(e.data);v=n.version;
        document.querySelectorAll('link[rel="stylesheet"]:not([data-ladder-overlay])').forEach(function(l){
        var u=new URL(l.href);if(u.origin!==location.origin)return;
        u.searchParams.set("ladder",n.version);var c=l.cloneNode();c.href=u.href;
        c.onload=function(){l.remove();};l.after(c);});});
        })();

        """
}
