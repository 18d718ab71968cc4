import Foundation
import LadderCore

/// Text files must be UTF-8; the error points at the first bad byte.
package enum UTF8Validation {
    /// The file's text with every line ending made `\n`: a file saved on Windows (CRLF), an old Mac one
    /// (CR) or a mix of them reads exactly like its LF twin, every line and column the same. (Swift keeps
    /// `\r\n` as one Character, so without this nothing that looks for `\n` would see a CRLF line end.)
    package static func decode(_ data: Data, displayPath: String) -> Result<String, Diagnostic> {
        let data = LineEndings.normalized(data)
        if let text = String(validating: data, as: UTF8.self) {
            // NUL is valid UTF-8, but no text editor writes it: the file is binary, or damaged, and cmark
            // would quietly turn it into U+FFFD.
            guard data.containsByte(0) else { return .success(text) }
            return .failure(.error(firstStop(in: data, displayPath: displayPath, atNUL: true),
                                   "file contains a NUL byte (is it a binary file named like a page?)"))
        }
        return .failure(.error(firstStop(in: data, displayPath: displayPath, atNUL: false), "file is not valid UTF-8"))
    }

    /// The line and column of the first invalid sequence (or the first NUL).
    private static func firstStop(in data: Data, displayPath: String, atNUL: Bool) -> SourceLocation {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if atNUL && scalar == "\0" { break loop }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return SourceLocation(path: displayPath, line: line, column: column)
    }
}

/// CRLF and lone CR line endings, as LF.
package enum LineEndings {
    package static func normalized(_ data: Data) -> Data {
        guard data.containsByte(13) else { return data }
        var out = Data()
        out.reserveCapacity(data.count)
        var previousWasCR = false
        for byte in data {
            if byte == 13 {
                out.append(10)
                previousWasCR = true
                continue
            }
            if byte == 10 && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            out.append(byte)
        }
        return out
    }
}
