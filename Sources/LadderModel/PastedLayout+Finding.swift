import Foundation
import LadderCore
import LadderLoad
import LadderRecognise

/// Finding the layout of text pasted from a document or a web page, from its lines: `•`, `◦`, `▪` and `–`
/// bullets, or plain `Level 1` … lines with "E.g." examples under them. The Markdown stage applies it to the
/// page's tree (`PastedLayout`); the body stays as written.
extension PastedLayout {
    /// The page's layout, or nil when it has neither bullets nor level lines (or says what it is).
    static func of(_ source: PageSource) -> PastedLayout? {
        let fm = source.frontMatter
        guard LadderRecognition.mayRecognise(fm), source.body.utf8.count < 200_000 else { return nil }
        // Quick test: nothing to do unless a bullet character or "Level " is in the body at all.
        guard source.body.containsBytes("Level ") || source.body.containsBytes("•") || source.body.containsBytes("▪")
            || source.body.containsBytes("–") else { return nil }
        let lines = source.body.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)[...]
        }
        let hasTitle = fm["title"] != nil
        if let levels = levelLines(lines) {
            // The first short line above the levels is the title, unless the front matter gives one.
            let title = hasTitle ? nil : lines[..<levels[0]].firstIndex { !$0.isEmpty && isTitleLine($0) }
            let name = (try? fm.string("title")) ?? nil
            let competency = name ?? title.map { String(lines[$0]) } ?? Page.titleFromFileName(source.contentPath)
            return PastedLayout(shape: .levelLines(levels: levels.map { $0 + 1 }, competency: competency),
                                titleLine: title.map { $0 + 1 })
        }
        let bullets = lines.indices.filter { PastedLayout.bullet(lines[$0]) != nil }
        guard bullets.count >= 3 else { return nil }
        // Items led by a level id (`• L1’s are new…`) are the levels, as if written `* **L1’s** are new…`.
        let leads = bullets.compactMap { i -> (Int, String)? in
            guard let bullet = PastedLayout.bullet(lines[i]), !bullet.nested else { return nil }
            let text = String(lines[i].utf8.dropFirst(bullet.length))!
            guard let token = text.firstMatch(#"^([A-Za-z]{1,3}\d{1,2}(?:’s|'s|s)?|Level \d{1,2})(?=[\s:.,]|$)"#)?[1] else { return nil }
            return (i + 1, token)
        }
        let labels = leads.compactMap { LevelLabel($0.1) }
        let bold = labels.count == leads.count && LevelLabel.isRun(labels)
            ? Dictionary(uniqueKeysWithValues: leads.map { ($0.0, $0.1.utf8.count) }) : [:]
        // A short first line over a blank one is the title, unless the front matter gives one.
        var title: Int?
        if !hasTitle, let first = lines.firstIndex(where: { !$0.isEmpty }), PastedLayout.bullet(lines[first]) == nil,
           isTitleLine(lines[first]), first + 1 >= lines.count || lines[first + 1].isEmpty, !lines[first].hasPrefix("#") {
            title = first + 1
        }
        return PastedLayout(shape: .bullets(leads: bold), titleLine: title)
    }

    /// Line indices of `Level 1`, `Level 2`, … standing alone: at least three, counting up by one, in a page
    /// with no Markdown headings.
    static func levelLines(_ lines: [Substring]) -> [Int]? {
        var found: [(index: Int, n: Int)] = []
        for (i, text) in lines.enumerated() {
            if text.hasPrefix("#") { return nil }
            if text.hasPrefix("Level "), let m = String(text).firstMatch(#"^Level (\d{1,2})$"#), let n = Int(m[1]) { found.append((i, n)) }
        }
        guard found.count >= 3 else { return nil }
        for (a, b) in zip(found, found.dropFirst()) where b.n != a.n + 1 { return nil }
        return found.map(\.index)
    }

    /// A short line with no closing punctuation reads as a title.
    static func isTitleLine(_ text: Substring) -> Bool {
        text.split(separator: " ").count <= 8 && !".,:;!?".contains(text.last ?? ".")
    }
}
