/// One compiled Mustache template: its text cut into tokens once, rendered many times.
///
/// Ladder's theme language is Mustache (https://mustache.github.io/mustache.5.html) with template
/// inheritance: variables (`{{x}}` escaped, `{{{x}}}` and `{{&x}}` raw), sections (`{{#x}}`, `{{^x}}`),
/// partials (`{{> name}}`, `{{>*dynamic}}`), parents with blocks (`{{< base}}{{$main}}…{{/main}}{{/base}}`),
/// comments, set delimiters and the `{{% CONTENT_TYPE: TEXT}}` pragma. It renders as swift-mustache 2.1
/// did, which the theme was written against, down to where whitespace goes around standalone tags.
struct MustacheTemplate: Sendable {
    /// The tokens as the parser cut them: text a line at a time, which an indented partial needs to
    /// write its indentation before each line.
    let tokens: [Token]
    /// The same tokens with each run of adjacent texts joined into one, for rendering outside an
    /// indented partial, where line ends need no care: a compare page then appends a few hundred fewer
    /// pieces to its output (appending was the largest single cost of rendering).
    let joinedTokens: [Token]

    init(tokens: [Token]) {
        self.tokens = tokens
        joinedTokens = Self.joiningTexts(tokens)
    }

    private static func joiningTexts(_ tokens: [Token]) -> [Token] {
        var joined: [Token] = []
        joined.reserveCapacity(tokens.count)
        for token in tokens {
            if case .text(let text) = token, case .text(let before)? = joined.last {
                joined[joined.count - 1] = .text(before + text)
            } else {
                joined.append(token)
            }
        }
        return joined
    }

    /// A name as written (`level.summary`), cut at its dots once rather than on every lookup.
    struct Name: Sendable, Equatable {
        enum Scope: Sendable { case implicit, current, stack }
        /// `.`: the current item. `.x`: only the current item's `x`. `x.y`: `x` searched up the stack.
        var scope: Scope
        var parts: [String]
        var text: String

        init(_ text: String) {
            self.text = text
            parts = text.split(separator: ".").map(String.init)
            scope = text == "." ? .implicit : text.hasPrefix(".") ? .current : .stack
        }
    }

    indirect enum Token: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, MustacheTemplate)
        case invertedSection(Name, MustacheTemplate)
        /// `{{> name}}`, or `{{< name}}` with the blocks it overrides. `indentation` is the whitespace
        /// before a standalone tag, written before every line of the partial.
        case partial(String, dynamic: Bool, indentation: String?, overrides: [String: MustacheTemplate]?)
        /// `{{$name}}default{{/name}}` outside a parent: the override a child gave, else the default.
        case block(String, defaultContent: MustacheTemplate, indentation: String?)
        /// `{{$name}}…{{/name}}` directly inside a parent tag: an override (only ever read by the parser).
        case blockDefinition(String, MustacheTemplate)
        case contentType(escapesHTML: Bool)
    }
}

/// A template that cannot be read, with where (1-based line and column in the template's text).
struct MustacheSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
}
