import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown
import LadderRecognise

/// Text pasted from a document or a web page: `•`, `◦`, `▪` and `–` bullets, and plain `Level 1` … lines
/// with "E.g." examples under them, rewritten as the Markdown they stand for (before the outline is read).
package enum PastedText {
    static let bullet = #"^\s*([•◦▪–])\s+(.*)$"#

    /// The page with its body rewritten, or nil when it has neither bullets nor level lines (or says what it is).
    static func normalise(_ source: PageSource) -> PageSource? {
        let fm = source.frontMatter
        guard LadderRecognition.mayRecognise(fm), source.body.utf8.count < 200_000 else { return nil }
        // Quick test: nothing to do unless a bullet character or "Level " is in the body at all.
        guard source.body.containsBytes("Level ") || source.body.containsBytes("•") || source.body.containsBytes("▪")
            || source.body.containsBytes("–") else { return nil }
        let lines = source.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hasTitle = fm["title"] != nil
        var out: [String] = []
        var map: [Int] = []
        func emit(_ text: String, _ line: Int) { out.append(text); map.append(source.bodyLine + line) }
        if let levels = levelLines(lines) {
            var name = (try? fm.string("title")) ?? nil
            var index = 0
            while index < levels[0] {
                let text = lines[index].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    if name == nil, !hasTitle, isTitleLine(text) {
                        name = text
                        emit("# " + text, index)
                    } else {
                        emit(text, index)
                    }
                    emit("", index)
                }
                index += 1
            }
            let competency = name ?? Page.titleFromFileName(source.contentPath)
            for (n, start) in levels.enumerated() {
                let end = n + 1 < levels.count ? levels[n + 1] : lines.count
                emit("## " + lines[start].trimmingCharacters(in: .whitespaces), start)
                emit("", start)
                var signals: [(String, Int)] = []
                var examples: [(String, Int)] = []
                var summary: (String, Int)?
                for i in (start + 1)..<end {
                    let text = lines[i].trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { continue }
                    if let example = exampleText(text) {
                        examples.append((example, i))
                    } else if summary == nil, signals.isEmpty, examples.isEmpty {
                        summary = (text, i)
                    } else {
                        signals.append((text.range(of: bullet, options: .regularExpression) != nil
                                        ? String(text.dropFirst().drop { $0 == " " }) : text, i))
                    }
                }
                if let summary { emit(summary.0, summary.1); emit("", summary.1) }
                emit("### " + competency, start)
                emit("", start)
                for (text, line) in signals { emit("- " + text, line) }
                if !signals.isEmpty { emit("", signals[signals.count - 1].1) }
                if !examples.isEmpty {
                    emit("#### Examples", examples[0].1)
                    emit("", examples[0].1)
                    for (text, line) in examples { emit("- " + text, line) }
                    emit("", examples[examples.count - 1].1)
                }
            }
        } else if let bullets = bulletLines(lines) {
            // Items led by a level id (`• L1’s are new…`) are the levels, as if written `* **L1’s** are new…`.
            let leads = bullets.compactMap { i -> (Int, String)? in
                guard let m = lines[i].firstMatch(bullet), m[1] != "◦",
                      let token = m[2].firstMatch(#"^([A-Za-z]{1,3}\d{1,2}(?:’s|'s|s)?|Level \d{1,2})(?=[\s:.,]|$)"#)?[1]
                else { return nil }
                return (i, token)
            }
            let labels = leads.compactMap { LevelLabel($0.1) }
            let bold = labels.count == leads.count && LevelLabel.isRun(labels) ? Dictionary(uniqueKeysWithValues: leads) : [:]
            var titled = hasTitle
            for (i, line) in lines.enumerated() {
                guard let m = line.firstMatch(bullet) else {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    if !titled, !text.isEmpty {
                        titled = true
                        if isTitleLine(text), i + 1 >= lines.count || lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty,
                           !text.hasPrefix("#") {
                            emit("# " + text, i)
                            continue
                        }
                    }
                    emit(line, i)
                    continue
                }
                titled = true
                let marker = m[1] == "◦" ? "  * " : "* "
                if let token = bold[i] {
                    emit(marker + "**\(token)**" + m[2].dropFirst(token.count), i)
                } else {
                    emit(marker + m[2], i)
                }
            }
        } else {
            return nil
        }
        var rewritten = source
        rewritten.body = out.joined(separator: "\n") + "\n"
        rewritten.lineMap = map
        return rewritten
    }

    /// Line indices of `Level 1`, `Level 2`, … standing alone: at least three, counting up by one, in a page
    /// with no Markdown headings.
    static func levelLines(_ lines: [String]) -> [Int]? {
        var found: [(index: Int, n: Int)] = []
        for (i, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { return nil }
            if let m = text.firstMatch(#"^Level (\d{1,2})$"#), let n = Int(m[1]) { found.append((i, n)) }
        }
        guard found.count >= 3 else { return nil }
        for (a, b) in zip(found, found.dropFirst()) where b.n != a.n + 1 { return nil }
        return found.map(\.index)
    }

    /// Line indices of bullet lines, when there are at least three.
    static func bulletLines(_ lines: [String]) -> [Int]? {
        let found = lines.indices.filter { lines[$0].firstMatch(bullet) != nil }
        return found.count >= 3 ? found : nil
    }

    /// "E.g. Cleared a full disk" → "Cleared a full disk".
    static func exampleText(_ text: String) -> String? {
        guard let m = text.firstMatch(#"^(?:E\.g\.|e\.g\.|Eg\.|For example)[,:]?\s+(.+)$"#) else { return nil }
        return m[1].prefix(1).uppercased() + m[1].dropFirst()
    }

    /// A short line with no closing punctuation reads as a title.
    static func isTitleLine(_ text: String) -> Bool {
        text.split(separator: " ").count <= 8 && !".,:;!?".contains(text.last ?? ".")
    }
}
