import Foundation

/// A heading that names expectations shared by every level ("All levels") rather than a level.
package enum SharedHeading {
    package static func matches(_ text: String) -> Bool {
        // …and as the theme's languages say it, for a track translated on a site in several languages.
        ["all", "all levels", "every level", "at every level", "shared expectations",
         "alle stufen", "auf jeder stufe", "tous les niveaux", "à tous les niveaux", "todos los niveles",
         "en todos los niveles", "todos os níveis", "em todos os níveis"]
            .contains(text.trimmingCharacters(in: " ").lowercased())
    }
}
