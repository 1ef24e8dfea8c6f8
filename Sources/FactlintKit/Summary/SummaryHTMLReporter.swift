/// Renders a discrepancy summary as one self-contained HTML page: each report's text with the
/// figures behind every finding highlighted, the computation shown on hover or click, and a
/// side list of the findings linking to each spot.
///
/// The page loads nothing: no scripts, fonts or images from anywhere; the style sheet is inline,
/// and the pop-ups work with CSS alone (`:hover`, `:focus` and `:target`). One short inline
/// script only moves a pop-up left when it would run off the window. The page is also well-formed XML
/// (XHTML syntax: every element closed, attributes quoted, only the five XML entities), so XML
/// tools can read it. All report text, in content and in attributes, is escaped with
/// `escapedForXML`, so a report holding `<script>` or `"><img onerror=…>` shows as text.
public struct SummaryHTMLReporter: RunReporter {
    public init() {}

    public func render(reports: [DocumentReport], rules: [Rule], diagnostics: [Diagnostic]) -> String {
        render(DiscrepancySummary(reports: reports, rules: rules, diagnostics: diagnostics), sources: reports.map(\.source))
    }

    /// The page for a summary whose reports were read from `sources` (in the same order).
    public func render(_ summary: DiscrepancySummary, sources: [SourceFile]) -> String {
        var page = ""
        write(summary, texts: ReportTexts(holding: sources)) { page += $0 }
        return page
    }

    /// The page for a summary whose reports' texts are `texts` (in the same order), handed to
    /// `write` in pieces: the head, the side list and the counts, then one report's section at a
    /// time, each report's text fetched as its section is written, so a run over thousands of
    /// reports is never held whole.
    ///
    /// - Returns: the reports whose text could not be quoted (their file changed since they were
    ///   read), by index; their sections say so.
    @discardableResult
    public func write(_ summary: DiscrepancySummary, texts: ReportTexts, to write: (String) -> Void) -> [Int] {
        // Number the discrepancies as the side list shows them: worst first, from 1.
        let discrepancies = summary.discrepancies
        let numbers = Dictionary(uniqueKeysWithValues: discrepancies.enumerated().map { (Key($1.report, $1.index), $0 + 1) })
        let rowsByReport = Dictionary(grouping: discrepancies, by: \.report)
        // Every figure a finding used, in whichever report it is (a fact compared across reports
        // marks figures in several).
        var labelsByPath: [String: [(label: Label, reference: Highlight.Reference)]] = [:]
        for row in discrepancies {
            let number = numbers[Key(row.report, row.index)] ?? 0
            for (label, isPrimary) in [(row.finding.primary, true)] + row.finding.related.map({ ($0, false) }) {
                labelsByPath[label.span.path, default: []].append((label, Highlight.Reference(number: number, row: row, isPrimary: isPrimary, role: label.message)))
            }
        }
        var marksByReport: [[Highlight]] = []
        for reportIndex in 0..<texts.count {
            marksByReport.append(Highlight.merge(labelsByPath[texts.path(at: reportIndex)] ?? [], byteCount: texts.byteCount(at: reportIndex), report: reportIndex))
        }
        // Where the side list sends each finding: the highlight holding its primary figure, else its line.
        var targets: [Int: String] = [:]
        for (reportIndex, marks) in marksByReport.enumerated() {
            for mark in marks {
                for reference in mark.references where reference.isPrimary { targets[reference.number] = mark.id }
            }
            for row in rowsByReport[reportIndex] ?? [] {
                let number = numbers[Key(row.report, row.index)] ?? 0
                if targets[number] == nil { targets[number] = "r\(reportIndex)-L\(row.location.line)" }
            }
        }

        var html = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>factlint summary</title>
        <style>
        \(SummaryHTMLReporter.styleSheet)
        </style>
        <script>
        \(SummaryHTMLReporter.script)
        </script>
        </head>
        <body>

        """
        html += header(summary)
        html += "<div class=\"layout\">\n"
        html += sideList(summary, discrepancies: discrepancies, numbers: numbers, targets: targets)
        html += "<main>\n"
        html += countsTable(summary)
        write(html)
        var unquoted: [Int] = []
        for reportIndex in 0..<min(texts.count, summary.reports.count) {
            let source = texts.source(at: reportIndex)
            if source == nil { unquoted.append(reportIndex) }
            write(reportSection(summary.reports[reportIndex], index: reportIndex, source: source, marks: marksByReport[reportIndex], summary: summary))
        }
        write("</main>\n</div>\n</body>\n</html>\n")
        return unquoted
    }

    /// The title, the totals and the legend.
    func header(_ summary: DiscrepancySummary) -> String {
        let totals = summary.totals
        var html = "<header>\n<h1>factlint summary</h1>\n"
        let found = totals.findings == 0 ? "No discrepancies" : totals.findingsText
        html += "<p class=\"totals\">\(escape(found)) in \(escape(totals.path)), checked with \(summary.rules) rule\(summary.rules == 1 ? "" : "s"); "
        html += "\(totals.figuresRead) figures read, \(totals.figuresUsed) used by a rule (\(escape(totals.coverageText))); "
        html += "\(totals.checksPassed) of \(totals.checksRun) checks passed.</p>\n"
        html += """
        <ul class="legend" aria-label="Legend">
        <li><span class="fig error primary">12</span> error</li>
        <li><span class="fig warning primary">12</span> warning</li>
        <li><span class="fig info primary">12</span> note</li>
        <li><span class="fig error">12</span> another figure the finding used</li>
        <li class="hint">Hover over or click a highlighted figure to see the computation.</li>
        </ul>
        </header>

        """
        return html
    }

    /// The findings, worst first, each linking to its figure; then problems with the input.
    func sideList(_ summary: DiscrepancySummary, discrepancies: [Discrepancy], numbers: [Key: Int], targets: [Int: String]) -> String {
        var html = "<nav class=\"findings\" aria-label=\"Discrepancies\">\n<h2>Discrepancies (\(discrepancies.count))</h2>\n"
        if discrepancies.isEmpty {
            html += "<p>None: every check passed.</p>\n"
        } else {
            html += "<ol>\n"
            for row in discrepancies {
                let number = numbers[Key(row.report, row.index)] ?? 0
                let target = targets[number] ?? "r\(row.report)"
                html += "<li class=\"\(row.severity.rawValue)\"><a href=\"#\(target)\">"
                html += "<span class=\"number\">\(number)</span> <span class=\"badge \(row.severity.rawValue)\">\(row.severity.rawValue)</span> "
                html += "<span class=\"message\">\(escape(row.finding.message))</span> "
                html += "<span class=\"where\">\(escape(row.path)):\(row.location.line)</span>"
                if row.gap != nil { html += " <span class=\"gap\">gap \(escape(row.gapText))</span>" }
                html += "</a></li>\n"
            }
            html += "</ol>\n"
        }
        if !summary.diagnostics.isEmpty {
            html += "<h2>Problems with the input</h2>\n<ul class=\"diagnostics\">\n"
            for diagnostic in summary.diagnostics {
                let place = diagnostic.path + (diagnostic.location.map { ":\($0)" } ?? "")
                html += "<li><span class=\"where\">\(escape(place))</span> \(escape(diagnostic.message))"
                if let help = diagnostic.help { html += " <span class=\"help\">(\(escape(help)))</span>" }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</nav>\n"
    }

    /// A table of every report's counts, with the totals as its last row.
    func countsTable(_ summary: DiscrepancySummary) -> String {
        var html = "<table class=\"counts\">\n<thead><tr><th>Report</th><th>Figures read</th><th>Used by a rule</th><th>Checks passed</th><th>Findings</th></tr></thead>\n<tbody>\n"
        func cells(_ counts: ReportCounts) -> String {
            "<td class=\"num\">\(counts.figuresRead)</td><td class=\"num\">\(counts.figuresUsed) (\(escape(counts.coverageText)))</td>"
                + "<td class=\"num\">\(counts.checksPassed) of \(counts.checksRun)</td><td>\(escape(counts.findingsText))</td>"
        }
        for (index, counts) in summary.reports.enumerated() {
            html += "<tr><td><a href=\"#r\(index)\">\(escape(counts.path))</a></td>\(cells(counts))</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th>Total: \(escape(summary.totals.path))</th>\(cells(summary.totals))</tr></tfoot>\n</table>\n"
        return html
    }

    /// One report: its counts, then its text line by line with the highlights.
    /// - Parameter source: the report's text, or nil when its file changed after it was read.
    func reportSection(_ counts: ReportCounts, index: Int, source: SourceFile?, marks: [Highlight], summary: DiscrepancySummary) -> String {
        var html = "<section class=\"report\" id=\"r\(index)\">\n"
        // A clean report's text is folded away; a report with a finding or a marked figure is open.
        html += counts.findings > 0 || !marks.isEmpty ? "<details open=\"open\">\n" : "<details>\n"
        html += "<summary><h2>\(escape(counts.path))</h2> <span class=\"report-counts\">\(escape(counts.findingsText)); "
        html += "\(counts.figuresRead) figures, \(counts.figuresUsed) used (\(escape(counts.coverageText))); \(counts.checksPassed) of \(counts.checksRun) checks passed</span></summary>\n"
        guard let source else {
            html += "<p class=\"changed\">The file changed after factlint read it, so its text is not shown here; run factlint summary again.</p>\n"
            return html + "</details>\n</section>\n"
        }
        html += "<div class=\"source\">\n"
        var next = 0
        // A final line break does not start a line of its own.
        let lastLine = source.lineCount > 1 && source.lineRange(source.lineCount).isEmpty ? source.lineCount - 1 : source.lineCount
        for line in 1...max(1, lastLine) {
            let range = source.lineRange(line)
            html += "<div class=\"line\" id=\"r\(index)-L\(line)\"><span class=\"ln\">\(line)</span><span class=\"text\">"
            var position = range.lowerBound
            // Marks that end before this line were written on earlier lines.
            while next < marks.count, marks[next].bytes.upperBound <= range.lowerBound { next += 1 }
            var markIndex = next
            while markIndex < marks.count, marks[markIndex].bytes.lowerBound < range.upperBound {
                let mark = marks[markIndex]
                let start = max(mark.bytes.lowerBound, range.lowerBound)
                let end = min(mark.bytes.upperBound, range.upperBound)
                if start > position { html += escape(source.text(position..<start)) }
                if end > start {
                    html += mark.render(text: source.text(start..<end), isFirstPiece: start == mark.bytes.lowerBound, summary: summary)
                }
                position = max(position, end)
                markIndex += 1
            }
            if position < range.upperBound { html += escape(source.text(position..<range.upperBound)) }
            html += "</span></div>\n"
        }
        html += "</div>\n</details>\n</section>\n"
        return html
    }

    func escape(_ text: String) -> String {
        text.escapedForXML(keepingLineBreaks: true)
    }

    /// A finding, by report and position in the report.
    struct Key: Hashable {
        var report: Int
        var index: Int
        init(_ report: Int, _ index: Int) {
            self.report = report
            self.index = index
        }
    }

    /// A stretch of report text that one or more findings used, with every finding that used it.
    struct Highlight {
        struct Reference {
            /// The finding's number in the side list.
            var number: Int
            var row: Discrepancy
            /// Whether this is the figure the finding is about (else one it compared it with).
            var isPrimary: Bool
            /// What the figure is to the finding: "total", "part", "stated here".
            var role: String
        }

        var bytes: Range<Int>
        var references: [Reference]
        var id: String

        var severity: Severity { references.map(\.row.severity).max() ?? .info }
        var isPrimary: Bool { references.contains(where: \.isPrimary) }

        /// The highlights of one report: every label in it, overlapping ones merged.
        static func merge(_ labels: [(label: Label, reference: Reference)], byteCount: Int, report: Int) -> [Highlight] {
            var labelled: [(bytes: Range<Int>, reference: Reference)] = []
            for (label, reference) in labels {
                let lower = min(label.span.bytes.lowerBound, byteCount)
                let upper = min(max(label.span.bytes.upperBound, lower), byteCount)
                guard upper > lower else { continue }
                labelled.append((lower..<upper, reference))
            }
            labelled.sort { ($0.bytes.lowerBound, $0.bytes.upperBound, $0.reference.number) < ($1.bytes.lowerBound, $1.bytes.upperBound, $1.reference.number) }
            var highlights: [Highlight] = []
            for (bytes, reference) in labelled {
                if let last = highlights.last, bytes.lowerBound < last.bytes.upperBound {
                    highlights[highlights.count - 1].bytes = last.bytes.lowerBound..<max(last.bytes.upperBound, bytes.upperBound)
                    highlights[highlights.count - 1].references.append(reference)
                } else {
                    highlights.append(Highlight(bytes: bytes, references: [reference], id: "r\(report)-h\(highlights.count + 1)"))
                }
            }
            return highlights
        }

        /// The highlighted text; the first piece carries the anchor and the pop-up.
        func render(text: String, isFirstPiece: Bool, summary: DiscrepancySummary) -> String {
            let classes = "fig \(severity.rawValue)" + (isPrimary ? " primary" : "")
            guard isFirstPiece else {
                return "<mark class=\"\(classes)\">\(text.escapedForXML(keepingLineBreaks: true))</mark>"
            }
            let numbers = Set(references.map(\.number)).sorted()
            let label = numbers.map { "finding \($0)" }.joined(separator: ", ")
            var html = "<mark class=\"\(classes)\" id=\"\(id)\" tabindex=\"0\" aria-label=\"\(label.escapedForXML())\">"
            html += text.escapedForXML(keepingLineBreaks: true)
            html += "<span class=\"pop\" role=\"tooltip\">"
            for number in numbers {
                let mine = references.filter { $0.number == number }
                guard let row = mine.first?.row else { continue }
                let roles = mine.map(\.role)
                html += "<span class=\"item \(row.severity.rawValue)\">"
                html += "<span class=\"head\"><span class=\"number\">\(number)</span> <span class=\"badge \(row.severity.rawValue)\">\(row.severity.rawValue)</span> "
                html += "\(row.finding.message.escapedForXML(keepingLineBreaks: true))</span>"
                for line in row.computation {
                    html += "<span class=\"calc\">\(line.escapedForXML(keepingLineBreaks: true))</span>"
                }
                html += "<span class=\"meta\">this figure: \(roles.joined(separator: ", ").escapedForXML(keepingLineBreaks: true)) · "
                html += "\(row.finding.ruleID.escapedForXML(keepingLineBreaks: true)) · \(row.path.escapedForXML(keepingLineBreaks: true)):\(row.location.line)</span>"
                html += "</span>"
            }
            html += "</span></mark>"
            return html
        }
    }

    /// The page's only script: it moves a pop-up left when it would run off the window's right
    /// edge, which CSS alone cannot know. Without it the page still works; the pop-up is only cut.
    /// It holds no `<` or `&`, so the page stays well-formed XML.
    static let script = """
    (function () {
      function place(mark) {
        var pop = mark.querySelector('.pop');
        if (!pop) return;
        pop.style.left = '';
        var box = pop.getBoundingClientRect();
        var room = document.documentElement.clientWidth - 12;
        if (box.width === 0) return;
        if (box.right > room) pop.style.left = (parseFloat(getComputedStyle(pop).left) - (box.right - room)) + 'px';
      }
      function find(event) {
        var mark = event.target.closest ? event.target.closest('mark.fig') : null;
        if (mark) place(mark);
      }
      function target() {
        var mark = location.hash ? document.getElementById(location.hash.slice(1)) : null;
        if (mark) place(mark);
      }
      document.addEventListener('mouseover', find);
      document.addEventListener('focusin', find);
      window.addEventListener('hashchange', target);
      window.addEventListener('load', target);
    })();
    """

    /// The page's only style sheet. It holds no `<`, `>` or `&`, so the page stays well-formed XML.
    static let styleSheet = """
    :root { --error: #c5221f; --error-bg: #fde0dc; --warning: #9a6700; --warning-bg: #fff1c2; --info: #1a5fb4; --info-bg: #dde9fb; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f8fa; line-height: 1.5; }
    header { padding: 1rem 1.5rem 0.5rem; background: #fff; border-bottom: 1px solid var(--line); }
    h1 { margin: 0 0 0.25rem; font-size: 1.4rem; }
    h2 { font-size: 1.05rem; margin: 0.5rem 0; }
    .totals { margin: 0.25rem 0; }
    .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0.5rem 0; font-size: 0.9rem; color: var(--muted); }
    .legend .fig { cursor: default; }
    .layout { display: flex; align-items: flex-start; }
    nav.findings { position: sticky; top: 0; flex: 0 0 24rem; max-height: 100vh; overflow-y: auto; padding: 0.75rem 1rem; background: #fff; border-right: 1px solid var(--line); font-size: 0.9rem; }
    nav.findings ol { list-style: none; padding: 0; margin: 0; }
    nav.findings li { margin: 0 0 0.4rem; border-left: 4px solid var(--line); padding: 0.25rem 0.5rem; background: #fbfcfd; }
    nav.findings li.error { border-left-color: var(--error); }
    nav.findings li.warning { border-left-color: var(--warning); }
    nav.findings li.info { border-left-color: var(--info); }
    nav.findings a { color: inherit; text-decoration: none; display: block; }
    nav.findings a:hover .message, nav.findings a:focus .message { text-decoration: underline; }
    .where, .gap, .help, .meta { color: var(--muted); font-size: 0.85em; }
    .where { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    .badge { display: inline-block; border-radius: 3px; padding: 0 0.35em; font-size: 0.8em; font-weight: 600; color: #fff; }
    .number { display: inline-block; min-width: 1.5em; border-radius: 1em; padding: 0 0.35em; font-size: 0.8em; font-weight: 600; text-align: center; background: var(--ink); color: #fff; }
    .badge.error { background: var(--error); }
    .badge.warning { background: var(--warning); }
    .badge.info { background: var(--info); }
    main { flex: 1 1 auto; min-width: 0; padding: 0.75rem 1.5rem 4rem; }
    table.counts { border-collapse: collapse; background: #fff; margin: 0 0 1rem; font-size: 0.9rem; }
    table.counts th, table.counts td { border: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; }
    table.counts td.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.counts tfoot th { text-align: left; }
    section.report { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: 0.25rem 1rem 0.75rem; }
    section.report summary { cursor: pointer; padding: 0.25rem 0; }
    section.report summary h2 { display: inline; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.95rem; }
    .report-counts { color: var(--muted); font-size: 0.85rem; }
    p.changed { color: var(--warning); font-style: italic; }
    .source { font-size: 0.95rem; }
    .line { display: flex; min-height: 1.5em; }
    .line:target { background: #fff8c5; }
    .ln { flex: 0 0 3.5em; padding-right: 0.75em; text-align: right; color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8em; line-height: 1.9; user-select: none; }
    .text { flex: 1 1 auto; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    mark.fig, span.fig { position: relative; color: inherit; border-radius: 3px; padding: 0 1px; cursor: pointer; background: transparent; outline: 2px dashed var(--line); outline-offset: 0; }
    .fig.error { outline-color: var(--error); }
    .fig.warning { outline-color: var(--warning); }
    .fig.info { outline-color: var(--info); }
    .fig.primary { outline-style: solid; }
    .fig.primary.error { background: var(--error-bg); }
    .fig.primary.warning { background: var(--warning-bg); }
    .fig.primary.info { background: var(--info-bg); }
    mark.fig:target { box-shadow: 0 0 0 4px #ffd33d; }
    .pop { display: none; position: absolute; z-index: 10; top: 1.6em; left: -0.5em; width: 30rem; max-width: 70vw; padding: 0.5rem 0.75rem; background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 6px 20px rgba(31, 35, 40, 0.2); white-space: normal; font-size: 0.88rem; line-height: 1.4; cursor: auto; }
    mark.fig:hover .pop, mark.fig:focus .pop, mark.fig:target .pop { display: block; }
    .pop .item { display: block; padding: 0.25rem 0; }
    .pop .item + .item { border-top: 1px solid var(--line); }
    .pop .head { display: block; font-weight: 600; }
    .pop .calc { display: block; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; margin: 0.2rem 0; }
    .pop .meta { display: block; }
    @media (max-width: 900px) { .layout { display: block; } nav.findings { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); } }
    """
}
