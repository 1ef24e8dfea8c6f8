import FactlintFigures
import Testing

@Suite("Figure kinds")
struct FigureKindTests {
    /// `factlint facts --format summary` counts figures by `ordinal`; a kind added out of step would be miscounted.
    @Test func ordinalIsThePositionInAllCases() {
        for (position, kind) in FigureKind.allCases.enumerated() {
            #expect(kind.ordinal == position, "\(kind)")
        }
    }
}
