import Foundation
@testable import LadderCore
@testable import LadderGenerate
import Testing

/// Files written piece by piece and patched afterwards (`ladder.json` names a hash of the tracks written
/// after its head) hold the same bytes on disk as in memory.
struct StreamedOutputTests {
    @Test func a_streamed_file_on_disk_is_its_pieces_with_the_patches_over_them() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-stream-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let produce: ((Data) throws -> Void) throws -> [FilePatch] = { emit in
            try emit(Data(#"{"version":"0000","rest":["#.utf8))
            for n in 0..<3 { try emit(Data("\(n),".utf8)) }
            try emit(Data("9]}".utf8))
            // One patch inside the first piece, one across two later pieces.
            return [FilePatch(offset: 12, bytes: Data("ab12".utf8)), FilePatch(offset: 29, bytes: Data("x,y".utf8))]
        }
        try DirectorySink(root: folder).write("deep/file.json", streaming: produce)
        let memory = MemorySink()
        try memory.write("deep/file.json", streaming: produce)
        let onDisk = try String(contentsOfFile: folder + "/deep/file.json", encoding: .utf8)
        #expect(onDisk == #"{"version":"ab12","rest":[0,1x,y9]}"#)
        #expect(memory.files["deep/file.json"] == Data(onDisk.utf8))
    }

    @Test func ladder_json_is_the_same_streamed_to_disk_as_made_in_memory() throws {
        let site = try TempSite(copying: Repo.fixture("sites/ladder"))
        let generator = SiteGenerator(options: BuildOptions(siteFolder: site.path))
        let memory = MemorySink()
        _ = try generator.build(into: memory)
        let out = site.path + "/public-streamed"
        _ = try generator.build(into: DirectorySink(root: out))
        let streamed = try #require(FileManager.default.contents(atPath: out + "/ladder.json"))
        let made = try #require(memory.files["ladder.json"])
        #expect(streamed == made)
        let version = try #require(try JSONSerialization.jsonObject(with: streamed) as? [String: Any])["version"] as? String
        #expect(version?.count == 10)
        #expect(version != "0000000000")
    }
}
