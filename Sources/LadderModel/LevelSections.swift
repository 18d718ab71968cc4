import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Finds the competency sections of a level: the shallowest headings under it.
package enum SectionSplitter {
    /// The heading depth that splits a page: the shallowest, unless that is a lone `#` title.
    static func sectionDepth(_ headings: [Outline.Heading], skippingTitle: Bool) -> Int {
        guard let minDepth = headings.map(\.depth).min() else { return 2 }
        let atMin = headings.filter { $0.depth == minDepth }
        if atMin.count == 1, atMin[0].blockIndex == headings[0].blockIndex, headings.count > 1,
           skippingTitle || minDepth == 1 {
            return headings.dropFirst().map(\.depth).min() ?? minDepth
        }
        return minDepth
    }

    static func sections(of headings: [Outline.Heading], in blocks: Range<Int>, config: SiteConfig,
                         skippingTitle: Bool = true) -> [LevelSection] {
        let depth = sectionDepth(headings, skippingTitle: skippingTitle)
        let sectionHeadings = headings.filter { $0.depth == depth }
        return sectionHeadings.map { heading in
            let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= depth }?.blockIndex ?? blocks.upperBound
            return LevelSection(name: heading.text, anchor: heading.anchor,
                                competencyID: competencyID(for: heading.text, config: config),
                                blocks: heading.blockIndex..<end)
        }
    }

    /// Section names match competencies case-insensitively, by name or by a `site.yml` alias.
    static func competencyID(for name: String, config: SiteConfig) -> String {
        let key = name.lowercased()
        for competency in config.competencies
        where competency.name.lowercased() == key || competency.aliases.contains(where: { $0.lowercased() == key }) {
            return Slug.id(competency.name)
        }
        return Slug.id(name)
    }
}

/// "L1 Engineers" → ("L1", "Engineers"); "IC3: Senior" → ("IC3", "Senior"); "Staff" → ("staff", "Staff").
package enum LevelName {
    static func split(_ text: String) -> (id: String, title: String) {
        let trimmed = text.trimmingCharacters(in: " ")
        let letters = trimmed.prefix { $0.isLetter }
        let digits = trimmed.dropFirst(letters.count).prefix { $0.isNumber }
        if (1...3).contains(letters.count), !digits.isEmpty, letters.allSatisfy({ $0.isASCII }) {
            let id = String(letters).uppercased() + String(digits)
            var rest = trimmed.dropFirst(letters.count + digits.count)
            // "L1's" and "L1s" are plural/possessive forms of the id, not part of the title.
            for suffix in ["’s", "'s", "s"] where rest.hasPrefix(suffix) {
                let after = rest.dropFirst(suffix.count)
                if after.isEmpty || after.first == " " || after.first == ":" { rest = after; break }
            }
            let title = rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "·" }
            return (id, title.isEmpty ? id : String(title))
        }
        return (Slug.make(trimmed), trimmed)
    }
}

/// A one-line summary from prose: the first sentence, or two when the first is very short.
package enum Summary {
    static func firstSentences(_ text: String, limit: Int = 200) -> String {
        let clean = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        var out = ""
        var current = ""
        for ch in clean {
            current.append(ch)
            if ch == "." || ch == "!" || ch == "?" {
                out += current
                current = ""
                if out.count >= 60 { break }
            }
        }
        if out.isEmpty { out = current }
        out = out.trimmingCharacters(in: " ")
        if out.count > limit {
            out = String(out.prefix(limit - 1)).trimmingCharacters(in: " ") + "…"
        }
        return out
    }
}
