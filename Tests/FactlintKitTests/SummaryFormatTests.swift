import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import FactlintTestSupport
@testable import FactlintKit

@Suite("Summary as Markdown")
struct SummaryMarkdownTests {
    /// The rows of the table under a `### heading`, header and delimiter row left out.
    static func table(_ heading: String, in markdown: String) -> [[String]] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "### \(heading)") else { return [] }
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).map(MarkdownTable.cells(ofRow:))
    }

    @Test func theDiscrepancyTableReadsBackCellForCell() throws {
        let summary = SummaryFixture.summary
        let markdown = SummaryMarkdownReporter().render(summary)
        let rows = Self.table("Discrepancies", in: markdown)
        #expect(rows.count == summary.discrepancies.count)
        for (row, discrepancy) in zip(rows, summary.discrepancies) {
            #expect(row == [
                discrepancy.severity.rawValue, "\(discrepancy.path):\(discrepancy.location.line)", discrepancy.finding.ruleID,
                discrepancy.stated, discrepancy.implied.isEmpty ? "–" : discrepancy.implied, discrepancy.gapText, discrepancy.finding.message,
            ])
        }
        // The message holds `|`, `*`, backticks and `<b>`: escaped, none of them is live Markdown.
        #expect(markdown.contains(#"the sentences \| add up to"#))
        #expect(markdown.contains(#"\*30\*"#))
        #expect(markdown.contains(#"\`convicted\` \<b\>"#))
    }

    @Test func theReportAndTotalTablesReadBack() throws {
        let summary = SummaryFixture.summary
        let markdown = SummaryMarkdownReporter().render(summary)
        let reports = Self.table("Reports", in: markdown)
        #expect(reports.map(\.first) == summary.reports.map(\.path))
        #expect(reports.first?.count == 9)
        #expect(reports.first.map { Array($0[1...]) } == [
            String(summary.reports[0].figuresRead), String(summary.reports[0].figuresUsed), summary.reports[0].coverageText,
            String(summary.reports[0].checksRun), String(summary.reports[0].checksPassed), "2", "2", "0",
        ])
        let total = Self.table("Total", in: markdown)
        #expect(total.count == 1)
        #expect(total.first?.first == "2")
        #expect(total.first?[1] == String(summary.totals.figuresRead))
        // The input problem is a list item, its `<dir>` escaped.
        #expect(markdown.contains(#"- missing \<dir\>: no such file or folder (pass the path of a report)"#))
    }

    @Test func aCleanRunSaysSoWithoutADiscrepancyTable() {
        let report = SummaryFixture.lint(SummaryFixture.clean, path: "clean.md")
        let markdown = SummaryMarkdownReporter().render(reports: [report], rules: SummaryFixture.loadedRules, diagnostics: [])
        #expect(markdown.contains("No discrepancies in 1 report"))
        #expect(Self.table("Discrepancies", in: markdown).isEmpty)
        #expect(Self.table("Reports", in: markdown).count == 1)
    }
}

@Suite("Summary as JSON")
struct SummaryJSONTests {
    static func schema() throws -> JSONSchemaSubset {
        let url = CommandRunner.packageRoot.appendingPathComponent("Tests/Schemas/summary-v1.schema.json")
        return JSONSchemaSubset(schema: try JSONDocument.parse(String(contentsOf: url, encoding: .utf8)))
    }

    @Test func theOutputIsValidAgainstTheSchema() throws {
        let output = SummaryJSONReporter().render(SummaryFixture.summary)
        let document = try JSONDocument.parse(output)
        #expect(try Self.schema().violations(of: document) == [])
    }

    @Test func theSchemaRejectsADocumentMissingAFieldOrWithAWrongType() throws {
        let schema = try Self.schema()
        let output = SummaryJSONReporter().render(SummaryFixture.summary)
        let missing = output.replacingOccurrences(of: "\"gap_text\"", with: "\"gap_txt\"")
        #expect(try !schema.violations(of: JSONDocument.parse(missing)).isEmpty)
        let wrongType = output.replacingOccurrences(of: "\"checks_run\": ", with: "\"checks_run\": -")
        #expect(try !schema.violations(of: JSONDocument.parse(wrongType)).isEmpty)
        let badSeverity = output.replacingOccurrences(of: "\"severity\": \"error\"", with: "\"severity\": \"fatal\"")
        #expect(try !schema.violations(of: JSONDocument.parse(badSeverity)).isEmpty)
    }

    @Test(arguments: [false, true])
    func theDocumentWrittenInPiecesIsTheWholeTree(empty: Bool) throws {
        let summary = empty ? DiscrepancySummary(reports: [], rules: [], diagnostics: []) : SummaryFixture.summary
        var pieces: [String] = []
        SummaryJSONReporter().write(summary) { pieces.append($0) }
        let whole: JSONValue = .object([
            ("schema", .string(SummaryJSONReporter.schema)),
            ("version", .int(SummaryJSONReporter.version)),
            ("rules", .int(summary.rules)),
            ("reports", .array(summary.reports.map(SummaryJSONReporter.counts))),
            ("discrepancies", .array(summary.discrepancies.map(SummaryJSONReporter.discrepancy))),
            ("totals", SummaryJSONReporter.counts(summary.totals, reports: summary.reports.count)),
            ("diagnostics", .array(summary.diagnostics.map(SummaryJSONReporter.diagnostic))),
        ])
        #expect(pieces.joined() == whole.serialized() + "\n")
        // Each report's counts and each discrepancy is a piece of its own.
        #expect(pieces.count > summary.reports.count + summary.discrepancies.count)
        #expect(empty || !summary.discrepancies.isEmpty)
    }

    @Test func valuesAreIndentedTwoSpacesALevelWithEmptyArraysAndObjectsOnOneLine() {
        let value: JSONValue = .object([
            ("a", .array([.int(1), .object([("b", .null), ("c", .array([]))])])),
            ("d", .object([])),
            ("e", .string("line\nbreak \"q\"")),
            ("f", .number(.infinity)),
        ])
        #expect(value.serialized() == """
        {
          "a": [
            1,
            {
              "b": null,
              "c": []
            }
          ],
          "d": {},
          "e": "line\\nbreak \\"q\\"",
          "f": null
        }
        """)
    }

    @Test func theValuesAreTheSummarys() throws {
        let summary = SummaryFixture.summary
        let document = try JSONDocument.parse(SummaryJSONReporter().render(summary))
        #expect(document["schema"]?.string == "factlint-summary")
        #expect(document["version"]?.integer == SummaryJSONReporter.version)
        let rows = try #require(document["discrepancies"]?.array)
        #expect(rows.count == summary.discrepancies.count)
        for (row, discrepancy) in zip(rows, summary.discrepancies) {
            #expect(row["rule"]?.string == discrepancy.finding.ruleID)
            #expect(row["path"]?.string == discrepancy.path)
            #expect(row["line"]?.integer == discrepancy.location.line)
            #expect(row["column"]?.integer == discrepancy.location.column)
            #expect(row["message"]?.string == discrepancy.finding.message)
            #expect(row["stated"]?.string == discrepancy.stated)
            #expect(row["gap"]?.number == discrepancy.gap)
            #expect(row["figures"]?.array?.compactMap { $0["text"]?.string } == discrepancy.figureTexts)
        }
        // A path with quotes, brackets and a bar survives the round trip.
        #expect(document["reports"]?.array?.first?["path"]?.string == "reports/a|b_[x] \"<q>\".md")
        #expect(document["totals"]?["findings"]?["warning"]?.integer == 2)
        #expect(document["diagnostics"]?.array?.first?["line"] == .null)
    }
}

@Suite("Summary as HTML")
struct SummaryHTMLTests {
    /// What an XML parser saw in the page: elements with their attributes, ids, and text.
    final class Page: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            /// The classes of the elements around it, innermost last.
            var ancestors: [String]
        }

        var elements: [Element] = []
        var text = ""
        var stack: [(name: String, attributes: [String: String], text: String)] = []
        /// The whole text of each `mark`, pop-up included, in document order.
        var marks: [(attributes: [String: String], text: String)] = []
        /// The text of each `script` element.
        var scripts: [String] = []
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, ancestors: stack.compactMap { $0.attributes["class"] }))
            stack.append((name, attributes, ""))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let closed = stack.popLast() else { return }
            if name == "mark" { marks.append((closed.attributes, closed.text)) }
            if name == "script" { scripts.append(closed.text) }
            if !stack.isEmpty { stack[stack.count - 1].text += closed.text }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = parseError
        }

        static func parse(_ html: String) throws -> Page {
            let page = Page()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = page
            let parsed = parser.parse()
            if let error = page.error ?? parser.parserError { throw error }
            #expect(parsed)
            return page
        }
    }

    static var html: String {
        SummaryHTMLReporter().render(reports: SummaryFixture.reports, rules: SummaryFixture.loadedRules, diagnostics: [
            Diagnostic(path: "missing <dir>", message: "no such file or folder", help: "pass the path of a report"),
        ])
    }

    @Test func thePageIsWellFormedAndHostileTextStaysText() throws {
        let page = try Page.parse(Self.html)
        let names = Set(page.elements.map(\.name))
        // The page's own script is the only one; the report's `<script>` is text.
        #expect(page.scripts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } == [SummaryHTMLReporter.script])
        #expect(!names.contains("img"))
        #expect(page.elements.filter { $0.name == "style" }.count == 1)
        for element in page.elements {
            #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "\(element.name) has an event handler")
        }
        #expect(page.text.contains(#"# A <script>alert("x")</script> report"#))
        #expect(page.text.contains(#"said "><img src=x onerror=alert(1)> was a joke | really"#))
        #expect(page.text.contains("nothing & left"))
        #expect(page.text.contains(#"reports/a|b_[x] "<q>".md"#))
        #expect(page.text.contains("missing <dir>"))
    }

    @Test func thePageLoadsNothing() throws {
        let html = Self.html
        let page = try Page.parse(html)
        for element in page.elements {
            #expect(element.attributes["src"] == nil)
            #expect(!["link", "iframe", "object", "embed", "img"].contains(element.name))
            if let href = element.attributes["href"] { #expect(href.hasPrefix("#"), "\(href) leaves the page") }
        }
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The script fetches nothing either.
        for call in ["fetch(", "XMLHttpRequest", "import(", "src", "http"] {
            #expect(!SummaryHTMLReporter.script.contains(call))
        }
    }

    @Test func everyLinkLeadsToAnElementOnThePage() throws {
        let page = try Page.parse(Self.html)
        let ids = Set(page.elements.compactMap { $0.attributes["id"] })
        let links = page.elements.compactMap { $0.attributes["href"] }
        #expect(links.count >= 4 + 2, "one link per finding and one per report")
        for link in links {
            #expect(ids.contains(String(link.dropFirst())), "\(link) leads nowhere")
        }
    }

    @Test func eachFindingsFiguresAreHighlightedWithTheComputation() throws {
        let summary = SummaryFixture.summary
        let page = try Page.parse(Self.html)
        // The side list in the summary's order, each linking to the highlight of its primary figure.
        let sideLinks = page.elements.filter { $0.name == "a" && $0.ancestors.contains("findings") }
        #expect(sideLinks.count == summary.discrepancies.count)
        let marksByID = Dictionary(page.marks.compactMap { mark in mark.attributes["id"].map { ($0, mark) } }, uniquingKeysWith: { first, _ in first })
        for (link, row) in zip(sideLinks, summary.discrepancies) {
            let id = String(link.attributes["href"]?.dropFirst() ?? "")
            let mark = try #require(marksByID[id], "no highlight \(id)")
            #expect(mark.text.hasPrefix(row.figureTexts[0]))
            #expect(mark.text.contains(row.finding.message))
            for line in row.computation { #expect(mark.text.contains(line)) }
            #expect(mark.attributes["class"]?.contains(row.severity.rawValue) == true)
            #expect(mark.attributes["tabindex"] == "0", "a highlight can be focused by clicking or with the keyboard")
        }
        // The sum's parts are highlighted too, each as a figure the finding used.
        let sum = try #require(summary.discrepancies.first)
        for part in sum.figureTexts.dropFirst() {
            #expect(page.marks.contains { $0.text.hasPrefix(part) && $0.text.contains("this figure: part") })
        }
        #expect(page.marks.contains { $0.text.contains("10 + 5 = 15, but the total is 30 (gap 15)") })
    }

    @Test func theLegendNamesEverySeverity() throws {
        let page = try Page.parse(Self.html)
        let legend = page.elements.filter { $0.ancestors.last == "legend" && $0.name == "span" }.compactMap { $0.attributes["class"] }
        for severity in ["error", "warning", "info"] {
            #expect(legend.contains("fig \(severity) primary"))
        }
    }

    @Test func overlappingFiguresShareOneHighlight() throws {
        let source = SourceFile(path: "r.md", text: "In 2019, 12 of 40 were convicted.\n")
        func finding(_ rule: String, _ severity: Severity, _ bytes: Range<Int>) -> Finding {
            Finding(ruleID: rule, severity: severity, message: "\(rule) fired", primary: Label(span: source.span(bytes), message: "stated here"), related: [])
        }
        // "12 of 40" and "40" overlap: one highlight, both findings in its pop-up.
        let report = DocumentReport(source: source, findings: [finding("a", .warning, 9..<17), finding("b", .error, 15..<17)], figuresRead: 2, figuresUsed: 2, checksRun: 2)
        let page = try Page.parse(SummaryHTMLReporter().render(reports: [report], rules: [], diagnostics: []))
        let marks = page.marks.filter { $0.attributes["id"] != nil }
        #expect(marks.count == 1)
        #expect(marks.first?.text.hasPrefix("12 of 40") == true)
        #expect(marks.first?.text.contains("a fired") == true && marks.first?.text.contains("b fired") == true)
        #expect(marks.first?.attributes["class"] == "fig error primary")
        #expect(page.text.contains("In 2019, 12 of 40"))
    }
}

/// The HTML page reads a report's text again when it writes the report's section, and quotes it
/// only when the file is still as it was linted.
@Suite struct ReportTextsTests {
    static let text = "In 2019, courts convicted 12 of the 40 people charged.\n"

    @Test func anUnchangedFileIsReadAgainAsItWas() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("r.md", Self.text)
        var texts = ReportTexts()
        texts.add(SourceFile(path: "shown/r.md", text: Self.text), readFrom: file)
        #expect(texts.count == 1)
        #expect(texts.path(at: 0) == "shown/r.md")
        #expect(texts.byteCount(at: 0) == Self.text.utf8.count)
        let source = try #require(texts.source(at: 0))
        #expect(source.path == "shown/r.md")
        #expect(source.bytes == Array(Self.text.utf8))
    }

    @Test(arguments: [
        "In 2019, courts convicted 13 of the 40 people charged.\n",  // same size, one figure changed
        "In 2019, courts convicted 12 of the 40 people charged.\nMore.\n",  // grown
        "In 2019.\n",  // shrunk
        "",
    ])
    func aChangedFileIsNotQuoted(changed: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("r.md", Self.text)
        var texts = ReportTexts()
        texts.add(SourceFile(path: "r.md", text: Self.text), readFrom: file)
        try directory.write("r.md", changed)
        #expect(texts.source(at: 0) == nil)
        // Its size and path stay those it was linted with, which its highlights were placed in.
        #expect(texts.byteCount(at: 0) == Self.text.utf8.count)
    }

    @Test func aDeletedFileIsNotQuotedAndStandardInputIsHeld() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("r.md", Self.text)
        var texts = ReportTexts()
        texts.add(SourceFile(path: "r.md", text: Self.text), readFrom: file)
        texts.add(SourceFile(path: "<stdin>", text: "Typed in.\n"), readFrom: nil)
        try FileManager.default.removeItem(atPath: file)
        #expect(texts.source(at: 0) == nil)
        #expect(texts.source(at: 1)?.bytes == Array("Typed in.\n".utf8))
    }

    @Test func thePageSaysWhichReportChangedAndQuotesTheOthers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.md", Self.text)
        let second = try directory.write("b.md", "Of the 12, 5 were women.\n")
        let sources = [SourceFile(path: "a.md", text: Self.text), SourceFile(path: "b.md", text: "Of the 12, 5 were women.\n")]
        var texts = ReportTexts()
        texts.add(sources[0], readFrom: first)
        texts.add(sources[1], readFrom: second)
        try directory.write("a.md", "Rewritten after the run read it.\n")
        let reports = sources.map { DocumentReport(source: $0, findings: [], figuresRead: 2, figuresUsed: 0, checksRun: 0) }
        var html = ""
        let unquoted = SummaryHTMLReporter().write(DiscrepancySummary(reports: reports, rules: [], diagnostics: []), texts: texts) { html += $0 }
        #expect(unquoted == [0])
        let page = try SummaryHTMLTests.Page.parse(html)
        #expect(page.text.contains("The file changed after factlint read it"))
        #expect(!page.text.contains("Rewritten") && !page.text.contains("courts convicted"))
        #expect(page.text.contains("Of the 12, 5 were women."))
    }
}
