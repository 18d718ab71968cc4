import LadderCore

/// Compiled templates by name (`base`, `layouts/level`), rendered against a `TemplateValue`.
struct MustacheLibrary: Sendable {
    var templates: [String: MustacheTemplate] = [:]

    /// The output of template `name` for `value`; nil when there is no such template.
    func render(_ value: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var rendering = MustacheRendering(templates: templates, root: value)
        rendering.render(template)
        return rendering.out
    }
}

/// One template being rendered: the output so far and where rendering is. Everything that changes as
/// sections, partials and blocks open is a property set on the way in and put back on the way out
/// (the stack of values, the parents' overrides, the indentation, whether `{{x}}` escapes HTML), rather
/// than a frame copied into every nested call: copying it, and appending a parent's overrides to the
/// copy's array, cost an allocation for each `{{< t.…}}` a compare page has in every row.
private struct MustacheRendering {
    let templates: [String: MustacheTemplate]
    var out = ""
    /// The values the sections entered, innermost last.
    var stack: [TemplateValue]
    /// Each enclosing parent's overrides, outermost first: the outermost override of a block wins (a
    /// layout's `{{$main}}` over its base's default). Kept apart rather than merged into one dictionary
    /// at every parent tag, which was a twentieth of rendering a comparison.
    var overrides: [[String: MustacheTemplate]] = []
    /// The whitespace before the standalone partials rendering is inside, written before their lines.
    var indentation: String? = nil
    var escapesHTML = true

    init(templates: [String: MustacheTemplate], root: TemplateValue) {
        self.templates = templates
        stack = [root]
        stack.reserveCapacity(8)
        overrides.reserveCapacity(4)
        // Room for a page without growing the string and copying what it holds: on a 10,000-level site
        // three quarters of the pages (the comparisons) are 16 to 24 KB and the level pages 40 to 56 KB.
        // The string lives only until the page is written, and 64 KB is still below the size from
        // which malloc maps fresh pages.
        out.reserveCapacity(64 * 1024)
    }

    mutating func render(_ template: MustacheTemplate) {
        // A content-type pragma holds to the end of the template it is in.
        let escapes = escapesHTML
        defer { escapesHTML = escapes }
        guard let indentation, !indentation.isEmpty else {
            for token in template.joinedTokens { render(token) }
            return
        }
        renderIndented(template, indentation)
    }

    /// Inside an indented partial, each piece that starts a line of this template's output starts with
    /// the indentation.
    private mutating func renderIndented(_ template: MustacheTemplate, _ indentation: String) {
        let start = out.utf8.count
        func startsLine(_ out: String) -> Bool { out.utf8.count > start && out.utf8.last == 0x0A }
        func append(_ piece: String, to out: inout String) {
            if piece.isEmpty { return }
            if startsLine(out) { out += indentation }
            out += piece
        }
        for token in template.tokens {
            switch token {
            case .text(let text):
                append(text, to: &out)
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                append(escaped && escapesHTML ? HTML.escape(value.text) : value.text, to: &out)
            default:
                // What renders further tokens (a section, a partial) gets the indentation only if it
                // writes something. Written ahead and taken back when it wrote nothing, rather than
                // rendered into a string of its own and appended: that was an allocation and a copy for
                // every section of an assessment page's criteria.
                guard startsLine(out) else {
                    render(token)
                    continue
                }
                out += indentation
                let written = out.utf8.count
                render(token)
                if out.utf8.count == written {
                    out.removeSubrange(out.utf8.index(out.utf8.endIndex, offsetBy: -indentation.utf8.count)...)
                }
            }
        }
    }

    private mutating func render(_ token: MustacheTemplate.Token) {
        switch token {
        case .text(let text):
            out += text

        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            out += escaped && escapesHTML ? HTML.escape(value.text) : value.text

        case .section(let name, let content):
            switch lookup(name) {
            case nil: return
            case .bool(let flag)?: if flag { render(content) }
            case .list(let items)?:
                for item in items {
                    stack.append(item.resolved)
                    render(content)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(content)
                stack.removeLast()
            }

        case .invertedSection(let name, let content):
            switch lookup(name) {
            case nil: render(content)
            case .bool(let flag)?: if !flag { render(content) }
            case .list(let items)?:
                guard items.isEmpty else { return }
                stack.append(.list(items))
                render(content)
                stack.removeLast()
            case .some: return
            }

        case .partial(let written, let dynamic, let more, let blocks):
            let name: String
            if dynamic {
                guard case .string(let named)? = lookup(.init(written)) else { return }
                name = named
            } else {
                name = written
            }
            guard let partial = templates[name] else { return }
            let outer = (indentation, escapesHTML)
            if let more { indentation = (indentation ?? "") + more }
            // A partial starts escaping HTML again, whatever the template including it said.
            escapesHTML = true
            if let blocks { overrides.append(blocks) }
            render(partial)
            if blocks != nil { overrides.removeLast() }
            (indentation, escapesHTML) = outer

        case .block(let name, let defaultContent, let more):
            let outer = indentation
            if let more { indentation = (indentation ?? "") + more }
            render(override(name) ?? defaultContent)
            indentation = outer

        case .blockDefinition:
            // Read by the parser into its parent's overrides; never rendered on its own.
            return

        case .contentType(let escapes):
            escapesHTML = escapes
        }
    }

    private func override(_ name: String) -> MustacheTemplate? {
        for blocks in overrides { if let found = blocks[name] { return found } }
        return nil
    }

    /// `.` is the current value; `.x` the current value's `x`; `x.y` is the nearest value on the stack that
    /// has an `x`, then its `y` (not searched further up when that `x` has no `y`).
    private func lookup(_ name: MustacheTemplate.Name) -> TemplateValue? {
        let parts = name.parts
        guard let first = parts.first, name.scope != .implicit else { return stack.last?.resolved }
        var found: TemplateValue?
        if name.scope == .current {
            found = stack.last?.child(first)
        } else {
            // Only objects have names: the lists, strings and flags sections pushed are passed over.
            var depth = stack.count
            while depth > 0 {
                depth -= 1
                if case .object(let fields) = stack[depth], let child = fields[first] {
                    found = child.resolved
                    break
                }
            }
        }
        var next = 1
        while next < parts.count {
            guard let parent = found else { return nil }
            found = parent.child(parts[next])
            next += 1
        }
        return found
    }
}
