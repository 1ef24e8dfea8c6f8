import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Checks: same")
struct SameCheckTests {
    static let figureRules = """
    rules:
      - id: same-yearly-victims
        kind: same
        scope: document
        severity: error
        template: "{verb:identified|rescued} {n:count} victims in {year:year}"
        key: [verb, year]
        value: n
        message: "{n} victims {verb} in {year} here, but {other} on line {line}"
    """

    static let headRules = """
    rules:
      - id: one-head
        kind: same
        scope: document
        severity: warning
        template:
          - "{person:name} , [the] {role:head|director} of [the] {organisation:name}"
          - "[the] {role:head|director} of [the] {organisation:name} , {person:name}"
        key: [role, organisation]
        value: person
        message: "{organisation} is headed by {person} here, but by {other} on line {line}"
    """

    static let restatementRules = """
    rules:
      - id: restated
        kind: same
        scope: document
        template: "{verb:convicted|prosecuted} {n:count} {what:text} in {year:year}"
        restatement: "the {n:count} {what:text} {verb:convicted|prosecuted} in {year:year}"
        key: [verb, what, year]
        value: n
    """

    @Test func aFigureStatedTwiceDifferentlyIsAFinding() throws {
        let linted = Linted("""
        Police identified 2️⃣50 victims in 2019.

        The ministry later said that police identified 1️⃣60 victims in 2019.
        """, rules: Self.figureRules)
        #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map { $0.rendered() })")
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(finding.ruleID == "same-yearly-victims")
        #expect(finding.severity == .error)
        #expect(finding.message == "60 victims identified in 2019 here, but 50 on line 1")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 3, column: 48))
        #expect(finding.related.count == 1)
        #expect(linted.label(finding.related[0], isAt: "2️⃣"))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var finding: Bool
        var checked: Bool = true
        var testDescription: String { name }
    }

    static let figureCases: [Case] = [
        Case(name: "equal", text: "Police identified 50 victims in 2019. Later, police identified 50 victims in 2019.", finding: false),
        Case(name: "around 50 and over 50 overlap", text: "Police identified around 50 victims in 2019.\n\nPolice identified over 50 victims in 2019.", finding: false),
        Case(name: "around 50 and 54 overlap", text: "Police identified around 50 victims in 2019.\n\nPolice identified 54 victims in 2019.", finding: false),
        Case(name: "around 50 and over 60 do not", text: "Police identified around 50 victims in 2019.\n\nPolice identified over 60 victims in 2019.", finding: true),
        Case(name: "words and digits agree", text: "Police identified fifty victims in 2019. Police identified 50 victims in 2019.", finding: false),
        Case(name: "another year is another fact", text: "Police identified 50 victims in 2019. Police identified 60 victims in 2018.", finding: false, checked: false),
        Case(name: "another verb is another fact", text: "Police identified 50 victims in 2019. Police rescued 60 victims in 2019.", finding: false, checked: false),
    ]

    @Test(arguments: figureCases)
    func figuresAgreeWhenTheyOverlap(_ c: Case) {
        let linted = Linted(c.text, rules: Self.figureRules)
        #expect(linted.findings.isEmpty == !c.finding, "\(linted.findings.map(\.message))")
        #expect((linted.report.checksRun > 0) == c.checked)
    }

    @Test func aDifferentHeadIsAFinding() throws {
        let linted = Linted("""
        Still, 2️⃣Anna Ryl, head of the "Korgau Astana" foundation, points out that exploiters go unpunished.

        - 1️⃣Alzhanova, head of the "Korgau Astana" foundation, regrets that exploiters go unpunished.
        """, rules: Self.headRules)
        let finding = try #require(linted.findings.first)
        #expect(linted.findings.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.message == "\"Korgau Astana\" is headed by Alzhanova here, but by Anna Ryl on line 1")
        #expect(linted.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 3, column: 3))
        #expect(linted.text(finding.primary) == "Alzhanova")
        #expect(linted.label(finding.related[0], isAt: "2️⃣"))
        #expect(linted.text(finding.related[0]) == "Anna Ryl")
    }

    static let nameCases: [Case] = [
        Case(name: "a surname agrees with the full name", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke first. Later, Ryl, head of the \"Korgau Astana\" foundation, added a remark.", finding: false),
        Case(name: "the same full name", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. The head of \"Korgau Astana\", Anna Ryl, added a remark.", finding: false),
        Case(name: "another person", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. The head of \"Korgau Astana\", Dana Alzhanova, added a remark.", finding: true),
        Case(name: "curly and straight quotes name one organisation", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. Later, Alzhanova, head of the “Korgau Astana” foundation, spoke.", finding: true),
        Case(name: "another organisation", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. Later, Alzhanova, head of the \"Sana Sezim\" foundation, spoke.", finding: false, checked: false),
        Case(name: "another role", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. Later, Alzhanova, director of the \"Korgau Astana\" foundation, spoke.", finding: false, checked: false),
        Case(name: "one name, its accent written as one letter or as a combining mark", text: "Jos\u{E9} Ryl, head of the \"Korgau Astana\" foundation, spoke. The head of \"Korgau Astana\", Jose\u{301} Ryl, added a remark.", finding: false),
        Case(name: "an accent makes another name", text: "Jos\u{E9} Ryl, head of the \"Korgau Astana\" foundation, spoke. The head of \"Korgau Astana\", Jose Ryl, added a remark.", finding: true),
    ]

    @Test("a key's words are compared as strings are: as a set, less articles, one word however its accents are written")
    func keyWordsCompareAsStrings() {
        let country = SameCheck.words("the republic of veridia")
        let name = SameCheck.words("veridia")
        #expect(name.isSubset(of: country) && !country.isSubset(of: name))
        #expect(SameCheck.words("anna ryl") == SameCheck.words("ryl anna ryl"))
        #expect(!SameCheck.words("sex traffickers").isSubset(of: SameCheck.words("labor traffickers")))
        #expect(SameCheck.words("the of a an").isEmpty)
        #expect(SameCheck.words("trafficking-related cases") == SameCheck.words("cases related trafficking"))
        #expect(SameCheck.words("jos\u{E9}") == SameCheck.words("jose\u{301}"))
        #expect(SameCheck.words("jos\u{E9}") != SameCheck.words("jose"))
        #expect(SameCheck.words("Ryl") != SameCheck.words("ryl"))
    }

    @Test(arguments: nameCases)
    func namesAgreeWhenOneHoldsTheOther(_ c: Case) {
        let linted = Linted(c.text, rules: Self.headRules)
        #expect(linted.findings.isEmpty == !c.finding, "\(linted.findings.map(\.message))")
        #expect((linted.report.checksRun > 0) == c.checked)
    }

    @Test func aNameAfterAnIntroductoryPhraseIsJustTheName() throws {
        let linted = Linted("""
        According to Anna Ryl, head of the "Korgau Astana" foundation, exploiters go unpunished.

        Alzhanova, head of the "Korgau Astana" foundation, regrets it.
        """, rules: Self.headRules)
        let finding = try #require(linted.findings.first)
        #expect(finding.message == "\"Korgau Astana\" is headed by Alzhanova here, but by Anna Ryl on line 1")
        #expect(linted.text(finding.related[0]) == "Anna Ryl")
        #expect(finding.related[0].span.start == Location(line: 1, column: 14))
    }

    @Test func theScopeLimitsWhatIsCompared() {
        let rules = Self.headRules.replacingOccurrences(of: "scope: document", with: "scope: paragraph")
        let apart = Linted("Anna Ryl, head of the \"Korgau Astana\" foundation, spoke.\n\nAlzhanova, head of the \"Korgau Astana\" foundation, spoke.", rules: rules)
        #expect(apart.findings.isEmpty)
        let together = Linted("Anna Ryl, head of the \"Korgau Astana\" foundation, spoke. Alzhanova, head of the \"Korgau Astana\" foundation, spoke.", rules: rules)
        #expect(together.findings.count == 1)
    }

    @Test func aReportWithoutARestatementIsPassedByEvenWhenCalledDirectly() throws {
        let rule = try #require(RuleLoader.load(yaml: Self.restatementRules, path: "rules.yml").0.first)
        let check = try #require(rule.check as? SameCheck)
        #expect(check.requiredMatches == [check.templates.count - 1..<check.templates.count])
        let document = Document(source: SourceFile(path: "report.md", text: "Courts convicted 14 traffickers in 2020."))
        let noMatches = [[TemplateMatch]](repeating: [], count: check.templates.count)
        let context = CheckContext(document: document, rule: CheckedRule(rule), matches: noMatches)
        #expect(check.missesRequiredMatch(context))
        #expect(check.evaluate(context).checksRun == 0)
        // A rule of scope corpus keeps its statements whatever the report holds.
        var corpusRule = rule
        corpusRule.scope = .corpus
        #expect(!check.missesRequiredMatch(CheckContext(document: document, rule: CheckedRule(corpusRule), matches: noMatches)))
    }

    @Test func onlyARestatementIsComparedWithTheStatements() throws {
        // Two independent statements with the same wording (a total and a subtotal) never clash.
        let statements = Linted("Courts convicted 14 traffickers in 2020. Appeal courts convicted 3 traffickers in 2020.", rules: Self.restatementRules)
        #expect(statements.findings.isEmpty)

        let agreeing = Linted("Courts convicted 14 traffickers in 2020. The 14 traffickers convicted in 2020 included three police officers.", rules: Self.restatementRules)
        #expect(agreeing.findings.isEmpty)
        #expect(agreeing.report.checksRun == 1)

        let restated = Linted("""
        Courts convicted 2️⃣14 traffickers in 2020.

        ## Complicity

        The 1️⃣16 traffickers convicted in 2020 included three police officers.
        """, rules: Self.restatementRules)
        let finding = try #require(restated.findings.first)
        #expect(restated.findings.count == 1)
        #expect(finding.ruleID == "restated")
        #expect(restated.label(finding.primary, isAt: "1️⃣"))
        #expect(finding.primary.span.start == Location(line: 5, column: 5))
        #expect(restated.label(finding.related[0], isAt: "2️⃣"))
        #expect(finding.message.contains("16") && finding.message.contains("14") && finding.message.contains("line 1"), "\(finding.message)")
    }

    @Test func aReportIsPassedByOnlyWhenNoRestatementMatchesAndNotAcrossReports() throws {
        let rules = RuleLoader.load(yaml: Self.restatementRules, path: "rules.yml").0
        let check = try #require(rules.first?.check as? SameCheck)
        // The statement is searched only where the restatement (the second template) matches.
        #expect(check.requiredMatches == [1..<2])
        #expect(SameCheck(statements: check.statements, restatements: [], keys: check.keys, value: check.value).requiredMatches.isEmpty)

        // Across reports, a report's statements are kept even when it restates nothing.
        let corpus = Linted(
            "Courts convicted 14 traffickers in 2020. Appeal courts convicted 3 traffickers in 2020.",
            rules: Self.restatementRules.replacingOccurrences(of: "scope: document", with: "scope: corpus"))
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics.map { $0.rendered() })")
        #expect(corpus.report.facts.map(\.text) == ["14", "3"])
        // Within a report, a restatement far from its statement is still found wrong.
        let restated = Linted(
            "Courts convicted 14 traffickers in 2020.\n\n## Later\n\nSome text.\n\nThe 15 traffickers convicted in 2020 appealed.",
            rules: Self.restatementRules)
        #expect(restated.findings.count == 1)
    }

    static let eventRules = """
    rules:
      - id: event-date
        kind: same
        scope: document
        template:
          - "{what:text} was {verb:ratified|signed} by {who:name} in {date:date}"
          - "in {date:date} , {who:name} {verb:ratified|signed} {what:text}"
        key: [verb, what]
        optional_key: [who]
        value: date
    """

    @Test(arguments: [
        ("The treaty was ratified by Norvask in May 2012.\n\nIn 2010, Veridia ratified the treaty.", 0),
        ("The treaty was ratified by Norvask in May 2012.\n\nIn 2010, Norvask ratified the treaty.", 1),
        ("The treaty was ratified by Norvask Republic in May 2012.\n\nIn 2010, Norvask ratified the treaty.", 1),
    ])
    func anOptionalKeySetsApartStatementsThatGiveDifferentValues(text: String, expected: Int) {
        let (findings, diagnostics, _) = Linting.findings(in: text, rules: Self.eventRules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(findings.count == expected, "\(findings.map(\.message))")
    }
}
