import Foundation
import Testing

/// A short, seeded run of the fuzzer (`bench/fuzz` runs it for minutes): every seed of the corpus and a
/// few hundred mutants go through every stage without a crash or a hang.
@Suite struct FuzzSmokeTests {
    @Test func the_fuzzer_runs_the_corpus_and_mutants_without_a_finding() throws {
        let fuzzer = Repo.binary.deletingLastPathComponent().appendingPathComponent("LadderFuzz")
        try #require(FileManager.default.isExecutableFile(atPath: fuzzer.path), "swift build builds LadderFuzz next to ladder")
        let findings = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: findings) }
        let result = try runProcess(fuzzer, ["--runs", "150", "--seed", "7", "--corpus", Repo.root.path + "/bench/fuzz-corpus",
                                             "--findings", findings.path], in: Repo.root)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("LadderFuzz: 150 runs"), "\(result.out)")
        #expect(!FileManager.default.fileExists(atPath: findings.path + "/crash-input"))
    }
}
