import Foundation
import LadderDiff
import LadderModel
import LadderRender

/// The text Ladder writes itself (titles, crumbs, counts, dates) in the site's language.
extension UIStrings {
    /// "2 reworded, 1 new, 3 unchanged", or "no change".
    func summary(_ counts: Alignment.Counts) -> String {
        var parts: [String] = []
        for (key, count) in [("counts.reworded", counts.reworded), ("counts.new", counts.new),
                             ("counts.no_longer_listed", counts.noLongerListed), ("counts.unchanged", counts.unchanged)] where count > 0 {
            parts.append(text(key, numbers: ["count": count]))
        }
        return parts.isEmpty ? text("counts.none") : parts.joined(separator: text("counts.separator"))
    }

    /// "2026-03-14" as the language writes a date: English as "14 March 2026" (as Ladder always has, on
    /// any machine's locale), other languages by Foundation's formatter for that locale ("14 de março
    /// de 2026", "14. März 2026"). Anything that is not such a date is shown as it is.
    func date(_ iso: String) -> String {
        if fileName == "en.yml" { return DateText.display(iso) }
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else { return iso }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: String(fileName.dropLast(4)))
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        let text = formatter.string(from: date)
        return text.isEmpty ? String(iso.prefix(10)) : text
    }
}

/// "2 reworded, 1 new" for each comparison count, worded once a build: a 10,000-level site words a
/// quarter of a million comparison rows (wording each was 0.8 % of its CPU), with far fewer different
/// counts. Pages render on every core, hence the lock.
final class CountSummaries: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [Alignment.Counts: String] = [:]

    func summary(_ counts: Alignment.Counts, strings: UIStrings) -> String {
        if let summary = lock.withLock({ known[counts] }) { return summary }
        let made = strings.summary(counts)
        lock.withLock { known[counts] = made }
        return made
    }
}

extension PageWriter {
    /// A competency's name as rows show it: a prose level's one row ("Expectations") in the site's language.
    func displayName(_ competency: Competency) -> String {
        competency.id.isEmpty && competency.name == Self.proseRow.name ? strings.text("level.expectations") : competency.name
    }
}
