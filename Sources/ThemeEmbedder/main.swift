import Foundation

// Writes the repository's `templates/` as a Swift source file, so the default theme is compiled into the
// binary (`ladder build` works in a folder that has only content/). Run by the ThemePlugin build-tool
// plugin on every build whose templates changed: `ThemeEmbedder TEMPLATES_FOLDER OUTPUT_FILE`.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder TEMPLATES_FOLDER OUTPUT_FILE\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// Every theme file under `root`, as `(relative path, text)`, sorted by path. Hidden files, editor
/// backups and Markdown notes (a README) are not part of the theme.
func themeFiles() throws -> [(path: String, text: String)] {
    var files: [(String, String)] = []
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
    for case let url as URL in walker {
        let name = url.lastPathComponent
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".md") { continue }
        guard try url.resourceValues(forKeys: Set(keys)).isRegularFile == true else { continue }
        let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        var text = try String(contentsOf: url, encoding: .utf8)
        // Without its final newlines, as the copy committed before this generator was: built sites stay
        // byte for byte the same.
        while text.hasSuffix("\n") { text.removeLast() }
        files.append((path, text))
    }
    return files.sorted { $0.0 < $1.0 }
}

/// A Swift string literal holding `text` exactly.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

do {
    var source = """
    // Generated at build time by the ThemePlugin from templates/. Edit templates/, not this file.

    /// The built-in theme: every file of the repository's `templates/` folder, by relative path.
    package enum DefaultTheme {
        package static let files: [String: String] = [

    """
    for file in try themeFiles() {
        source += "        \(literal(file.path)): \(literal(file.text)),\n"
    }
    source += "    ]\n}\n"
    // Unchanged output keeps its timestamp, so nothing that compiles it is rebuilt.
    if (try? String(contentsOf: output, encoding: .utf8)) != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: \(error)\n".utf8))
    exit(1)
}
