import LadderCore

/// Compiled templates by name (`base`, `layouts/level`), rendered against a `TemplateValue`.
struct MustacheLibrary: Sendable {
    var templates: [String: MustacheTemplate] = [:]

    /// The output of template `name` for `value`; nil when there is no such template.
    func render(_ value: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16 * 1024)
        render(template, Frame(stack: [value]), into: &out)
        return out
    }

    /// Where rendering is: the values sections have entered (innermost last), the indentation of the
    /// standalone partials it is inside, the block overrides of the parents it is inside, and whether
    /// `{{x}}` escapes HTML.
    private struct Frame {
        var stack: [TemplateValue]
        var indentation: String? = nil
        var overrides: [String: MustacheTemplate]? = nil
        var escapesHTML = true

        func entering(_ value: TemplateValue) -> Frame {
            var frame = self
            frame.stack.append(value)
            return frame
        }

        func indented(by more: String?) -> Frame {
            guard let more else { return self }
            var frame = self
            frame.indentation = (indentation ?? "") + more
            return frame
        }
    }

    private func render(_ template: MustacheTemplate, _ initial: Frame, into out: inout String) {
        var frame = initial
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for token in template.tokens { render(token, &frame, into: &out) }
            return
        }
        // Inside an indented partial, each piece that starts a line of this template's output starts
        // with the indentation.
        let start = out.utf8.count
        for token in template.tokens {
            var piece = ""
            render(token, &frame, into: &piece)
            if piece.isEmpty { continue }
            if out.utf8.count > start, out.utf8.last == 0x0A { out += indentation }
            out += piece
        }
    }

    private func render(_ token: MustacheTemplate.Token, _ frame: inout Frame, into out: inout String) {
        switch token {
        case .text(let text):
            out += text

        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, in: frame.stack) else { return }
            out += escaped && frame.escapesHTML ? HTML.escape(value.text) : value.text

        case .section(let name, let content):
            switch Self.lookup(name, in: frame.stack) {
            case nil: return
            case .bool(let flag)?: if flag { render(content, frame, into: &out) }
            case .list(let items)?: for item in items { render(content, frame.entering(item), into: &out) }
            case let value?: render(content, frame.entering(value), into: &out)
            }

        case .invertedSection(let name, let content):
            switch Self.lookup(name, in: frame.stack) {
            case nil: render(content, frame, into: &out)
            case .bool(let flag)?: if !flag { render(content, frame, into: &out) }
            case .list(let items)?: if items.isEmpty { render(content, frame.entering(.list(items)), into: &out) }
            case .some: return
            }

        case .partial(let written, let dynamic, let indentation, let overrides):
            let name: String
            if dynamic {
                guard case .string(let named)? = Self.lookup(.init(written), in: frame.stack) else { return }
                name = named
            } else {
                name = written
            }
            guard let partial = templates[name] else { return }
            var inner = frame.indented(by: indentation)
            // A partial starts escaping HTML again, whatever the template including it said.
            inner.escapesHTML = true
            if let overrides {
                // The outermost override of a block wins: a layout's `{{$main}}` over its base's default.
                inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(partial, inner, into: &out)

        case .block(let name, let defaultContent, let indentation):
            render(frame.overrides?[name] ?? defaultContent, frame.indented(by: indentation), into: &out)

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
        guard let first = name.parts.first, name.scope != .implicit else { return stack.last }
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
