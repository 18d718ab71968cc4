import Foundation
import LadderCore
import LadderMarkdown
import LadderModel
import LadderRender

/// Tag pages and the sitemap.
extension PageWriter {
    func tagOutputs() -> [Output] {
        guard !urls.tags.isEmpty else { return [] }
        var outputs: [Output] = []
        for tag in urls.tags {
            let pages = tag.pages.sorted { (model.pages[$0].date ?? "", model.pages[$0].url) > (model.pages[$1].date ?? "", model.pages[$1].url) }
            let entries = pages.map { TagContext.Entry(title: model.pages[$0].title, url: href(model.pages[$0].url), date: model.pages[$0].date) }
            outputs.append(Output(
                url: "/tags/\(tag.slug)/", layout: "tag",
                context: context(page: PageContext(title: strings.text("title.tag", ["tag": tag.name]), url: href("/tags/\(tag.slug)/")), current: "",
                                 view: .tag(.init(name: tag.name, pages: entries)), breadcrumbs: [(strings.text("crumb.tags"), "/tags/"), (tag.name, nil)]),
                inSitemap: true, lastmod: nil))
        }
        outputs.append(Output(
            url: "/tags/", layout: "tag",
            context: context(page: PageContext(title: strings.text("title.tags"), url: href("/tags/")), current: "",
                             view: .tag(.init(name: "", pages: urls.tags.map { .init(title: $0.name, url: href("/tags/\($0.slug)/"), date: nil) })),
                             breadcrumbs: [(strings.text("crumb.tags"), nil)]),
            inSitemap: true, lastmod: nil))
        return outputs
    }

    struct SitemapEntry {
        var url: String
        var inSitemap: Bool
        var lastmod: String?
    }

    func sitemap(_ outputs: [SitemapEntry]) -> String {
        // It is made last, while the whole site is still held: sorted by index rather than by copying the
        // entries, and made in a string sized for it, not one doubled as it grows (60,000 URLs are 8 MB).
        let listed = outputs.indices.filter { outputs[$0].inSitemap }.sorted { outputs[$0].url < outputs[$1].url }
        let perURL = "  <url><loc></loc></url>\n".utf8.count + absolute("").utf8.count
        let lastmodSize = "<lastmod>YYYY-MM-DD</lastmod>".utf8.count
        // A site in several languages lists each URL's translations (`xhtml:link`), as search engines read them.
        let xhtml = languages == nil ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(xhtml)>\n"
        xml.reserveCapacity(xml.utf8.count + 16 + listed.reduce(0) { size, index in
            size + perURL + outputs[index].url.utf8.count + (outputs[index].lastmod == nil ? 0 : lastmodSize)
        })
        for index in listed {
            let output = outputs[index]
            xml += "  <url><loc>"
            xml += HTML.escapeXML(absolute(output.url))
            xml += "</loc>"
            if let lastmod = output.lastmod { xml += "<lastmod>\(HTML.escapeXML(String(lastmod.prefix(10))))</lastmod>" }
            if let languages { xml += languages.sitemapLinks(for: output.url) }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
