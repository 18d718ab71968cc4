import Foundation

/// Command-line settings of the fuzzer.
struct FuzzOptions {
    var seconds: Double = 60
    var runs: Int?
    var seed: UInt64 = 1
    var corpus = "bench/fuzz-corpus"
    var findings = "bench/fuzz-findings"
    /// One input taking longer than this is a hang (inputs are at most `Mutator.maximumSize` bytes).
    var timeout: Double = 20
    /// A whole build (theme, search index, every page) is ~100 times the stages alone: one input in so many.
    static let fullBuildEvery = 64

    init(arguments: [String]) {
        var i = 0
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--seconds": seconds = Double(value) ?? seconds
            case "--runs": runs = Int(value)
            case "--seed": seed = UInt64(value) ?? seed
            case "--corpus": corpus = value
            case "--findings": findings = value
            case "--timeout": timeout = Double(value) ?? timeout
            default: break
            }
            i += 2
        }
    }
}

/// The seed inputs: every file of the corpus folder, in name order.
enum Corpus {
    static func load(_ folder: String) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { [UInt8]($0) } }
    }
}

/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64): the same seed, the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Mutants of the corpus: byte edits, tokens of the formats the stages read, repeats (to reach deep
/// nesting and long runs) and splices of two seeds.
struct Mutator {
    let corpus: [[UInt8]]
    static let maximumSize = 256 * 1024
    static let tokens: [[UInt8]] = [
        "---\n", "...\n", "\n", "\r\n", "\r", "\t", "\0", "\u{FEFF}", "\u{2028}", "\u{85}", "\u{FFFD}", "é", "日本",
        "# ", "## ", "### ", "##### ", "- ", "* ", "1. ", "> ", "    ", "```\n", "~~~", "`", "**", "_", "\\",
        "[x](l1.md)", "[y](l2.md#impact)", "[z](#craft)", "](", "[", "]", "(", ")", "<", ">", "![i](img.png)",
        "[j](javascript:alert(1))", "<script>", "</script>", "<img src=x onerror=y>", "&amp;", "&#0;", "&#x110000;",
        "| a | b |\n", "|---|:-:|\n", "|", "\\|", "level: L3\n", "level: [a]\n", "levels: headings\n", "levels: list\n",
        "track: eng\n", "title: ", "summary: ", "order: 2\n", "equivalent: M1\n", "topics:\n", "  - name: Impact\n",
        "    content:\n", "      - level: 1\n        criteria: [a, b]\n", "&a ", "*a", "<<: *a\n", "? ", ": ", "{", "}", ",",
        "'", "\"", "|\n", ">-\n", "!!str ", "%YAML 1.2\n", "L1", "L2", "M1", "IC3", "Senior ", "Engineer ",
        // Quoted front matter as sites write it, and YAML's escapes (good and bad) inside double quotes.
        "title: \"", "description: '", "  - \"", "tags: [\"", "\", \"", "''", "\\\"", "\\\\", "\\n", "\\t", "\\/", "\\ ",
        "\\x41", "\\u00e9", "\\U0001F3AF", "\\N", "\\_", "\\L", "\\P", "\\0", "\\x4", "\\uD800", "\\q", "\\'", "🎯 ",
        "\" # c", "' #", ": \"", "\"\n",
        // Pasted text: bullet characters and plain level lines.
        "• ", "◦ ", "▪ ", "– ", "\nLevel 1\n", "\nLevel 2\n", "\nLevel 3\n", "E.g. ", "\n  • L1’s ",
    ].map { Array($0.utf8) }

    mutating func mutant(_ random: inout SplitMix64) -> [UInt8] {
        var bytes = corpus[random.below(corpus.count)]
        for _ in 0...random.below(8) {
            mutate(&bytes, &random)
            if bytes.count > Self.maximumSize { bytes.removeLast(bytes.count - Self.maximumSize) }
        }
        return bytes
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let at = random.below(bytes.count + 1)
        switch random.below(9) {
        case 0 where !bytes.isEmpty:
            bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
        case 1:
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 2 where !bytes.isEmpty:
            let end = min(bytes.count, at + 1 + random.below(32))
            bytes.removeSubrange(min(at, bytes.count - 1)..<end)
        case 3, 4, 5:
            bytes.insert(contentsOf: Self.tokens[random.below(Self.tokens.count)], at: at)
        case 6:
            // A token many times over: deep nesting, long lines, many headings or links.
            let token = Self.tokens[random.below(Self.tokens.count)]
            let count = [10, 100, 1_000, 10_000][random.below(4)]
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: count).joined()), at: at)
        case 7 where !bytes.isEmpty:
            let start = min(at, bytes.count - 1)
            let piece = bytes[start..<min(bytes.count, start + 1 + random.below(64))]
            bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
        default:
            let other = corpus[random.below(corpus.count)]
            let cut = random.below(other.count + 1)
            bytes = Array(bytes[..<at]) + Array(other[cut...])
        }
    }
}

/// Saves the input being run when the process dies of a trap or a fault, or when one input runs past
/// the timeout, so every finding can become a fixture.
enum Watchdog {
    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: Mutator.maximumSize + 1024 * 1024)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var startedAt = 0.0
    static let lock = NSLock()

    static func install(crashPath: String, timeout: Double) {
        path = strdup(crashPath)
        // Faults from deep recursion happen on an exhausted stack: the handler needs a stack of its own.
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 16)
        stack.ss_size = 1 << 16
        sigaltstack(&stack, nil)
        for fatal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { caught in
                Watchdog.save()
                let message: StaticString = "LadderFuzz: crashed; the input is saved as crash-input in the findings folder\n"
                _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
                signal(caught, SIG_DFL)
                raise(caught)
            }
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(fatal, &action, nil)
        }
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                lock.lock()
                let started = startedAt
                lock.unlock()
                if started > 0, Date().timeIntervalSince1970 - started > timeout {
                    save()
                    FileHandle.standardError.write(Data("LadderFuzz: one input ran over \(timeout) s; input saved to \(crashPath)\n".utf8))
                    exit(3)
                }
            }
        }
    }

    static func begin(_ input: [UInt8]) {
        input.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: min($0.count, Mutator.maximumSize + 1024 * 1024)) }
        length = input.count
        lock.lock(); startedAt = Date().timeIntervalSince1970; lock.unlock()
    }

    static func end() { lock.lock(); startedAt = 0; lock.unlock() }

    /// Async-signal-safe: open and write only.
    static func save() {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        _ = write(fd, buffer, length)
        close(fd)
    }
}
