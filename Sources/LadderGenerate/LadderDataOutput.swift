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
            let data = dataFiles()
            for file in data { try sink.write(file.path, pieces: file.pieces) }
            let matrices = matrixTracks
            let failures = matrices.parallelMap { index -> Error? in
                do { try sink.write(matrixPath(index), pieces: [csv(pages.model.tracks[index])]) } catch { return error }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            return data.count + matrices.count
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
        let model = pages.model
        // Track by track on every core, as bytes: reading every level's criteria and writing them out was
        // a quarter of a 10,000-level build's CPU. The file is written from these pieces as they are:
        // joined, it was held two and three times over (~5 KB a level), most of the build's peak memory.
        // Each track's hash is taken on its core too (over 50 MB, one core hashing was 60 ms).
        // Kept as exactly sized `Data`: a writer's buffer has up to twice the room it needs.
        var tracks = Array(model.tracks.indices).parallelMap { index -> (json: Data, hash: String) in
            let json = trackJSON(model.tracks[index])
            return (Data(json), ContentHash.hex(json))
        }
        // The version is a hash of the tracks' hashes, in order.
        var version = ContentHash.Running()
        for track in tracks { version.add(Array(track.hash.utf8) + [0x0A]) }
        var head = JSONWriter(capacity: 512)
        head.object { json in
            json.field("$schema", pages.absolute(SiteURLs.ladderSchema))
            json.field("version", version.hex)
            json.field("title", model.config.title)
            json.field("url", pages.absolute("/"))
            json.key("tracks")
            json.array { _ in }
        }
        // `{…,"tracks":[]}` cut after its `[`: the tracks go there, then `]}`.
        var opening = head.bytes
        opening.removeLast(2)
        var pieces = [Data(opening)]
        pieces.reserveCapacity(tracks.count * 2 + 1)
        for n in tracks.indices {
            if n > 0 { pieces.append(Data([0x2C])) }
            pieces.append(tracks[n].json)
            tracks[n].json = Data()
        }
        pieces.append(Data("]}\n".utf8))
        return [(path: String(SiteURLs.ladderJSON.dropFirst()), pieces: pieces),
                (path: String(SiteURLs.ladderSchema.dropFirst()), pieces: [Data(LadderSchema.text.utf8)])]
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
                    for criterion in shared.all { criterionJSON(criterion, levelURL: pages.absolute(first.url), into: &json) }
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
                            for criterion in group.criteria { criterionJSON(criterion, levelURL: url, into: &json) }
                        }
                    }
                }
            }
        }
    }

    private func criterionJSON(_ criterion: Criterion, levelURL: String, into json: inout JSONWriter) {
        json.object { json in
            json.field("id", criterion.id)
            json.field("text", criterion.text)
            json.key("examples")
            json.strings(criterion.examples)
            json.field("url", levelURL + "#" + criterion.anchor)
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
