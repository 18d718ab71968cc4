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
                context: context(page: PageContext(title: "Tagged “\(tag.name)”", url: href("/tags/\(tag.slug)/")), current: "",
                                 view: .tag(.init(name: tag.name, pages: entries)), breadcrumbs: [("Tags", "/tags/"), (tag.name, nil)]),
                inSitemap: true, lastmod: nil))
        }
        outputs.append(Output(
            url: "/tags/", layout: "tag",
            context: context(page: PageContext(title: "Tags", url: href("/tags/")), current: "",
                             view: .tag(.init(name: "", pages: urls.tags.map { .init(title: $0.name, url: href("/tags/\($0.slug)/"), date: nil) })),
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
