/// Maps lines of a Markdown body to lines of its file: the body starts on line `bodyLine`.
public struct FileLines: Sendable {
    public var bodyLine: Int

    public init(bodyLine: Int) {
        self.bodyLine = bodyLine
    }

    public func fileLine(_ n: Int) -> Int { bodyLine + n - 1 }
}
