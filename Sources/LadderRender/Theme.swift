import Foundation
import LadderCore
import LadderLoad
import LadderModel

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
            if file.relative.hasSuffix(".mustache") || file.relative.hasSuffix(".css") || file.relative.hasSuffix(".js")
                || (file.relative.hasPrefix("i18n/") && file.relative.hasSuffix(".yml")) {
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
                library.templates[name] = try MustacheParser.parse(text)
            } catch {
                let display = displayPaths[path] ?? "templates/\(path) (built-in)"
                diagnostics.append(.error(SourceLocation(path: display, line: error.line, column: error.column),
                                          "template syntax error: \(error.message)"))
            }
        }
        return (TemplateSet(library: library, layouts: Set(layoutNames)).localized(.english), diagnostics)
    }
}

/// Compiled templates, ready to render a `LayoutContext`, with the words of one language (`UIStrings`).
public struct TemplateSet: Sendable {
    var library: MustacheLibrary
    public let layouts: Set<String>
    /// The words every page reads: `t` in templates, `strings.text(…)` in Swift.
    public private(set) var strings: UIStrings = .english
    private var stringsTree: TemplateValue = .object([:])

    init(library: MustacheLibrary, layouts: Set<String>) {
        self.library = library
        self.layouts = layouts
    }

    /// The same templates speaking `strings`: `t` and the `t.<key>` messages.
    public func localized(_ strings: UIStrings) -> TemplateSet {
        var set = self
        set.library.templates = set.library.templates.filter { !$0.key.hasPrefix("t.") }
        set.library.templates.merge(strings.templates) { theme, _ in theme }
        set.strings = strings
        set.stringsTree = strings.tree
        return set
    }

    public func render(layout: String, context: LayoutContext) -> String {
        library.render(withStrings(context.templateValue), template: "layouts/" + layout) ?? ""
    }

    /// A partial on its own; empty when the theme has none by that name.
    func render(partial: String, context: TemplateValue) -> String {
        library.render(withStrings(context), template: partial) ?? ""
    }

    private func withStrings(_ value: TemplateValue) -> TemplateValue {
        guard case .object(var fields) = value else { return value }
        fields["t"] = stringsTree
        return .object(fields)
    }
}
