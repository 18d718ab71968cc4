import Foundation
import LadderCore
import LadderLoad
import LadderModel
import Mustache

/// The templates and assets a site is rendered with: the built-in theme, with the site's own
/// `templates/` files taking precedence file by file.
public struct Theme: Sendable {
    /// Text files by path inside the theme: `layouts/level.mustache`, `assets/style.css`.
    public var files: [String: String]
    /// Binary files from a site's `templates/assets/` (fonts, images), by the same kind of path.
    public var binaryAssets: [String: Data] = [:]
    /// Where each overridden file came from, for diagnostics.
    var displayPaths: [String: String] = [:]

    public static var builtIn: Theme { Theme(files: DefaultTheme.files) }

    /// The built-in theme overlaid with `SITE/templates/` when that folder exists.
    public static func load(siteFolder: String, loader: ContentLoader) -> (Theme, [Diagnostic]) {
        var theme = Theme.builtIn
        var diagnostics: [Diagnostic] = []
        let folder = loader.displayPath("templates")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (theme, diagnostics)
        }
        for file in FileWalker.files(under: folder, diagnostics: &diagnostics) where !file.relative.hasSuffix(".md") {
            let display = loader.displayPath("templates/" + file.relative)
            guard let data = FileManager.default.contents(atPath: file.absolute) else { continue }
            if file.relative.hasSuffix(".mustache") || file.relative.hasSuffix(".css") || file.relative.hasSuffix(".js") {
                switch UTF8Validation.decode(data, displayPath: display) {
                case .success(let text):
                    theme.files[file.relative] = text
                    theme.displayPaths[file.relative] = display
                case .failure(let error): diagnostics.append(error)
                }
            } else if file.relative.hasPrefix("assets/") {
                theme.binaryAssets[file.relative] = data
            }
        }
        return (theme, diagnostics)
    }

    public var layoutNames: [String] {
        files.keys.filter { $0.hasPrefix("layouts/") && $0.hasSuffix(".mustache") }
            .map { String($0.dropFirst(8).dropLast(9)) }.sorted()
    }

    /// Compiles every template once. Partials are registered by bare name (`{{> header}}`), layouts as
    /// `layouts/NAME`. A syntax error is reported at its line and column in the template file.
    public func compile() -> (TemplateSet, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let name: String
            if path.hasPrefix("partials/") { name = String(path.dropFirst(9).dropLast(9)) }
            else if path.hasPrefix("layouts/") { name = String(path.dropLast(9)) }
            else { continue }
            do {
                library.register(try MustacheTemplate(string: Self.fastEscapePragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let display = displayPaths[path] ?? "templates/\(path) (built-in)"
                diagnostics.append(.error(
                    SourceLocation(path: display, line: error.context.lineNumber - 1, column: error.context.columnNumber + 1),
                    "template syntax error: \(Self.describe(error.error))"))
            } catch {
                diagnostics.append(.error(SourceLocation(path: displayPaths[path] ?? "templates/\(path)"), "template error: \(error)"))
            }
        }
        return (TemplateSet(library: library, layouts: Set(layoutNames)), diagnostics)
    }

    /// swift-mustache escapes `{{value}}` one Character at a time through a dictionary, which was a quarter
    /// of a build's time. Every template starts with this pragma (on a line of its own, which Mustache drops,
    /// so template line numbers are off by one, corrected above) to escape the same five characters with
    /// `HTML.escape` instead.
    static let fastEscapePragma: String = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: "LADDER_HTML")
        return "{{% CONTENT_TYPE: LADDER_HTML}}\n"
    }()

    struct FastHTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "closing tag does not match the open section"
        case .unfinishedName?: return "unfinished tag"
        case .expectedSectionEnd?: return "section is never closed"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection?: return "only blocks may appear inside an inherited partial"
        case .textInsideInheritSection?: return "text inside an inherited partial"
        case .invalidConfigVariableSyntax?: return "invalid pragma syntax"
        case .unrecognisedConfigVariable?: return "unknown pragma"
        case nil: return "\(error)"
        }
    }
}

/// Compiled templates, ready to render a `LayoutContext`.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let layouts: Set<String>

    public func render(layout: String, context: LayoutContext) -> String {
        library.render(context.templateDictionary, withTemplate: "layouts/" + layout) ?? ""
    }

    /// A partial on its own; empty when the theme has none by that name.
    func render(partial: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: partial) ?? ""
    }
}
