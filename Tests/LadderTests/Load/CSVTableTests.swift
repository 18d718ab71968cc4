@testable import LadderLoad
import Testing

/// Spreadsheets as they are saved: the rows and cells `CSVTable` reads, with the line each row starts on.
@Suite struct CSVTableTests {
    @Test func quotes_line_breaks_and_line_ends_are_read_as_rfc_4180_says() {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n"
        let rows = CSVTable.rows(text, tabs: false)
        #expect(rows.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 5])
    }

    @Test func tabs_for_tsv_and_semicolons_where_the_first_line_has_more_of_them() {
        #expect(CSVTable.rows("a\tb\n1,5\t2\n", tabs: true).map(\.cells) == [["a", "b"], ["1,5", "2"]])
        #expect(CSVTable.rows("a;b;c\n1,5;2;3\n", tabs: false).map(\.cells) == [["a", "b", "c"], ["1,5", "2", "3"]])
        #expect(CSVTable.rows("a,b\n\"open", tabs: false).map(\.cells) == [["a", "b"], ["open"]])
    }

    @Test func records_are_named_by_the_header_and_skip_empty_cells() throws {
        let map = try #require(CSVTable.records("Name,,Role\nAda,x,Engineer\nGrace,,Manager\n", tabs: false, path: "t.csv"))
        guard case .list(let rows)? = map["rows"], case .map(let first)? = rows.first, case .map(let second)? = rows.last else {
            Issue.record("no rows"); return
        }
        #expect(first.entries.map(\.key) == ["Name", "column 2", "Role"])
        #expect(second.entries.map(\.key) == ["Name", "Role"])
        #expect(second.entries[0].keyLocation.line == 3)
        #expect(CSVTable.records("only,a header\n", tabs: false, path: "t.csv") == nil)
    }
}
