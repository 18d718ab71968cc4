import Foundation
import LadderCLI

/// The executable: everything lives in `LadderCLI` so tests can run the same code.
@main
struct LadderMain {
    static func main() {
        exit(LadderCommand.run(Array(CommandLine.arguments.dropFirst())))
    }
}
