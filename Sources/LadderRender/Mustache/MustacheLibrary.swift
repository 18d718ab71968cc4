import LadderCore

/// Compiled templates by name (`base`, `layouts/level`), rendered against a `TemplateValue`.
struct MustacheLibrary: Sendable {
    var templates: [String: MustacheTemplate] = [:]

    /// The output of template `name` for `value`; nil when there is no such template.
    func render(_ value: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16 * 1024)
        var stack = [value]
        stack.reserveCapacity(8)
        render(template, Frame(), &stack, into: &out)
        return out
    }

    /// Where rendering is, besides the stack of values the sections entered (one array, pushed and
    /// popped as sections open and close, rather than copied for every list item): the indentation of
    /// the standalone partials it is inside, the block overrides of the parents it is inside, and
    /// whether `{{x}}` escapes HTML.
    private struct Frame {
        var indentation: String? = nil
        /// Each parent's overrides, outermost first: the outermost override of a block wins (a layout's
        /// `{{$main}}` over its base's default). Kept apart rather than merged into one dictionary at
        /// every parent tag, which was a twentieth of rendering a comparison.
        var overrides: [[String: MustacheTemplate]] = []

        func override(_ name: String) -> MustacheTemplate? {
            for blocks in overrides { if let found = blocks[name] { return found } }
            return nil
        }
        var escapesHTML = true

        func indented(by more: String?) -> Frame {
            guard let more else { return self }
            var frame = self
            frame.indentation = (indentation ?? "") + more
            return frame
        }
    }

    private func render(_ template: MustacheTemplate, _ initial: Frame, _ stack: inout [TemplateValue], into out: inout String) {
        var frame = initial
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in template.tokens { render(token, &frame, &stack, into: &out) }
            return
        }
        // Inside an indented partial, each piece that starts a line of this template's output starts
        // with the indentation.
        let start = out.utf8.count
        func append(_ piece: String) {
            if piece.isEmpty { return }
            if out.utf8.count > start, out.utf8.last == 0x0A { out += indentation }
            out += piece
        }
        for token in template.tokens {
            // Text and variables are appended as they are; only what renders further tokens (a section,
            // a partial) is rendered on its own first, to know whether it wrote anything.
            switch token {
            case .text(let text):
                append(text)
            case .variable(let name, let escaped):
                guard let value = Self.lookup(name, in: stack) else { continue }
                append(escaped && frame.escapesHTML ? HTML.escape(value.text) : value.text)
            default:
                var piece = ""
                render(token, &frame, &stack, into: &piece)
                append(piece)
            }
        }
    }

    private func render(_ token: MustacheTemplate.Token, _ frame: inout Frame, _ stack: inout [TemplateValue], into out: inout String) {
        switch token {
        case .text(let text):
            out += text

        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, in: stack) else { return }
            out += escaped && frame.escapesHTML ? HTML.escape(value.text) : value.text

        case .section(let name, let content):
            switch Self.lookup(name, in: stack) {
            case nil: return
            case .bool(let flag)?: if flag { render(content, frame, &stack, into: &out) }
            case .list(let items)?:
                for item in items {
                    stack.append(item.resolved)
                    render(content, frame, &stack, into: &out)
                    stack.removeLast()
                }
            case let value?:
                stack.append(value)
                render(content, frame, &stack, into: &out)
                stack.removeLast()
            }

        case .invertedSection(let name, let content):
            switch Self.lookup(name, in: stack) {
            case nil: render(content, frame, &stack, into: &out)
            case .bool(let flag)?: if !flag { render(content, frame, &stack, into: &out) }
            case .list(let items)?:
                guard items.isEmpty else { return }
                stack.append(.list(items))
                render(content, frame, &stack, into: &out)
                stack.removeLast()
            case .some: return
            }

        case .partial(let written, let dynamic, let indentation, let overrides):
            let name: String
            if dynamic {
                guard case .string(let named)? = Self.lookup(.init(written), in: stack) else { return }
                name = named
            } else {
                name = written
            }
            guard let partial = templates[name] else { return }
            var inner = frame.indented(by: indentation)
            // A partial starts escaping HTML again, whatever the template including it said.
            inner.escapesHTML = true
            if let overrides { inner.overrides.append(overrides) }
            render(partial, inner, &stack, into: &out)

        case .block(let name, let defaultContent, let indentation):
            render(frame.override(name) ?? defaultContent, frame.indented(by: indentation), &stack, into: &out)

        case .blockDefinition:
            // Read by the parser into its parent's overrides; never rendered on its own.
            return

        case .contentType(let escapesHTML):
            frame.escapesHTML = escapesHTML
        }
    }

    /// `.` is the current value; `.x` the current value's `x`; `x.y` is the nearest value on the stack that
    /// has an `x`, then its `y` (not searched further up when that `x` has no `y`).
    private static func lookup(_ name: MustacheTemplate.Name, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first, name.scope != .implicit else { return stack.last?.resolved }
        var found: TemplateValue?
        if name.scope == .current {
            found = stack.last?.child(first)
        } else {
            for value in stack.reversed() {
                if let child = value.child(first) { found = child; break }
            }
        }
        for part in name.parts.dropFirst() {
            guard let parent = found else { return nil }
            found = parent.child(part)
        }
        return found
    }
}
