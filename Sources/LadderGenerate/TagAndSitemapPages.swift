import Foundation
import LadderCore
import LadderMarkdown
import LadderModel

/// Tag pages and the sitemap.
extension PageWriter {
    func tagOutputs() -> [Output] {
        guard !urls.tags.isEmpty else { return [] }
        var outputs: [Output] = []
        for tag in urls.tags {
            let pages = tag.pages.sorted { (model.pages[$0].date ?? "", model.pages[$0].url) > (model.pages[$1].date ?? "", model.pages[$1].url) }
            outputs.append(Output(
                url: "/tags/\(tag.slug)/", layout: "tag",
                context: context(page: ["title": "Tagged “\(tag.name)”", "url": href("/tags/\(tag.slug)/")], current: "",
                                 extra: ["tag": ["name": tag.name, "pages": pages.map { i -> [String: Any] in
                                     // No `date` key when there is none: an empty string is still "true" in a section.
                                     var entry: [String: Any] = ["title": model.pages[i].title, "url": href(model.pages[i].url)]
                                     if let date = model.pages[i].date { entry["date"] = date }
                                     return entry
                                 }]], breadcrumbs: [("Tags", "/tags/"), (tag.name, nil)]),
                inSitemap: true, lastmod: nil))
        }
        outputs.append(Output(
            url: "/tags/", layout: "tag",
            context: context(page: ["title": "Tags", "url": href("/tags/")], current: "",
                             extra: ["tag": ["name": "", "pages": urls.tags.map { ["title": $0.name, "url": href("/tags/\($0.slug)/")] }]],
                             breadcrumbs: [("Tags", nil)]),
            inSitemap: true, lastmod: nil))
        return outputs
    }

    struct SitemapEntry {
        var url: String
        var inSitemap: Bool
        var lastmod: String?
    }

    func sitemap(_ outputs: [SitemapEntry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for output in outputs.filter(\.inSitemap).sorted(by: { $0.url < $1.url }) {
            xml += "  <url><loc>\(HTML.escapeXML(absolute(output.url)))</loc>"
            if let lastmod = output.lastmod { xml += "<lastmod>\(HTML.escapeXML(String(lastmod.prefix(10))))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
