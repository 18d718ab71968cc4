import LadderCore

/// Settings from `content/site.yml`. Every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public struct TrackDeclaration: Sendable, Equatable {
        public var id: String
        public var title: String
        public var description: String
    }

    public struct CompetencyDeclaration: Sendable, Equatable {
        public var name: String
        public var description: String
        public var aliases: [String]
    }

    public var title = "Careers"
    public var description = ""
    /// Absolute URL the site is served from; its path (e.g. `/careers/`) prefixes every link.
    public var baseURL = "/"
    public var language = "en"
    /// `languages: [en, de]`: the languages the site is published in, the first the default (at `/`, the
    /// others under `/<lang>/`). Empty: one language, `language`.
    public var languages: [String] = []
    /// Where `languages:` is written, for diagnostics about it.
    public var languagesLocation: SourceLocation?
    /// Raw HTML in Markdown is dropped unless the site opts in.
    public var rawHTML = false
    /// Link level ids mentioned in prose ("works with L3s") to their level pages.
    public var linkLevelMentions = true
    /// Build a search index, the `/search/` page and a search box in every header (`search: false` turns all three off).
    public var search = true
    /// Write each track's views: competency pages, the matrix and the level comparisons (`views: false`
    /// leaves only the track overview and level pages, and no links to the views).
    public var views = true
    /// Write a self-assessment page for every level (`assess: false` turns them off).
    public var assess = true
    /// Show "3 of 5" counts per competency on assess pages (`assess: {counts: true}`); off by default, so
    /// an assessment reads as evidence rather than a score.
    public var assessCounts = false
    /// Follow symbolic links under `content/` whose target is outside the site folder (off: a build of
    /// someone else's pull request must not publish the machine's files).
    public var followExternalSymlinks = false
    /// "Edit this page" link: `{path}` is replaced by the page's path under `content/`
    /// (`https://github.com/acme/careers/edit/main/content/{path}`). Empty: no link.
    public var editURL = ""
    /// `links: warn`: a link to a missing page or anchor is a warning, not an error, so a ladder imported
    /// from another site can be published first and its links fixed later (`check --strict` still fails).
    public var linksWarn = false
    /// `history:`: the versions `/changes/` lists, oldest first: git tags, or every tag (`history: tags`).
    /// nil: no history.
    public var history: History?
    /// Where `history:` is, for diagnostics about it (outside git, a tag that does not exist).
    public var historyLocation: SourceLocation?
    /// Where each tag named under `history:` is written, when it could be found.
    public var historyTagLocations: [String: SourceLocation] = [:]
    public var tracks: [TrackDeclaration] = []
    public var competencies: [CompetencyDeclaration] = []
    /// Everything else, for templates as `site.params`.
    public var params: [String: Any] { extra.templateValue as? [String: Any] ?? [:] }
    var extra: YAMLValue = .map(YAMLMap())
    /// Likely mistakes that still build (a near-miss of a key), reported by the build.
    public var warnings: [Diagnostic] = []

    public enum History: Sendable, Equatable {
        /// These tags, in this order (oldest first).
        case tags([String])
        /// Every tag of the repository, by its commit's date, oldest first.
        case allTags
    }

    public init() {}

    public static func == (a: SiteConfig, b: SiteConfig) -> Bool {
        a.title == b.title && a.description == b.description && a.baseURL == b.baseURL
            && a.language == b.language && a.rawHTML == b.rawHTML && a.tracks == b.tracks
            && a.competencies == b.competencies && a.linkLevelMentions == b.linkLevelMentions && a.search == b.search
            && a.views == b.views && a.assess == b.assess && a.assessCounts == b.assessCounts && a.editURL == b.editURL && a.linksWarn == b.linksWarn
            && a.history == b.history && a.languages == b.languages
    }

    /// The keys `parse` reads: every other key reaches templates as `site.params`, and a near-miss of one of
    /// these is a warning. The manual's reference (docs/content/reference/site-yml.md) must name each one
    /// (`ManualReferenceTests`).
    public static let knownKeys: Set<String> = [
        "title", "description", "base_url", "language", "raw_html", "link_level_mentions", "search", "views", "assess",
        "tracks", "competencies", "follow_external_symlinks", "edit_url", "links", "history", "languages",
    ]

    /// The keys of the maps three of those keys hold (`assess: {enabled, counts}`, each entry of `tracks` and
    /// of `competencies`): `parse` reads these, and a near-miss of one is a warning as at the top level.
    public static let nestedKeys: [String: Set<String>] = [
        "assess": ["enabled", "counts"],
        "tracks": ["id", "title", "description"],
        "competencies": ["name", "description", "aliases"],
    ]

    /// Reads `site.yml` text; `path` is how diagnostics name the file.
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> SiteConfig {
        let map = try YAMLReader(path: path).readMapping(text)
        let fields = FrontMatter(map: map, location: SourceLocation(path: path))
        var config = SiteConfig()
        config.title = try fields.string("title") ?? config.title
        config.description = try fields.string("description") ?? ""
        config.baseURL = try fields.string("base_url") ?? "/"
        config.language = try fields.string("language") ?? "en"
        config.languages = try fields.stringList("languages")
        if !config.languages.isEmpty {
            config.languagesLocation = fields.keyLocation("languages")
            // The first is the default language, the one at `/`.
            config.language = config.languages[0]
        }
        config.rawHTML = try fields.bool("raw_html") ?? false
        config.linkLevelMentions = try fields.bool("link_level_mentions") ?? true
        config.search = try fields.bool("search") ?? true
        config.views = try fields.bool("views") ?? true
        config.followExternalSymlinks = try fields.bool("follow_external_symlinks") ?? false
        if case .map(let assess)? = map["assess"] {
            let f = FrontMatter(map: assess, location: fields.keyLocation("assess"))
            config.warnNearMisses(in: assess, of: "assess")
            config.assess = try f.bool("enabled") ?? true
            config.assessCounts = try f.bool("counts") ?? false
        } else {
            config.assess = try fields.bool("assess") ?? true
        }
        config.editURL = try fields.string("edit_url") ?? ""
        switch try fields.string("links") ?? "error" {
        case "error": config.linksWarn = false
        case "warn": config.linksWarn = true
        case let other:
            throw .error(fields.keyLocation("links"), "'links' must be 'error' or 'warn', found '\(other)'")
        }

        if let history = map["history"] {
            let location = fields.keyLocation("history")
            let wrong = "'history' must be a list of git tags (history: [v1, v2]) or 'tags' for every tag"
            switch history {
            case .null: break
            case .string("tags"):
                config.history = .allTags
                config.historyLocation = location
            case .list(let items):
                var tags: [String] = []
                for item in items {
                    guard let tag = item.scalarText, !tag.isEmpty else { throw .error(location, wrong) }
                    tags.append(tag)
                }
                guard !tags.isEmpty else { throw .error(location, wrong) }
                config.history = .tags(tags)
                config.historyLocation = location
                config.historyTagLocations = Self.locations(of: tags, after: location, in: text)
            default:
                throw .error(location, wrong + ", found '\(history.scalarText ?? history.typeName)'")
            }
        }
        if let tracks = map["tracks"] {
            guard case .list(let items) = tracks else {
                throw .error(fields.keyLocation("tracks"), "'tracks' must be a list of {id, title, description}")
            }
            for item in items {
                switch item {
                case .string(let id):
                    config.tracks.append(.init(id: id, title: id.capitalized, description: ""))
                case .map(let entry):
                    let f = FrontMatter(map: entry, location: fields.keyLocation("tracks"))
                    config.warnNearMisses(in: entry, of: "tracks")
                    guard let id = try f.string("id") else {
                        throw .error(entry.entries.first?.keyLocation ?? f.location, "a track needs an 'id'")
                    }
                    config.tracks.append(.init(id: id, title: try f.string("title") ?? id.capitalized,
                                               description: try f.string("description") ?? ""))
                default:
                    throw .error(fields.keyLocation("tracks"), "'tracks' must be a list of {id, title, description}")
                }
            }
        }
        if let competencies = map["competencies"] {
            guard case .list(let items) = competencies else {
                throw .error(fields.keyLocation("competencies"), "'competencies' must be a list of {name, description, aliases}")
            }
            for item in items {
                switch item {
                case .string(let name):
                    config.competencies.append(.init(name: name, description: "", aliases: []))
                case .map(let entry):
                    let f = FrontMatter(map: entry, location: fields.keyLocation("competencies"))
                    config.warnNearMisses(in: entry, of: "competencies")
                    guard let name = try f.string("name") else {
                        throw .error(entry.entries.first?.keyLocation ?? f.location, "a competency needs a 'name'")
                    }
                    config.competencies.append(.init(name: name, description: try f.string("description") ?? "",
                                                     aliases: try f.stringList("aliases")))
                default:
                    throw .error(fields.keyLocation("competencies"), "'competencies' must be a list of {name, description, aliases}")
                }
            }
        }
        var extra = YAMLMap()
        for entry in map.entries where !knownKeys.contains(entry.key) {
            extra.append(entry)
            if let near = Spelling.nearMiss(of: entry.key, in: knownKeys.sorted()) {
                config.warnings.append(.warning(entry.keyLocation, "unknown key '\(entry.key)' (did you mean '\(near)'?)"))
            }
        }
        config.extra = .map(extra)
        return config
    }

    /// A warning for each key of `map` (the value of `key`) that is a near-miss of one `parse` reads there.
    mutating func warnNearMisses(in map: YAMLMap, of key: String) {
        let known = Self.nestedKeys[key] ?? []
        for entry in map.entries where !known.contains(entry.key) {
            if let near = Spelling.nearMiss(of: entry.key, in: known.sorted()) {
                warnings.append(.warning(entry.keyLocation, "unknown key '\(entry.key)' in '\(key)' (did you mean '\(near)'?)"))
            }
        }
    }

    /// Where each tag of a `history:` list is written: the first place on the key's line or after it
    /// where it stands as a word of its own (`- v1`, `[v1, v2]`).
    static func locations(of tags: [String], after key: SourceLocation, in text: String) -> [String: SourceLocation] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String: SourceLocation] = [:]
        let separators: Set<Character> = [" ", "\t", "[", "]", ",", "-", "'", "\"", ":"]
        for tag in tags where out[tag] == nil {
            var number = max(1, key.line)
            search: while number <= lines.count {
                let line = lines[number - 1]
                var start = line.startIndex
                if number == key.line, let colon = line.firstIndex(of: ":") { start = line.index(after: colon) }
                while let found = line[start...].range(of: tag) {
                    let before = found.lowerBound == line.startIndex ? " " : line[line.index(before: found.lowerBound)]
                    let after = found.upperBound == line.endIndex ? " " : line[found.upperBound]
                    if separators.contains(before) && (separators.contains(after) || after == "#") {
                        out[tag] = SourceLocation(path: key.path, line: number,
                                                  column: line.distance(from: line.startIndex, to: found.lowerBound) + 1)
                        break search
                    }
                    start = found.upperBound
                }
                number += 1
            }
        }
        return out
    }
}
