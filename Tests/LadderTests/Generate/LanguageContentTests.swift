import Foundation
@testable import LadderGenerate
@testable import LadderRender
import Testing

/// Which language a file of a multilingual site is in, and its path in that language's site.
@Suite struct LanguageContentTests {
    let languages = ["en", "de", "pt-BR"]

    @Test func a_translation_beside_its_original_or_in_a_mirrored_folder_has_the_originals_path() {
        let cases: [(String, String, String, Bool)] = [
            ("engineering/l3.md", "en", "engineering/l3.md", false),
            ("engineering/l3.de.md", "de", "engineering/l3.md", true),
            ("de/engineering/l3.md", "de", "engineering/l3.md", false),
            ("engineering/l3.pt-BR.md", "pt-BR", "engineering/l3.md", true),
            ("pt-br/index.md", "pt-BR", "index.md", false),
            ("index.DE.md", "de", "index.md", true),
            // The default language's code beside a page names the default language.
            ("about.en.md", "en", "about.md", false),
            // A dot that is no language, and a folder that is none, leave the file where it is.
            ("notes.v2.md", "en", "notes.v2.md", false),
            ("design/l3.md", "en", "design/l3.md", false),
            ("en/l3.md", "en", "en/l3.md", false),
            ("img/de.png", "en", "img/de.png", false),
        ]
        for (path, language, placed, beside) in cases {
            let result = LanguageContent.place(path, languages: languages)
            #expect(result.language == language && result.path == placed && result.beside == beside, "\(path) → \(result)")
        }
    }

    @Test func a_language_is_named_in_itself_even_by_a_strings_file_copied_from_english() throws {
        let site = try TempSite(copying: Repo.fixture("sites/languages"))
        defer { site.remove() }
        let english = try String(contentsOf: Repo.root.appendingPathComponent("templates/i18n/en.yml"), encoding: .utf8)
        try site.write("templates/i18n/it.yml", english)
        try site.write("content/site.yml", "title: Acme\nlanguages: [en, de, it]\n")
        #expect(site.ladder(["build", site.path, "--quiet"]).status == 0)
        let page = try site.read("public/it/engineering/l3/index.html")
        #expect(page.contains("<span aria-current=\"page\" lang=\"it\">italiano</span>") || page.contains("lang=\"it\">Italiano<"), "the system's name, not the copied 'English'")
        #expect(page.contains("<a href=\"/de/engineering/l3/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"))
        #expect(SiteGenerator.ownName("de", strings: .english) == "Deutsch")
        #expect(SiteGenerator.ownName("en", strings: .english) == "English")
    }
}
