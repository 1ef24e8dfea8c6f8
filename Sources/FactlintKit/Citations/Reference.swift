import FactlintFigures

/// One entry of a report's reference list: its number, its back-links and the dates it gives.
public struct Reference: Sendable {
    /// What a date in a reference says about the source.
    public enum DateRole: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
        /// The source came out: "BBC News. April 10, 2012.", "(June 4, 2008)", "published on …".
        case published
        /// A copy was kept: "Archived from the original on 2017-06-28".
        case archived
        /// The author read it: "Retrieved 2017-12-01", "accessed on …".
        case retrieved

        public static func < (left: DateRole, right: DateRole) -> Bool { left.rawValue < right.rawValue }

        public var description: String {
            switch self {
            case .published: return "published"
            case .archived: return "archived"
            case .retrieved: return "retrieved"
            }
        }
    }

    /// A date of the reference, as an index into `Document.figures`, with its role.
    public struct Dated: Sendable, Hashable {
        public var role: DateRole
        public var figure: Int
    }

    /// The number inline markers use for it: "[2]" cites reference 2.
    public var number: Int
    /// The back-links written before it ("^ a b c" gives "a", "b", "c"; "1 2" gives "1", "2").
    public var backLinks: [String]
    /// The entry's text, back-links included.
    public var bytes: Range<Int>
    /// Its dates, in text order. A date whose role cannot be told (inside a quoted title, in a
    /// sentence of its own words) is left out.
    public var dates: [Dated]

    /// The figures of the dates with a role, in text order.
    public func dates(_ role: DateRole) -> [Int] {
        dates.filter { $0.role == role }.map(\.figure)
    }
}
