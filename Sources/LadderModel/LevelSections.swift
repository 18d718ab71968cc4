import Foundation
import LadderCore
import LadderLoad
import LadderMarkdown

/// Finds the competency sections of a level: the shallowest headings under it, unless a deeper group of
/// sibling headings is plainly the competencies (the headings `site.yml` names, or a larger group: a role
/// page with `##### Impact` … `##### Leadership` under `### Responsibilities`).
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
        var sectionHeadings = headings.filter { $0.depth == depth }
        if let group = competencyGroup(headings, defaultDepth: depth, config: config) { sectionHeadings = group }
        return sectionHeadings.map { heading in
            let end = headings.first { $0.blockIndex > heading.blockIndex && $0.depth <= heading.depth }?.blockIndex ?? blocks.upperBound
            return LevelSection(name: heading.text, anchor: heading.anchor,
                                competencyID: competencyID(for: heading.text, config: config),
                                blocks: heading.blockIndex..<end)
        }
    }

    /// A group of sibling headings (same parent, same depth) deeper than `defaultDepth` that holds the
    /// competencies: the group with the most headings `site.yml` names (two at least), or, without that
    /// list, the largest group of at least three differently named siblings, when it has at least as many
    /// headings as the default depth. A depth where several such groups repeat (`### Examples`, `### Signals` under every
    /// competency) is structure inside competencies, never the competencies.
    static func competencyGroup(_ headings: [Outline.Heading], defaultDepth: Int, config: SiteConfig) -> [Outline.Heading]? {
        let candidates = headings.filter { $0.depth > defaultDepth }
        guard candidates.count >= 2 else { return nil }
        // Sibling groups: the parent of a heading is the nearest earlier one that is shallower.
        var groups: [[Outline.Heading]] = []
        var groupOf: [String: Int] = [:]
        var stack: [Outline.Heading] = []
        for heading in headings {
            while let last = stack.last, last.depth >= heading.depth { stack.removeLast() }
            if heading.depth > defaultDepth {
                let key = "\(stack.last?.blockIndex ?? -1)/\(heading.depth)"
                if let g = groupOf[key] { groups[g].append(heading) } else { groupOf[key] = groups.count; groups.append([heading]) }
            }
            stack.append(heading)
        }
        if !config.competencies.isEmpty {
            let declared = Set(config.competencies.flatMap { [$0.name.lowercased()] + $0.aliases.map { $0.lowercased() } })
            let shallow = headings.filter { $0.depth == defaultDepth && declared.contains($0.text.lowercased()) }.count
            let best = groups.max { a, b in
                a.filter { declared.contains($0.text.lowercased()) }.count < b.filter { declared.contains($0.text.lowercased()) }.count
            }
            if let best, best.filter({ declared.contains($0.text.lowercased()) }).count >= max(2, shallow + 1) { return best }
            return nil
        }
        let shallowCount = headings.filter { $0.depth == defaultDepth }.count
        var perDepth: [Int: Int] = [:]
        for group in groups where group.count >= 3 { perDepth[group[0].depth, default: 0] += 1 }
        let eligible = groups.filter { group in
            group.count >= 3 && perDepth[group[0].depth] == 1 && Set(group.map { $0.text.lowercased() }).count == group.count
        }
        guard let best = eligible.max(by: { ($0.count, $0[0].depth) < ($1.count, $1[0].depth) }),
              best.count >= shallowCount else { return nil }
        return best
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
            // "L1 Engineers": one word after the id with nothing between is the label's own noun, and the
            // label is the title ("Engineers" alone says nothing).
            if rest.first == " ", !title.contains(" "), title.first?.isLetter == true, rest.count == title.count + 1 {
                return (id, String(trimmed.prefix(letters.count + digits.count)) + rest)
            }
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
