import Foundation
import LadderCore

/// Data files under `content/` read as pages: a job family's YAML, and JSON, YAML, CSV, TSV, JavaScript and TypeScript files that
/// may hold a ladder (data candidates), for recognition to read.
extension ContentLoader {
    /// JavaScript or TypeScript, whose literals may hold a ladder app's data (`ScriptData`).
    static func isScript(_ lower: String) -> Bool {
        lower.hasSuffix(".js") || lower.hasSuffix(".mjs") || lower.hasSuffix(".cjs") || (lower.hasSuffix(".ts") && !lower.hasSuffix(".d.ts"))
    }

    static func isSpreadsheet(_ contentPath: String) -> Bool {
        let lower = contentPath.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }

    /// A JSON or YAML file (or a spreadsheet saved as CSV or TSV, its rows as records) whose top level is a map holding a list of maps (roles, levels, skills…) or a map
    /// of two maps at least (skills keyed by level), for recognition to read; nil for anything else, which
    /// stays a static file only.
    static func dataCandidate(_ absolute: String, contentPath: String, displayPath: String) -> PageSource? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
              let size = attributes[.size] as? Int, size < 32 << 20,
              let data = FileManager.default.contents(atPath: absolute),
              case .success(let text) = UTF8Validation.decode(data, displayPath: displayPath),
              let map = Self.isSpreadsheet(contentPath) ? CSVTable.records(text, tabs: contentPath.lowercased().hasSuffix(".tsv"), path: displayPath)
                : Self.isScript(contentPath.lowercased()) ? (text.containsBytes("const ") || text.containsBytes("var ") ? ScriptData.map(text, path: displayPath) : nil)
                : text.containsByte(UInt8(ascii: "{")) || text.containsByte(UInt8(ascii: ":")) ? try? YAMLReader(path: displayPath).readMapping(text) : nil
        else { return nil }
        func holdsRecords(_ value: YAMLValue, depth: Int) -> Bool {
            switch value {
            case .list(let items): return items.count >= 2 && items.allSatisfy { if case .map = $0 { true } else { false } }
            case .map(let inner) where depth < 2:
                return inner.entries.count { if case .map = $0.value { true } else { false } } >= 2
                    || inner.entries.contains { holdsRecords($0.value, depth: depth + 1) }
            default: return false
            }
        }
        // Or a record of its own with three text fields or more (one competency of a folder of them, keyed by level).
        let fields = map.entries.count { if case .string = $0.value { true } else if case .map = $0.value { true } else { false } }
        guard holdsRecords(.map(map), depth: -1) || fields >= 3 else { return nil }
        var source = PageSource(displayPath: displayPath, contentPath: contentPath,
                                frontMatter: FrontMatter(map: map, location: SourceLocation(path: displayPath)), body: "", bodyLine: 1)
        source.isDataCandidate = true
        return source
    }

    /// A YAML file whose top level has `levels` and `competencies` lists (a job family, as the Financial
    /// Times keeps them) as a page with no body; nil for any other YAML file, which stays a static file.
    static func ladderData(_ absolute: String, contentPath: String, displayPath: String) -> PageSource? {
        guard let data = FileManager.default.contents(atPath: absolute),
              case .success(let text) = UTF8Validation.decode(data, displayPath: displayPath),
              let map = try? YAMLReader(path: displayPath).readMapping(text),
              case .list? = map["levels"], case .list? = map["competencies"] else { return nil }
        return PageSource(displayPath: displayPath, contentPath: contentPath,
                          frontMatter: FrontMatter(map: map, location: SourceLocation(path: displayPath)),
                          body: "", bodyLine: 1)
    }
}
