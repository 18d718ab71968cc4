import CCmark
import LadderCore
import Foundation

/// A piece of Markdown as the author wrote it in a data string (a criterion, a summary), with the file line
/// it was written on, the id the data gives it, and its examples (each Markdown too).
public struct MarkdownFragment: Sendable, Hashable {
    public var markdown: String
    public var line: Int
    public var id: String?
    public var examples: [String]

    public init(markdown: String, line: Int, id: String? = nil, examples: [String] = []) {
        (self.markdown, self.line, self.id, self.examples) = (markdown, line, id, examples)
    }

    /// A data string read as inline Markdown: `*em*`, `` `code` `` and links are its Markdown, but a line
    /// that would start a block of its own (`## x`, `> x`, `1. x`, `- x`, a fence, a rule or an underline)
    /// stays text, and blank lines do not split it: one fragment is one paragraph.
    public static func inline(_ text: String) -> String {
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let part = unblock(line)
            if part.isEmpty { continue }
            if !out.isEmpty { out += "\n" }
            out += part
        }
        return out
    }

    /// One line with what would start a block escaped.
    public static func unblock(_ text: Substring) -> String {
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first else { return trimmed }
        let second = trimmed.dropFirst().first
        let markerEnds = second == nil || second == " " || second == "\t"
        let isRule = trimmed.count >= 3 && trimmed.allSatisfy { $0 == first || $0 == " " } && "-*_".contains(first)
        let isUnderline = trimmed.allSatisfy { $0 == "=" || $0 == " " || $0 == "-" } && "=-".contains(first)
        if first == ">" || isRule || isUnderline || ("#-+*".contains(first) && markerEnds) || (first == "#" && trimmed.prefix { $0 == "#" }.count <= 6
                && trimmed.drop(while: { $0 == "#" }).first.map { $0 == " " || $0 == "\t" } ?? true)
            || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            return "\\" + trimmed
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(digits.count)
        if !digits.isEmpty, let next = rest.first, next == "." || next == ")",
           rest.dropFirst().first == nil || rest.dropFirst().first == " " {
            return digits + "\\" + rest
        }
        return trimmed
    }

    /// The text a reader sees of a fragment (a level's summary, for its lead).
    public static func plainText(_ markdown: String) -> String {
        let tree = CMarkTree(inline(markdown))
        var out: [UInt8] = []
        for block in tree.topLevelBlocks { CMarkTree.appendPlainText(block, to: &out) }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: " ")
    }
}
