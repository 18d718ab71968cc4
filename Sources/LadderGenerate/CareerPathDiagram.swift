import LadderCore
import LadderModel
import LadderRender

/// The home page's career paths as a picture (issue 32): each track a column of its levels, the first
/// level at the bottom, and a line between two levels of different tracks that `equivalent:` pairs
/// (L4 ≈ M1: where the management track branches off). Drawn here, at build time, as inline SVG, so it
/// needs no script and prints; colours come from the theme's stylesheet (custom properties), so it
/// follows dark mode. The same output for the same model: nothing depends on hashing order.
struct CareerPathDiagram {
    /// A track drawn as a column: `offset` is the row of its first level, so that equivalent levels of
    /// two tracks sit on one row where the pairs agree.
    struct Column {
        var track: Track
        var offset: Int
    }

    /// Two levels named equivalent, by column and level position; `from` is the column further left.
    struct Pair: Hashable {
        var from: (column: Int, level: Int)
        var to: (column: Int, level: Int)
        static func == (a: Pair, b: Pair) -> Bool { a.from == b.from && a.to == b.to }
        func hash(into h: inout Hasher) { h.combine(from.column); h.combine(from.level); h.combine(to.column); h.combine(to.level) }
    }

    /// Past these, columns are too many to read as one picture (the track cards still list everything).
    static let maxTracks = 24
    static let maxLevels = 400

    let columns: [Column]
    let pairs: [Pair]
    /// Rows from the lowest level of any column to the highest.
    let rows: Int

    /// Nil when there is nothing worth drawing: no track with levels, or more than the limits above.
    init?(tracks: [Track]) {
        let drawn = tracks.filter { !$0.levels.isEmpty }
        guard !drawn.isEmpty, drawn.count <= Self.maxTracks,
              drawn.reduce(0, { $0 + $1.levels.count }) <= Self.maxLevels else { return nil }

        // Equivalences between drawn tracks, by track index: each level names another track's level by id,
        // which is looked up as the level pages look it up (the first other track with that slug).
        var links: [(a: (Int, Int), b: (Int, Int))] = []
        for (t, track) in drawn.enumerated() {
            for (l, level) in track.levels.enumerated() {
                guard let id = level.equivalent else { continue }
                let slug = Slug.make(id)
                for (u, other) in drawn.enumerated() where u != t {
                    if let m = other.levels.firstIndex(where: { $0.slug == slug }) { links.append(((t, l), (u, m))); break }
                }
            }
        }

        // Column order: the site's, except that a track joined to one already placed comes right after
        // it, so most lines join neighbours instead of crossing other columns.
        var order: [Int] = []
        var placed = Set<Int>()
        func neighbours(_ t: Int) -> [Int] {
            Set(links.compactMap { $0.a.0 == t ? $0.b.0 : $0.b.0 == t ? $0.a.0 : nil }).sorted()
        }
        for start in drawn.indices where !placed.contains(start) {
            var queue = [start]
            placed.insert(start)
            while !queue.isEmpty {
                let t = queue.removeFirst()
                order.append(t)
                for n in neighbours(t) where !placed.contains(n) { placed.insert(n); queue.append(n) }
            }
        }

        // Rows: within a group of joined tracks, the first placed sits at row 0 and each other track is
        // raised so its level lines up with the level it is equivalent to (the first pair found wins; a
        // pair that disagrees is still drawn, as a slanted line). Each group then starts at row 0.
        var offset: [Int: Int] = [:]
        for t in order where offset[t] == nil {
            offset[t] = 0
            var queue = [t], members = [t]
            while !queue.isEmpty {
                let s = queue.removeFirst()
                for link in links {
                    let (mine, theirs) = link.a.0 == s ? (link.a, link.b) : link.b.0 == s ? (link.b, link.a) : ((-1, -1), (-1, -1))
                    guard mine.0 == s, offset[theirs.0] == nil else { continue }
                    offset[theirs.0] = offset[s]! + mine.1 - theirs.1
                    queue.append(theirs.0)
                    members.append(theirs.0)
                }
            }
            let lowest = members.map { offset[$0]! }.min()!
            for m in members { offset[m]! -= lowest }
        }

        columns = order.map { Column(track: drawn[$0], offset: offset[$0]!) }
        let columnOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var seen = Set<Pair>()
        var pairs: [Pair] = []
        for link in links {
            let a = (column: columnOf[link.a.0]!, level: link.a.1), b = (column: columnOf[link.b.0]!, level: link.b.1)
            let pair = a.column < b.column ? Pair(from: a, to: b) : Pair(from: b, to: a)
            if seen.insert(pair).inserted { pairs.append(pair) }
        }
        self.pairs = pairs.sorted { ($0.from.column, $0.from.level, $0.to.column, $0.to.level) < ($1.from.column, $1.from.level, $1.to.column, $1.to.level) }
        rows = columns.map { $0.offset + $0.track.levels.count }.max()!
    }

    // MARK: Drawing

    /// Sizes in SVG user units (CSS pixels at the drawing's natural size).
    enum Size {
        static let margin = 12, column = 156, gap = 40, header = 46
        static let box = 54, row = 74, line = 15, font = 12, titleFont = 13
        /// Characters that fit on a line: an estimate from the font size (text in SVG does not wrap).
        static let boxChars = 20, titleChars = 19
    }

    var width: Int { 2 * Size.margin + columns.count * Size.column + (columns.count - 1) * Size.gap }
    var height: Int { 2 * Size.margin + Size.header + rows * Size.row - (Size.row - Size.box) }

    func x(_ column: Int) -> Int { Size.margin + column * (Size.column + Size.gap) }
    /// The top of the box on `row` (row 0 at the bottom).
    func top(_ row: Int) -> Int { Size.margin + Size.header + (rows - 1 - row) * Size.row }
    func top(column: Int, level: Int) -> Int { top(columns[column].offset + level) }

    /// The `<svg>`: `href` makes a site path a link (the base path); every text is escaped.
    func svg(href: (String) -> String, strings: UIStrings = .english) -> String {
        var out = "<svg class=\"career-paths-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\""
        out += " width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"career-paths-svg-title\" aria-describedby=\"career-paths-svg-desc\">"
        out += "<title id=\"career-paths-svg-title\">\(HTML.escape(strings.text("paths.title")))</title>"
        out += "<desc id=\"career-paths-svg-desc\">\(HTML.escape(description(strings)))</desc>"

        // Steps up each track, then the lines between equivalent levels, then the boxes over them.
        out += "<g class=\"cp-steps\" stroke=\"currentColor\">"
        for (c, column) in columns.enumerated() {
            let mid = x(c) + Size.column / 2
            for l in column.track.levels.indices.dropLast() {
                out += "<line x1=\"\(mid)\" y1=\"\(top(column: c, level: l))\" x2=\"\(mid)\" y2=\"\(top(column: c, level: l + 1) + Size.box)\"/>"
            }
        }
        out += "</g>"
        if !pairs.isEmpty {
            out += "<g class=\"cp-equivalents\" stroke=\"currentColor\">"
            for pair in pairs {
                let y1 = top(column: pair.from.column, level: pair.from.level) + Size.box / 2
                let y2 = top(column: pair.to.column, level: pair.to.level) + Size.box / 2
                out += "<line x1=\"\(x(pair.from.column) + Size.column)\" y1=\"\(y1)\" x2=\"\(x(pair.to.column))\" y2=\"\(y2)\"/>"
            }
            out += "</g>"
        }
        for (c, column) in columns.enumerated() {
            let track = column.track
            let mid = x(c) + Size.column / 2
            out += "<g class=\"cp-track\">"
            out += "<a class=\"cp-track-link\" href=\"\(HTML.escape(href(track.url)))\">"
            let titleLines = Self.lines(track.title, width: Size.titleChars, count: 2)
            let titleTop = Size.margin + Size.header - 10 - titleLines.count * (Size.line + 2)
            for (n, line) in titleLines.enumerated() {
                out += "<text class=\"cp-track-title\" x=\"\(mid)\" y=\"\(titleTop + (n + 1) * (Size.line + 2))\" text-anchor=\"middle\" fill=\"currentColor\">\(HTML.escape(line))</text>"
            }
            out += "</a>"
            for (l, level) in track.levels.enumerated() {
                let y = top(column: c, level: l)
                let name = HTML.escape(level.displayName)
                out += "<a class=\"cp-level\" href=\"\(HTML.escape(href(level.url)))\" aria-label=\"\(name)\"><title>\(name)</title>"
                out += "<rect x=\"\(x(c))\" y=\"\(y)\" width=\"\(Size.column)\" height=\"\(Size.box)\" rx=\"6\" fill=\"none\" stroke=\"currentColor\"/>"
                var lines: [(text: String, isID: Bool)] = []
                if level.showsID { lines.append((Self.lines(level.id, width: Size.boxChars, count: 1)[0], true)) }
                lines += Self.lines(level.title, width: Size.boxChars, count: level.showsID ? 2 : 3).map { ($0, false) }
                let first = y + (Size.box - lines.count * Size.line) / 2 + Size.line - 3
                for (n, line) in lines.enumerated() {
                    out += "<text\(line.isID ? " class=\"cp-id\"" : "") x=\"\(mid)\" y=\"\(first + n * Size.line)\" text-anchor=\"middle\" fill=\"currentColor\">\(HTML.escape(line.text))</text>"
                }
                out += "</a>"
            }
            out += "</g>"
        }
        return out + "</svg>"
    }

    /// What the picture shows, in words (the SVG's `<desc>`).
    func description(_ strings: UIStrings) -> String {
        var text = strings.text("paths.text", ["tracks": columns.map {
            "\($0.track.title) (\($0.track.levels.map(\.label).joined(separator: ", ")))"
        }.joined(separator: "; ")])
        if !pairs.isEmpty {
            text += " " + strings.text("paths.lines", ["pairs": pairs.map { pair in
                let a = columns[pair.from.column].track, b = columns[pair.to.column].track
                return strings.text("paths.line_pair", ["track": a.title, "level": a.levels[pair.from.level].label,
                                                        "other_track": b.title, "other": b.levels[pair.to.level].label])
            }.joined(separator: "; ")])
        }
        return text
    }

    /// `text` in at most `count` lines of about `width` characters, broken between words; a line too long
    /// (a long word, or what did not fit on the last line) is cut and ends in "…".
    static func lines(_ text: String, width: Int, count: Int) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        var lines: [String] = []
        var i = 0
        while i < words.count, lines.count < count {
            var line = words[i]
            i += 1
            while i < words.count, line.count + 1 + words[i].count <= width {
                line += " " + words[i]
                i += 1
            }
            lines.append(line)
        }
        if i < words.count, !lines.isEmpty { lines[lines.count - 1] += " " + words[i...].joined(separator: " ") }
        if lines.isEmpty { return [""] }
        return lines.map { $0.count > width ? String($0.prefix(width - 1)).trimmingTrailingSpace() + "…" : $0 }
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension PageWriter {
    /// `site.career_paths`: the diagram, and its tracks and pairs as data for the text alternative.
    func careerPathsContext() -> CareerPathsContext? {
        guard let diagram = CareerPathDiagram(tracks: model.tracks) else { return nil }
        func link(_ level: Level) -> LevelLink {
            LevelLink(id: level.id, title: level.title, displayName: level.displayName, url: href(level.url))
        }
        let columns = diagram.columns.map { column in
            CareerPathsContext.Column(title: column.track.title, url: href(column.track.url), levels: column.track.levels.map(link))
        }
        let equivalents = diagram.pairs.map { pair in
            let a = diagram.columns[pair.from.column].track, b = diagram.columns[pair.to.column].track
            return CareerPathsContext.Equivalent(level: link(a.levels[pair.from.level]), track: a.title,
                                                 other: link(b.levels[pair.to.level]), otherTrack: b.title)
        }
        return CareerPathsContext(svg: diagram.svg(href: href, strings: strings), columns: columns, equivalents: equivalents)
    }
}
