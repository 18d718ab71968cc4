import Foundation
import LadderCore
import LadderMarkdown
import LadderModel
import LadderSearch

/// The ladder as data, for HR tools and spreadsheets: `/ladder.json` (every track, level, competency and
/// criterion, with ids and URLs, and a `version` that changes when any of it does), its JSON Schema at
/// `/ladder.schema.json`, and `/<track>/matrix.csv` with one row per criterion.
struct LadderDataOutput {
    let pages: PageWriter
    /// With the preview server's memo and a fingerprint of everything the files read, unchanged files
    /// are not made again.
    var memo: BuildMemo? = nil
    var key: Int? = nil

    /// Every file, by path: made once and kept by the memo when there is one.
    func files() -> [(path: String, text: String)] {
        guard let memo, let key else { return make() }
        return memo.cached("ladder-data", key: key) { make() }
    }

    /// Returns how many files were written.
    func write(to sink: OutputSink) throws -> Int {
        let made = files()
        for file in made { try sink.write(file.path, file.text) }
        return made.count
    }

    func make() -> [(path: String, text: String)] {
        let model = pages.model
        // Track by track on every core: reading every level's criteria and writing them out was a quarter
        // of a 10,000-level build's CPU, on one core.
        let criteria = model.tracks.parallelMap { track in track.levels.map(pages.criteria) }
        let tracks = Array(model.tracks.indices).parallelMap { trackJSON(model.tracks[$0], criteria[$0]) }
        let body = JSONText.array(tracks)
        let version = Self.version(of: body)
        let json = JSONText.object([
            ("$schema", JSONText.string(pages.absolute(SiteURLs.ladderSchema))),
            ("version", JSONText.string(version)),
            ("title", JSONText.string(model.config.title)),
            ("url", JSONText.string(pages.absolute("/"))),
            ("tracks", body),
        ]) + "\n"
        var files = [(path: String(SiteURLs.ladderJSON.dropFirst()), text: json),
                     (path: String(SiteURLs.ladderSchema.dropFirst()), text: LadderSchema.text)]
        let withLevels = model.tracks.indices.filter { !model.tracks[$0].levels.isEmpty }
        files += withLevels.parallelMap { (path: String(model.tracks[$0].matrixCSV.dropFirst()), text: csv(model.tracks[$0], criteria[$0])) }
        return files
    }

    /// What a link made against this ladder remembers: 10 hex digits of a hash of every track's data.
    static func version(of tracksJSON: String) -> String { ContentHash.hex(Array(tracksJSON.utf8)) }

    func trackJSON(_ track: Track, _ levels: [LevelCriteria]) -> String {
        let s = JSONText.string
        let levelItems = zip(track.levels, levels).map { level, criteria -> String in
            var pairs: [(String, String)] = [
                ("id", s(level.id)), ("title", s(level.title)), ("summary", s(level.summary)), ("url", s(pages.absolute(level.url))),
            ]
            if pages.model.config.assess { pairs.append(("assess_url", s(pages.absolute(level.assessURL)))) }
            pairs.append(("competencies", JSONText.array(criteria.competencies.map { group in
                JSONText.object([
                    ("id", s(group.competencyID)), ("name", s(group.name)),
                    ("url", s(pages.absolute(level.url) + "#" + group.sectionAnchor)),
                    ("criteria", JSONText.array(group.criteria.map { criterion in
                        JSONText.object([
                            ("id", s(criterion.id)), ("text", s(criterion.text)), ("examples", JSONText.strings(criterion.examples)),
                            ("url", s(pages.absolute(level.url) + "#" + criterion.anchor)),
                        ])
                    })),
                ])
            })))
            return JSONText.object(pairs)
        }
        var pairs: [(String, String)] = [
            ("id", s(track.id)), ("title", s(track.title)), ("description", s(track.description)), ("url", s(pages.absolute(track.url))),
        ]
        if !track.levels.isEmpty { pairs.append(("matrix_csv", s(pages.absolute(track.matrixCSV)))) }
        pairs.append(("competencies", JSONText.array(track.competencies.map {
            JSONText.object([("id", s($0.id)), ("name", s($0.name)), ("description", s($0.description))])
        })))
        pairs.append(("levels", JSONText.array(levelItems)))
        // "All levels": on every level page, so their URLs point at the first one.
        if let shared = pages.sharedCriteria(of: track), let first = track.levels.first {
            pairs.append(("shared", JSONText.array(shared.all.map { criterion in
                JSONText.object([
                    ("id", s(criterion.id)), ("text", s(criterion.text)), ("examples", JSONText.strings(criterion.examples)),
                    ("url", s(pages.absolute(first.url) + "#" + criterion.anchor)),
                ])
            })))
        }
        return JSONText.object(pairs)
    }

    /// RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted.
    func csv(_ track: Track, _ levels: [LevelCriteria]) -> String {
        var rows = [["track", "level", "competency", "criterion_id", "text", "url"]]
        for (level, criteria) in zip(track.levels, levels) {
            for group in criteria.competencies {
                for criterion in group.criteria {
                    rows.append([track.id, level.id, group.name, criterion.id, criterion.text, pages.absolute(level.url) + "#" + criterion.anchor])
                }
            }
        }
        if let shared = pages.sharedCriteria(of: track), let first = track.levels.first {
            for criterion in shared.all {
                rows.append([track.id, "all", "At every level", criterion.id, criterion.text, pages.absolute(first.url) + "#" + criterion.anchor])
            }
        }
        return rows.map { $0.map(CSVField.quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// One CSV field as RFC 4180 writes it.
enum CSVField {
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
