@testable import LadderCore
@testable import LadderModel
import Testing

/// Criterion ids are permalinks (`#c-1a2b3c4d`): hashing the text as it is normalised must give the id
/// the joined, normalised text gives.
struct CriterionIDHashTests {
    @Test func ids_hashed_in_pieces_equal_the_hash_of_the_joined_text() {
        let pieces = ["Owns", " ", "  ", "\t", "\n", "the ROADMAP", "é", "Ünïcode", "x", "\r\n", "Ships, reviews."]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let scope = "engineering\nl\(Int.random(in: 1...9, using: &generator))\nimpact"
            let joined = String(ContentHash.hex((scope + "\n" + LevelCriteria.normalise(text)).utf8).prefix(8))
            #expect(LevelCriteria.IDAllocator.hashID(scope: scope, text: text) == joined, "\(text.debugDescription)")
        }
    }
}
