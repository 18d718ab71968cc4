@testable import LadderRecognise
import Testing

/// The label grammar: which runs of labels name the levels of one ladder, in order.
@Suite struct LevelLabelTests {
    func isRun(_ texts: [String]) -> Bool {
        let labels = texts.compactMap { LevelLabel($0) }
        return labels.count == texts.count && LevelLabel.isRun(labels)
    }

    @Test(arguments: [
        ["L1", "L2", "L3"], ["IC1", "IC2", "IC3", "IC4", "IC5"], ["D1 - Developer 1", "D2 - Developer 2", "D3 - Developer 3"],
        ["E4", "E5", "E6"], ["M1", "M2", "M3"], ["Level 1", "Level 2", "Level 3"], ["Level 5 - Senior Software Engineer",
        "Level 6 - Staff Software Engineer", "Level 7 - Principal Software Engineer"],
        ["Junior", "Mid", "Senior", "Staff", "Principal"], ["Junior level", "Mid level", "Senior level"],
        ["Trainee", "Junior", "Middle", "Senior", "Expert"], ["Engineer", "Engineer II", "Senior Engineer"],
        ["Associate Engineer", "Engineer", "Senior Engineer", "Staff Engineer", "Principal Engineer"],
        ["Engineering Manager", "Senior Engineering Manager", "Director", "VP of Engineering"],
        ["IC1: Entry", "IC2: Mid 1", "IC3: Senior"], ["L1 Engineers", "L2 Engineers", "L3 Engineers"], ["L1’s", "L2’s", "L3’s"],
        ["Staff Engineer", "Senior Staff Engineer", "Principal Engineer"],
    ])
    func ladders(_ texts: [String]) { #expect(isRun(texts), "\(texts)") }

    @Test(arguments: [
        ["Version 1", "Version 2", "Version 3"], ["Step 1", "Step 2", "Step 3"], ["L1", "L3", "L4"], ["IC3", "IC2", "IC1"],
        ["Senior Software Engineer", "Software Engineer 2", "Software Engineer 1"], ["L1 Support", "L2 Support", "L3 Support"],
        ["IC1 — Boost converter", "IC2 — Microcontroller", "IC3 — Op-amp"], ["Level 1: Single Server", "Level 2: Small Team",
        "Level 3: Production Scale"], ["Senior Software Engineer @ Acme", "Staff Engineer @ Acme", "Principal Engineer @ Acme"],
        ["Q1", "Q2", "Q3"], ["L1", "IC2", "L3"], ["Junior", "Senior Developer", "Staff"],
    ])
    func look_alikes(_ texts: [String]) { #expect(!isRun(texts), "\(texts)") }

    func isCareerRun(_ texts: [String]) -> Bool {
        let labels = texts.compactMap { LevelLabel($0) }
        return labels.count == texts.count && LevelLabel.isCareerRun(labels)
    }

    /// Titles whose words change as they rise: seniority words, one role's titles, management above them.
    @Test(arguments: [
        ["Designer I", "Designer II", "Senior Designer", "Associate Design Director"],
        ["Intern", "Associate", "Engineer", "Senior Engineer", "Staff Engineer"],
        ["Trainee", "Specialist", "Senior Specialist", "Principal Specialist"],
        ["Community Wrangler I", "Senior Community Wrangler", "Staff Community Wrangler"],
    ])
    func career_runs(_ texts: [String]) { #expect(isCareerRun(texts), "\(texts)"); #expect(!isRun(texts), "\(texts)") }

    @Test(arguments: [
        ["Designer", "Developer", "Engineering Manager"], ["Senior Designer", "Designer II", "Designer I"],
        ["Part I", "Part II", "Part III"], ["Chapter 1", "Chapter 2", "Senior Chapter"], ["L1", "L2", "Senior Engineer"],
        ["Engineering Manager", "Senior Engineer", "Staff Engineer"],
    ])
    func not_career_runs(_ texts: [String]) { #expect(!isCareerRun(texts), "\(texts)") }

    /// Every string of up to four pieces from an alphabet of the awkward cases: the ASCII byte path
    /// decides as the Character path does.
    @Test func may_name_by_bytes_matches_the_character_path() {
        let alphabet = ["Senior", "engineer", "Engineers", "Level", "3", "-", " ", "_", "vp", "Overview", "s", "ManagerS", "II", "i"]
        let all = everyString(over: alphabet, upTo: 4)
        #expect(all.count > 20_000)
        for text in all {
            #expect(LevelLabel.mayNameASCII(text) == LevelLabel.mayNameByCharacter(text), "\(text.debugDescription)")
        }
    }
}
