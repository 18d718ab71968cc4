import Foundation
import LadderCore

/// A spreadsheet saved as CSV or TSV (RFC 4180: quoted fields with `""` for a quote, line breaks inside
/// quotes, CRLF or LF), read as the data it is: its header row names the fields of each row below it. A
/// ladder kept in a spreadsheet (competencies down, levels across, or a level per row) is then read by
/// recognition's data reader like any JSON or YAML file of records.
public enum CSVTable {
    /// The rows of `text`, each cell with the line its row starts on. The delimiter is a tab for a `.tsv`
    /// file; otherwise a comma, or a semicolon when the first line has more of those (a spreadsheet saved
    /// where the comma is the decimal mark).
    public static func rows(_ text: String, tabs: Bool) -> [(line: Int, cells: [String])] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let firstLine = bytes.prefix { $0 != 0x0A }
        let delimiter: UInt8 = tabs ? 0x09
            : firstLine.count(where: { $0 == 0x3B }) > firstLine.count(where: { $0 == 0x2C }) ? 0x3B : 0x2C
        var rows: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var quoted = false
        var i = 0
        func endField() { cells.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        func endRow() {
            endField()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append((rowLine, cells)) }
            cells = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
            } else if b == 0x22, field.isEmpty {
                quoted = true
            } else if b == delimiter {
                endField()
            } else if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                endRow()
                line += 1
                rowLine = line
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }

    /// The table as records: `rows:` a list of maps from the header's names (a column without one is
    /// `column N`) to the row's non-empty cells, each at the line its row starts on.
    public static func records(_ text: String, tabs: Bool, path: String) -> YAMLMap? {
        let table = rows(text, tabs: tabs)
        guard table.count >= 3, let header = table.first, header.cells.count >= 2 else { return nil }
        let names = header.cells.enumerated().map { n, name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? "column \(n + 1)" : trimmed
        }
        var list: [YAMLValue] = []
        for row in table.dropFirst() {
            var record = YAMLMap()
            let at = SourceLocation(path: path, line: row.line, column: 1)
            for (name, cell) in zip(names, row.cells) where record[name] == nil {
                let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { record.append(.init(key: name, value: .string(text), keyLocation: at, valueLocation: at)) }
            }
            if !record.isEmpty { list.append(.map(record)) }
        }
        var map = YAMLMap()
        let at = SourceLocation(path: path, line: 1, column: 1)
        map.append(.init(key: "rows", value: .list(list), keyLocation: at, valueLocation: at))
        return map
    }
}
