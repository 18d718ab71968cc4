import Foundation

// `LadderFuzz [--seconds N] [--runs N] [--seed N] [--corpus DIR] [--findings DIR] [--timeout S]`
//
// A deterministic fuzzer: the same seed and corpus give the same inputs in the same order, so a finding
// is reproduced by its seed and run number as well as by the saved input. (libFuzzer links with this
// toolchain's swiftc, but building the whole package instrumented for it costs the shared machine more
// than a seeded driver does; the driver reaches the same code.) Every input goes through
// `FuzzInput.run`; one in `fullBuildEvery` also through a whole build with the theme.

var options = FuzzOptions(arguments: Array(CommandLine.arguments.dropFirst()))
let corpus = Corpus.load(options.corpus)
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("LadderFuzz: no seed files in \(options.corpus)\n".utf8))
    exit(2)
}
try? FileManager.default.createDirectory(atPath: options.findings, withIntermediateDirectories: true)
let crashFile = options.findings + "/crash-input"
Watchdog.install(crashPath: crashFile, timeout: options.timeout)

var random = SplitMix64(seed: options.seed)
var mutator = Mutator(corpus: corpus)
let start = Date()
var runs = 0
let siteFolder = NSTemporaryDirectory() + "ladder-fuzz-site-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: siteFolder) }
// Every seed as it is first, then mutants.
while true {
    if let limit = options.runs, runs >= limit { break }
    if options.runs == nil, Date().timeIntervalSince(start) >= options.seconds { break }
    let input = runs < corpus.count ? corpus[runs] : mutator.mutant(&random)
    Watchdog.begin(input)
    FuzzInput.run(input)
    if runs % FuzzOptions.fullBuildEvery == 0 { FuzzInput.buildSite(input, in: siteFolder) }
    Watchdog.end()
    runs += 1
    if runs % 5_000 == 0 {
        print("\(runs) runs, \(Int(Date().timeIntervalSince(start))) s")
        fflush(stdout)
    }
}
let seconds = Date().timeIntervalSince(start)
print("LadderFuzz: \(runs) runs in \(Int(seconds)) s (\(Int(Double(runs) / max(seconds, 0.001)))/s), seed \(options.seed), \(corpus.count) seeds, no crash, no timeout")
try? FileManager.default.removeItem(atPath: crashFile)
