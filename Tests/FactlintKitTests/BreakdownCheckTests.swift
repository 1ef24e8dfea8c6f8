import FactlintTestSupport
import Testing
@testable import FactlintKit

/// Lists that break down a total: "Of these, …", "…, including …", "(… adults and … children)".
@Suite("Breakdown lists")
struct BreakdownCheckTests {
    static let rules = """
    rules:
      - id: of-these
        kind: sum
        scope: paragraph
        opener: "of (these|those|them) ,"
      - id: including
        kind: sum
        scope: sentence
        complete: false
        opener: ", including"
      - id: parenthesis
        kind: sum
        scope: sentence
        only_complete: true
        opener: '\\('
    """

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var rules: [String]
        var description: String { text }
    }

    static let cases: [Case] = [
        // A complete list (it names an unknown group) must add up.
        Case(text: "Police identified 1️⃣50 victims in 2021. Of these, 30 were women, 12 were men and six were of unknown sex.", rules: ["of-these"]),
        Case(text: "Police identified 48 victims in 2021. Of these, 30 were women, 12 were men and six were of unknown sex.", rules: []),
        // An open list may fall short, never exceed.
        Case(text: "The agency assisted 40 victims. Of those, 21 were exploited in forced labor and 12 in sex trafficking.", rules: []),
        Case(text: "The agency assisted 1️⃣30 victims. Of those, 21 were exploited in forced labor and 12 in sex trafficking.", rules: ["of-these"]),
        // The total before the opener is the nearest count that is not last year's figure.
        Case(text: "The unit identified 70 victims, an increase from 62 in 2019. Of these, 50 were children and 20 were adults.", rules: []),
        Case(text: "The unit identified 1️⃣72 victims, an increase from 62 in 2019. Of these, 50 were children and 20 were adults.", rules: ["of-these"]),
        // Last year's figures in parentheses are neither parts nor totals.
        Case(text: "Shelters housed 1️⃣45 victims (38 in 2019), including 30 women (22 in 2019) and 17 girls (16 in 2019).", rules: ["including"]),
        Case(text: "Shelters housed 47 victims (38 in 2019), including 30 women (22 in 2019) and 17 girls (16 in 2019).", rules: []),
        // Two totals joined by "and": the list may cover both, so nothing is decided.
        Case(text: "Shelters assisted 20 victims and 10 dependents, including 11 women, five men, 12 girls and two boys.", rules: []),
        // The list ends where the clause does; a count after "and continued" is no part.
        Case(text: "Prosecutors charged 30 suspects, including 20 for sex trafficking and 10 for forced labor, and continued 35 cases.", rules: []),
        // A group nested in another ("five of whom") is not added.
        Case(text: "Police found 22 victims, including 20 women, five of whom were minors.", rules: []),
        // Categories that overlap are not added up.
        Case(text: "The ministry identified 50 victims, some of whom fell into more than one category, including 40 women and 30 minors.", rules: []),
        // Groups that divide people two ways, or that may hold the same people, are not added up.
        Case(text: "Police identified 200 victims. Of these, 150 were women and 80 were foreign nationals.", rules: []),
        Case(text: "Police identified 120 victims. Of these, 70 were women, 40 were girls and 30 were exploited in forced labor.", rules: []),
        Case(text: "Shelters assisted 64 victims, including 40 children and 30 girls.", rules: []),
        Case(text: "Shelters assisted 64 victims, including 50 female victims and 20 minors.", rules: []),
        // Groups of one kind of person, or of one way of dividing people, still may not exceed the total.
        Case(text: "Shelters assisted 1️⃣64 victims, including 40 women and 30 children.", rules: ["including"]),
        Case(text: "Shelters assisted 1️⃣64 victims, including 40 victims of sex trafficking and 30 of forced labor.", rules: ["including"]),
        Case(text: "Shelters assisted 1️⃣64 victims, including 40 Thai victims and 30 foreign victims.", rules: ["including"]),
        // Groups of the same kind of person are told apart by their other words.
        Case(text: "Shelters assisted 1️⃣64 victims, including 40 women aged 18 to 30 and 30 women over 30.", rules: ["including"]),
        // A group of the rest ("of unknown sex") overlaps none of the others.
        Case(text: "Police identified 1️⃣40 victims in 2021. Of these, 30 were women, 12 were men and six were of unknown sex.", rules: ["of-these"]),
        // A parenthesis that splits a figure into adults and children accounts for all of them.
        Case(text: "NGOs referred 1️⃣84 victims (56 were adults and 41 were children) to shelters.", rules: ["parenthesis"]),
        Case(text: "NGOs referred 97 victims (56 were adults and 41 were children) to shelters.", rules: []),
        // A parenthesis with other groups says too little to check.
        Case(text: "NGOs referred 84 victims (56 were women and 41 were girls) to shelters.", rules: []),
        Case(text: "In 2018 police reported 114 victims (96 in 2017 and 68 in 2016).", rules: []),
    ]

    @Test(arguments: cases)
    func findsExactlyTheBrokenBreakdowns(_ testCase: Case) throws {
        let marked = MarkedText(testCase.text)
        let (findings, diagnostics, _) = Linting.findings(in: marked.text, rules: Self.rules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.map(\.ruleID) == testCase.rules)
        if let offset = marked["1️⃣"] {
            #expect(findings.first?.primary.span.bytes.lowerBound == offset, "the finding points at the total")
        }
    }

    @Test func theWordsThatMakeAListCompleteCanBeChangedAfterTheCheckIsMade() throws {
        let text = "Police identified 10 victims. Of these, 4 were adults and 3 were children."
        var rules = RuleLoader.load(yaml: Self.rules, path: "rules.yml").0.filter { $0.id == "of-these" }
        let document = Document(source: SourceFile(path: "report.md", text: text))
        // Adults and children cover everyone: 4 + 3 should make 10.
        #expect(Linter(rules: rules).lint(document).findings.count == 1)
        var check = try #require(rules[0].check as? BreakdownCheck)
        check.completeWhen = [[["unknown"]]]
        rules[0].check = check
        // Now the list may leave people out, and 7 is within 10.
        #expect(Linter(rules: rules).lint(document).findings.isEmpty)
    }

    @Test func aBulletedListAfterAColonIsCompleteByTheWordsOfAllItsItems() throws {
        let rules = """
        rules:
          - id: colon
            kind: sum
            opener: ":"
        """
        // Women, men, girls and boys cover everyone only together, one group per item: 4 + 3 + 2 + 2 is not 10.
        let complete = Linted("Shelters assisted 10 people:\n\n- 4 women\n- 3 men\n- 2 girls\n- 2 boys\n", rules: rules)
        #expect(complete.findings.map(\.message) == ["the groups listed add up to 11 (4 + 3 + 2 + 2), but the total is 10"])
        // Without the boys the list may leave people out, and 9 is within 10.
        #expect(Linted("Shelters assisted 10 people:\n\n- 4 women\n- 3 men\n- 2 girls\n", rules: rules).findings.isEmpty)
        let under = Linted("Shelters assisted 12 people:\n\n- 4 women\n- 3 men\n- 2 girls\n- 2 boys\n", rules: rules)
        #expect(under.findings.count == 1, "a complete list must add up exactly")
    }

    @Test func aFindingNamesTheTotalAndEveryPart() throws {
        let text = "The agency assisted 30 victims. Of those, 21 were exploited in forced labor and 12 in sex trafficking."
        let (findings, _, _) = Linting.findings(in: text, rules: Self.rules)
        let finding = try #require(findings.first)
        #expect(finding.message == "the groups listed add up to 33 (21 + 12), more than the total of 30")
        #expect(finding.related.map(\.message) == ["part", "part"])
        #expect(finding.evidence?.gap == 3)
    }

    @Test func openerRulesRejectTotalAndPartKeys() {
        let yaml = """
        rules:
          - id: mixed
            kind: sum
            opener: ", including"
            part: "{n:count} were"
        """
        let (rules, diagnostics) = RuleLoader.load(yaml: yaml, path: "rules.yml")
        #expect(rules.isEmpty)
        #expect(diagnostics.first?.message.contains("'part' does not go with 'opener'") == true)
        #expect(diagnostics.first?.location?.line == 5)
    }
}
