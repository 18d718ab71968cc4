/// A place in a source file, as editors and CI jump to it: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// Path as shown to the user (relative to the site folder when possible).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// A folder or a whole file, with no line to point at: shown as the path alone.
    public static func whole(_ path: String) -> SourceLocation {
        var location = SourceLocation(path: path)
        location.line = 0
        location.column = 0
        return location
    }

    public var description: String { line == 0 ? path : "\(path):\(line):\(column)" }
}

/// An error or warning about the site's input, in the compiler form `path:line:col: error: message`.
///
/// Diagnostics are values: every stage returns them instead of printing, so the CLI, the preview server
/// and the tests all see the same thing.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Thrown when a build cannot finish: every error found, in a stable order, plus warnings seen so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// What was read of the ladder before the build stopped (the lines `build` prints on success, and
    /// "8 levels in 2 tracks, 1 recognised"), empty when the build stopped before the model.
    public var ladderLines: [String] = []
    public var ladderCounts: String?
    /// With `check --explain`: what each file or folder was read as.
    public var explanation: [String] = []

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedForDisplay()
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One line on how to go on when links lead to pages that are not in the site (a ladder imported
    /// from another site), or nil.
    public var linkHint: String? {
        let broken = errors.filter { $0.message.hasPrefix("link to missing page") || $0.message.hasPrefix("link to missing anchor") }.count
        guard broken > 0 else { return nil }
        return "hint: \(broken) link\(broken == 1 ? " leads" : "s lead") to pages or anchors not in the site: fix "
            + "\(broken == 1 ? "it" : "them"), or put 'links: warn' in content/site.yml to publish now and fix them later "
            + "(check --strict still fails)"
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

package extension Array where Element == Diagnostic {
    /// Sorted by file, then line and column, so output is the same on every run whatever the thread timing.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            ($0.location.path, $0.location.line, $0.location.column, $0.message)
                < ($1.location.path, $1.location.line, $1.location.column, $1.message)
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic {
    /// What kind of problem this is, for grouping repeats: the message with its quoted names and its
    /// numbers left out, so "link to missing file 'a.pdf'" and "… 'b.pdf'" are one kind.
    public var kind: String {
        var kind = ""
        var quoted = false
        var lastWasDigit = false
        for character in message {
            if character == "'" {
                if !quoted { kind += "'…'" }
                quoted.toggle()
            } else if quoted {
                continue
            } else if character.isNumber {
                if !lastWasDigit { kind += "N" }
                lastWasDigit = true
                continue
            } else {
                kind.append(character)
            }
            lastWasDigit = false
        }
        return "\(severity.rawValue): \(kind)"
    }
}

public extension Array where Element == Diagnostic {
    /// The lines a person reads: every diagnostic, except that past `limit` of one kind the rest are
    /// counted in one line (a site with thousands of links to missing files must not bury the others).
    func summarisedLines(limit: Int = 20) -> [String] {
        var seen: [String: Int] = [:]
        var kinds: [String] = []
        var lines: [String] = []
        for diagnostic in self {
            let kind = diagnostic.kind
            let count = seen[kind, default: 0]
            if count == 0 { kinds.append(kind) }
            seen[kind] = count + 1
            if count < limit { lines.append(diagnostic.description) }
        }
        for kind in kinds where seen[kind]! > limit {
            let more = seen[kind]! - limit
            lines.append("… and \(Self.grouped(more)) more like this (\(kind)); ladder check lists them all")
        }
        return lines
    }

    /// `28,528`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
