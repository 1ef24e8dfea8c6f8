import FactlintFigures

/// A table's total row adds up: in every column of counts or money, the cell of a row
/// labelled "Total" equals the sum of the cells above it.
///
/// A column is checked only when every cell above the total holds exactly one figure of the
/// total's kind, so a dash, "n/a" or a footnote leaves the column alone.
public struct TableTotalCheck: Check {
    /// Labels (lowercase) of the first cell that mark a total row.
    public var labels: Set<String>

    public var templates: [Template] { [] }

    public init(labels: Set<String> = ["total", "totals", "overall", "all", "sum", "grand total"]) {
        self.labels = labels
    }

    struct Cell {
        var block: Int
        var row: Int
        var column: Int
    }

    public func evaluate(_ context: CheckContext) -> CheckOutcome {
        var outcome = CheckOutcome()
        for table in tables(in: context.document) {
            // The cells by row, in an array indexed by row number rather than a dictionary (rows
            // are numbered line by line from 0, so the array is no longer than the table; hashing
            // each look-up cost more).
            guard let lastRow = table.map(\.row).max(), lastRow >= 2 else { continue }
            var rows = [[Cell]](repeating: [], count: lastRow + 1)
            for cell in table { rows[cell.row].append(cell) }
            for totalRow in 2...lastRow {
                let cells = rows[totalRow]
                guard let label = cells.first(where: { $0.column == 0 }),
                      labels.contains(TableTotalCheck.label(context.document, label.block)) else { continue }
                for cell in cells where cell.column > 0 {
                    guard let totalIndex = onlyFigure(context.document, cell.block) else { continue }
                    let total = context.document.figures[totalIndex]
                    guard total.kind == .count || total.kind == .money else { continue }
                    var parts: [Int] = []
                    var usable = true
                    for row in 1..<totalRow {
                        guard let partCell = rows[row].first(where: { $0.column == cell.column }),
                              let partIndex = onlyFigure(context.document, partCell.block),
                              context.document.figures[partIndex].kind == total.kind,
                              context.document.figures[partIndex].unitCode == total.unitCode else {
                            usable = false
                            break
                        }
                        parts.append(partIndex)
                    }
                    guard usable, parts.count >= 2 else { continue }
                    let sum = parts.map { context.document.figures[$0].value }.reduce(Interval.exactly(0), +)
                    outcome.checksRun += 1
                    outcome.usedFigures.insert(totalIndex)
                    outcome.usedFigures.formUnion(parts)
                    guard !sum.overlaps(total.value) else { continue }
                    let header = rows[0].first(where: { $0.column == cell.column }).map { TableTotalCheck.label(context.document, $0.block) } ?? ""
                    let column = header.isEmpty ? "column \(cell.column + 1)" : "the \(header) column"
                    let values = ["total": context.text(of: totalIndex), "parts": sum.description, "column": column, "gap": Interval.format(sum.gap(to: total.value))]
                    outcome.findings.append(Finding(
                        ruleID: context.rule.id, severity: context.rule.severity,
                        message: context.message(values, fallback: "\(column) adds up to \(sum), but its total is \(context.text(of: totalIndex))"),
                        primary: context.label(totalIndex, "total"),
                        related: parts.map { context.label($0, "part") },
                        evidence: Evidence(stated: total.value, computed: sum, gap: sum.gap(to: total.value))
                    ))
                }
            }
        }
        return outcome
    }

    /// The cells of each table, a new table starting at every row 0, column 0.
    func tables(in document: Document) -> [[Cell]] {
        var tables: [[Cell]] = []
        for (index, block) in document.blocks.enumerated() {
            guard case .tableCell(let row, let column) = block.kind else { continue }
            if row == 0, column == 0 { tables.append([]) }
            if tables.isEmpty { tables.append([]) }
            tables[tables.count - 1].append(Cell(block: index, row: row, column: column))
        }
        return tables
    }

    /// The figure a cell holds when it holds exactly one and nothing else of note.
    func onlyFigure(_ document: Document, _ block: Int) -> Int? {
        let sentences = document.blocks[block].sentences
        guard sentences.count == 1, let sentence = sentences.first else { return nil }
        let figures = document.sentences[sentence].figures
        guard figures.count == 1 else { return nil }
        // No words beside the figure ("12 (est.)", "n/a 3"): only markup and punctuation around it.
        let figure = document.figures[figures.lowerBound]
        for index in document.sentences[sentence].tokens where !figure.tokens.contains(index) {
            if document.tokens[index].kind != .punctuation { return nil }
        }
        return figures.lowerBound
    }

    static func label(_ document: Document, _ block: Int) -> String {
        let bytes = document.source.bytes[document.blocks[block].bytes]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII, byte by byte: lowercase letters and spaces, without spaces at either end.
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            for byte in bytes {
                let lower = ByteText.lowercased(byte)
                let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
                if isLetter || (byte == UInt8(ascii: " ") && !kept.isEmpty) { kept.append(lower) }
            }
            while kept.last == UInt8(ascii: " ") { kept.removeLast() }
            return String(decoding: kept, as: UTF8.self)
        }
        let text = document.text(document.blocks[block].bytes).lowercased()
        return String(text.filter { $0.isLetter || $0 == " " }).trimmingSpaces()
    }
}
