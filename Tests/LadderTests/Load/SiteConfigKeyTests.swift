import LadderCore
@testable import LadderLoad
import Testing

/// Near-misses of the keys `site.yml`'s loader reads, at the top level and inside `assess`, `tracks` and
/// `competencies`, are warnings at the key's line; other keys are left alone.
@Suite struct SiteConfigKeyTests {
    @Test func nearMissesInsideMapsAreWarnings() throws {
        let text = """
        title: Acme
        assess: {enabled: true, count: true}
        tracks:
          - id: engineering
            titel: Software Engineering
          - id: management
            owner: someone
        competencies:
          - name: Impact
            alias: [Scope]
        """
        let config = try SiteConfig.parse(text, path: "content/site.yml")
        let messages = config.warnings.map(\.description)
        #expect(messages == [
            "content/site.yml:2:25: warning: unknown key 'count' in 'assess' (did you mean 'counts'?)",
            "content/site.yml:5:5: warning: unknown key 'titel' in 'tracks' (did you mean 'title'?)",
            "content/site.yml:10:5: warning: unknown key 'alias' in 'competencies' (did you mean 'aliases'?)",
        ], "\(messages)")
        // What the near-miss was meant to set stays at its default.
        #expect(config.tracks.first?.title == "Engineering")
        #expect(config.assessCounts == false)
    }

    @Test func theKeysParseReadsAreKnown() throws {
        let text = """
        title: Acme
        descripton: typo
        assess: {enabled: true, counts: true}
        tracks: [{id: engineering, title: Software Engineering, description: ICs}]
        competencies: [{name: Impact, description: Reach, aliases: [Scope]}]
        """
        let config = try SiteConfig.parse(text, path: "content/site.yml")
        #expect(config.warnings.map(\.description) == ["content/site.yml:2:1: warning: unknown key 'descripton' (did you mean 'description'?)"])
        #expect(config.assessCounts && config.tracks.first?.title == "Software Engineering" && config.competencies.first?.aliases == ["Scope"])
    }
}
