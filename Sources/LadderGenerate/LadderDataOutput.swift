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

    /// Every file, by path, as the pieces it is written from: made once and kept by the memo when there is one.
    func files() -> [(path: String, pieces: [Data])] {
        guard let memo, let key else { return make() }
        return memo.cached("ladder-data", key: key) { make() }
    }

    /// Returns how many files were written.
    func write(to sink: OutputSink) throws -> Int {
        guard memo != nil, key != nil else {
            // A plain build writes each file as soon as it is made: `ladder.json` and every matrix held at
            // once were ~80 MB of a 10,000-level build's peak.
            try sink.write(ladderJSONPath, streaming: { emit in try ladderJSON(emit) })
            try sink.write(schemaFile.path, pieces: schemaFile.pieces)
            let matrices = matrixTracks
            let failures = matrices.parallelMap { index -> Error? in
                do { try sink.write(matrixPath(index), pieces: [csv(pages.model.tracks[index])]) } catch { return error }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            return 2 + matrices.count
        }
        let made = files()
        for file in made { try sink.write(file.path, pieces: file.pieces) }
        return made.count
    }

    func make() -> [(path: String, pieces: [Data])] {
        dataFiles() + matrixTracks.parallelMap { (path: matrixPath($0), pieces: [csv(pages.model.tracks[$0])]) }
    }

    /// The tracks that have a matrix: those with levels.
    private var matrixTracks: [Int] { pages.model.tracks.indices.filter { !pages.model.tracks[$0].levels.isEmpty } }

    private func matrixPath(_ track: Int) -> String { String(pages.model.tracks[track].matrixCSV.dropFirst()) }

    /// `ladder.json` and its schema.
    func dataFiles() -> [(path: String, pieces: [Data])] {
        var pieces: [Data] = []
        let patches = ladderJSON { pieces.append($0) }
        FilePatch.apply(patches, to: &pieces)
        return [(path: ladderJSONPath, pieces: pieces), schemaFile]
    }

    private var ladderJSONPath: String { String(SiteURLs.ladderJSON.dropFirst()) }
    private var schemaFile: (path: String, pieces: [Data]) {
        (path: String(SiteURLs.ladderSchema.dropFirst()), pieces: [Data((pages.languages == nil ? LadderSchema.text : LadderSchema.withLanguage).utf8)])
    }

    /// Hands out `ladder.json` piece by piece: the head, each track, the end. The head names the version,
    /// a hash of the tracks' hashes, known only once every track is made: it is written with a
    /// placeholder, and the version returned as a patch over it.
    private func ladderJSON(_ emit: (Data) throws -> Void) rethrows -> [FilePatch] {
        let model = pages.model
        let placeholder = String(repeating: "0", count: ContentHash.Running().hex.utf8.count)
        var head = JSONWriter(capacity: 512)
        head.object { json in
            json.field("$schema", pages.absolute(SiteURLs.ladderSchema))
            json.field("version", placeholder)
            json.field("title", model.config.title)
            // A site in several languages has a ladder.json per language, each saying which it is.
            if pages.languages != nil { json.field("language", model.config.language) }
            json.field("url", pages.absolute("/"))
            json.key("tracks")
            json.array { _ in }
        }
        // `{…,"tracks":[]}` cut after its `[`: the tracks go there, then `]}`. The version is the first
        // `"version":"` (a quote inside a string value is escaped).
        var opening = head.bytes
        opening.removeLast(2)
        let key = Array(#""version":""#.utf8)
        let versionOffset = (0...(opening.count - key.count)).first { opening[$0..<($0 + key.count)].elementsEqual(key) }! + key.count
        try emit(Data(opening))
        // Tracks a batch at a time on every core, as bytes: reading every level's criteria and writing them
        // out was a quarter of a 10,000-level build's CPU. Each batch is handed out and let go before the
        // next is made: the whole file (~5 KB a level) held at once was most of the build's peak memory.
        // Each track's hash is taken on its core too (over 50 MB, one core hashing was 60 ms).
        var version = ContentHash.Running()
        for batch in stride(from: 0, to: model.tracks.count, by: 16).map({ $0..<min($0 + 16, model.tracks.count) }) {
            let made = Array(batch).parallelMap { index -> (json: Data, hash: String) in
                let json = trackJSON(model.tracks[index])
                return (Data(json), ContentHash.fileHex(json))
            }
            for (index, track) in zip(batch, made) {
                if index > 0 { try emit(Data([0x2C])) }
                try emit(track.json)
                version.add(Array(track.hash.utf8) + [0x0A])
            }
        }
        try emit(Data("]}\n".utf8))
        return [FilePatch(offset: versionOffset, bytes: Data(version.hex.utf8))]
    }

    func trackJSON(_ track: Track) -> [UInt8] {
        var json = JSONWriter(capacity: 4096 * (track.levels.count + 1))
        json.object { json in
            json.field("id", track.id)
            json.field("title", track.title)
            json.field("description", track.description)
            json.field("url", pages.absolute(track.url))
            if !track.levels.isEmpty { json.field("matrix_csv", pages.absolute(track.matrixCSV)) }
            json.key("competencies")
            json.array { json in
                for competency in track.competencies {
                    json.object { json in
                        json.field("id", competency.id)
                        json.field("name", competency.name)
                        json.field("description", competency.description)
                    }
                }
            }
            json.key("levels")
            json.array { json in
                for level in track.levels { levelJSON(level, into: &json) }
            }
            // "All levels": on every level page, so their URLs point at the first one.
            if let shared = pages.sharedCriteria(of: track), let first = track.levels.first {
                json.key("shared")
                json.array { json in
                    for criterion in shared.all {
                        criterionJSON(criterion, levelURL: pages.absolute(first.url), into: &json,
                                      aliases: pages.history?.aliases(track: track.id, level: LadderSnapshot.sharedLevelID, id: criterion.id) ?? [])
                    }
                }
            }
        }
        return json.bytes
    }

    private func levelJSON(_ level: Level, into json: inout JSONWriter) {
        let url = pages.absolute(level.url)
        json.object { json in
            json.field("id", level.id)
            json.field("title", level.title)
            json.field("summary", level.summary)
            json.field("url", url)
            if pages.model.config.assess { json.field("assess_url", pages.absolute(level.assessURL)) }
            json.key("competencies")
            json.array { json in
                for group in pages.criteria(of: level).competencies {
                    json.object { json in
                        json.field("id", group.competencyID)
                        json.field("name", group.name)
                        json.field("url", url + "#" + group.sectionAnchor)
                        json.key("criteria")
                        json.array { json in
                            for criterion in group.criteria {
                                criterionJSON(criterion, levelURL: url, into: &json,
                                              aliases: pages.history?.aliases(track: level.trackID, level: level.id, id: criterion.id) ?? [])
                            }
                        }
                    }
                }
            }
        }
    }

    /// `aliases`: the ids the criterion had in earlier versions (`history:`), newest first.
    private func criterionJSON(_ criterion: Criterion, levelURL: String, into json: inout JSONWriter, aliases: [String] = []) {
        json.object { json in
            json.field("id", criterion.id)
            json.field("text", criterion.text)
            json.key("examples")
            json.strings(criterion.examples)
            json.field("url", levelURL + "#" + criterion.anchor)
            if !aliases.isEmpty {
                json.key("aliases")
                json.strings(aliases)
            }
        }
    }

    /// RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted.
    func csv(_ track: Track) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096 * track.levels.count)
        func row(_ fields: String...) {
            for (n, field) in fields.enumerated() {
                if n > 0 { out.append(0x2C) }
                CSVField.append(field, to: &out)
            }
            out += [0x0D, 0x0A]
        }
        row("track", "level", "competency", "criterion_id", "text", "url")
        for level in track.levels {
            let url = pages.absolute(level.url)
            for group in pages.criteria(of: level).competencies {
                for criterion in group.criteria {
                    row(track.id, level.id, group.name, criterion.id, criterion.text, url + "#" + criterion.anchor)
                }
            }
        }
        if let shared = pages.sharedCriteria(of: track), let first = track.levels.first {
            let url = pages.absolute(first.url)
            for criterion in shared.all {
                row(track.id, "all", "At every level", criterion.id, criterion.text, url + "#" + criterion.anchor)
            }
        }
        return Data(out)
    }
}

/// One CSV field as RFC 4180 writes it.
enum CSVField {
    static func append(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return out += utf8 }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
