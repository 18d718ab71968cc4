/// Maps lines of a Markdown body to lines of its file: an offset, or a table for generated bodies.
public struct FileLines: Sendable {
    public var bodyLine: Int
    public var lineMap: [Int]?

    public init(bodyLine: Int, lineMap: [Int]? = nil) {
        self.bodyLine = bodyLine
        self.lineMap = lineMap
    }

    public func fileLine(_ n: Int) -> Int {
        guard let lineMap, !lineMap.isEmpty else { return bodyLine + n - 1 }
        return lineMap[min(max(n, 1), lineMap.count) - 1]
    }
}
