import LadderCore
import Testing

/// HTML built as bytes escapes text exactly as `HTML.escape` does, and leaves markup as it is.
@Suite struct HTMLBytesTests {
    @Test func text_is_escaped_as_html_escape_escapes_it() {
        let pieces = ["", "plain", "&", "<b>", "\"quoted\"", "it's", "a&b<c>d\"e'f", "Café – naïve ✓", "&&&&", "x>", "<",
                      "Leads the team's \"roadmap\" & <reviews>", String(repeating: "ab<", count: 40)]
        for a in pieces {
            for b in pieces {
                var html = HTMLBytes()
                html.markup("<li>")
                html.text(a)
                html.markup(" & ")
                html.text(b)
                html.markup("</li>")
                #expect(html.string == "<li>" + HTML.escape(a) + " & " + HTML.escape(b) + "</li>", "\(a) \(b)")
            }
        }
    }
}
