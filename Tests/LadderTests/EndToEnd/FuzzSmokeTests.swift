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

    /// Every input a fuzz run found (Fixtures/fuzz), once each, with a tight timeout: a hang found once
    /// must not come back.
    @Test func every_earlier_finding_runs_within_the_timeout() throws {
        let fuzzer = Repo.binary.deletingLastPathComponent().appendingPathComponent("LadderFuzz")
        try #require(FileManager.default.isExecutableFile(atPath: fuzzer.path))
        let folder = Repo.fixture("fuzz")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        #expect(!inputs.isEmpty)
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("ladder-fuzz-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpus) }
        for name in inputs { try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: corpus.appendingPathComponent(name)) }
        // Before its fix the dotted heading took 22 s in a debug build; after, well under one.
        let result = try runProcess(fuzzer, ["--runs", "\(inputs.count)", "--timeout", "8", "--corpus", corpus.path,
                                             "--findings", corpus.path + "/findings"], in: Repo.root)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("LadderFuzz: \(inputs.count) runs"), "\(result.out)")
    }
}
