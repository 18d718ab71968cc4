import Foundation

/// A heading that names expectations shared by every level ("All levels") rather than a level.
package enum SharedHeading {
    package static func matches(_ text: String) -> Bool {
        ["all", "all levels", "every level", "at every level", "shared expectations"]
            .contains(text.trimmingCharacters(in: " ").lowercased())
    }
}
