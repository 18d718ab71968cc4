/// A value a template reads: text, a flag, a number, a list or an object of named values.
///
/// The theme's contexts are typed values (`LayoutContext` and the types beside it) that become this tree
/// at the edge. Rendering then looks names up in plain dictionaries of a closed set of cases, where
/// swift-mustache asked the Swift runtime, for every name on every page, whether an `Any` conformed to
/// one of its protocols (two thirds of a full build's time went to those casts).
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A field worked out only when a template reads it (`Deferred`).
    case deferred(Deferred)

    /// A value made when a template names it, and each time it does: what a page carries for themes
    /// but the default theme never reads (a comparison's items one by one, word runs and all, beside
    /// the `*_html` it does read) costs nothing then. Building those lists for every compare page was
    /// a seventh of a 10,000-level build. Only a field of an object is deferred; reading it gives the
    /// value `make` returns, which must be the same every time (contexts are values).
    public struct Deferred: Sendable {
        let make: @Sendable () -> TemplateValue
        public init(_ make: @escaping @Sendable () -> TemplateValue) { self.make = make }
    }

    /// The value a template reads: a deferred one made, any other as it is.
    @inline(__always)
    var resolved: TemplateValue {
        if case .deferred(let deferred) = self { return deferred.make().resolved }
        return self
    }

    /// The tree of a context value: strings, numbers, flags, arrays and `[String: …]` dictionaries of
    /// them, or values already converted. nil for what a template cannot read (an absent optional).
    public init?(_ any: Any) {
        switch any {
        case let value as TemplateValue: self = value
        case let string as String: self = .string(string)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let dictionary as [String: Any]: self = .object(dictionary.compactMapValues(TemplateValue.init))
        case let list as [[String: Any]]: self = .list(list.map { .object($0.compactMapValues(TemplateValue.init)) })
        case let list as [String]: self = .list(list.map(TemplateValue.string))
        case let list as [Any]: self = .list(list.compactMap(TemplateValue.init))
        case let substring as Substring: self = .string(String(substring))
        case let number as any BinaryInteger: self = .int(Int(truncatingIfNeeded: number))
        default: return nil
        }
    }

    /// The value named `name` when this is an object.
    @inline(__always)
    func child(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name]?.resolved }
        return nil
    }

    /// How `{{name}}` writes the value (before escaping): text as it is, numbers and flags in Swift's
    /// spelling, lists and objects in Swift's literal syntax (a template that prints one is a mistake,
    /// but a visible one).
    var text: String {
        switch self {
        case .string(let string): return string
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .list(let items): return "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .deferred(let deferred): return deferred.make().text
        case .object(let fields):
            if fields.isEmpty { return "[:]" }
            return "[" + fields.keys.sorted().map { "\"\($0)\": " + fields[$0]!.literal }.joined(separator: ", ") + "]"
        }
    }

    private var literal: String {
        if case .string(let string) = resolved { return "\"" + string + "\"" }
        return text
    }
}

/// A Swift value that is also a template value: what a context's fields may hold.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
    public var templateValue: TemplateValue { .string(self) }
}

extension Bool: TemplateRepresentable {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    public var templateValue: TemplateValue { .int(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    // A closure, not `\.templateValue`: in this generic getter the key path was made anew on every call.
    public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

/// The named values of one context object, written as a dictionary literal of Swift values
/// (`["id": id, "has_levels": !levels.isEmpty]`) and kept as template values.
public struct TemplateFields: ExpressibleByDictionaryLiteral, TemplateRepresentable {
    public var values: [String: TemplateValue]

    public init(dictionaryLiteral elements: (String, any TemplateRepresentable)...) {
        values = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements { values[key] = value.templateValue }
    }

    /// Room for `capacity` fields up front: a context filled field by field grew its table five times.
    public init(minimumCapacity capacity: Int) {
        values = Dictionary(minimumCapacity: capacity)
    }

    public subscript(key: String) -> (any TemplateRepresentable)? {
        get { values[key] }
        set { values[key] = newValue?.templateValue }
    }

    public var templateValue: TemplateValue { .object(values) }
}
