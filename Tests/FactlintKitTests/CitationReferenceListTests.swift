import Testing
import FactlintFigures
@testable import FactlintKit

/// Reading a report's reference list and its inline markers.
@Suite("Citations: reference lists and markers")
struct CitationReferenceListTests {
    static func citations(_ text: String, path: String = "report.md") -> Citations {
        Citations(document: Document(source: SourceFile(path: path, text: text)))
    }

    /// The dates of a reference as (role, text).
    static func dates(_ reference: Reference, _ citations: Citations) -> [String] {
        reference.dates.map { "\($0.role): \(citations.document.text(citations.document.figures[$0.figure].bytes))" }
    }

    @Test func aNumberedListWithCaretLetterBackLinks() throws {
        let citations = Self.citations("""
        The law was adopted in 2008.[2]

        ## References

        1. ^ Treaty Collection website, Section 12a, retrieved August 19, 2024
        2. ^ a b c "Country report". Annual Report 2008. Ministry of Justice (June 4, 2008). Text from this source.
        3. ^ "Tier Placements 2017". www.example.org. Archived from the original on 2017-06-28. Retrieved 2017-12-01.
        """)
        let references = citations.references.references
        #expect(references.map(\.number) == [1, 2, 3])
        try #require(references.count == 3)
        #expect(references.map(\.backLinks) == [[], ["a", "b", "c"], []])
        #expect(Self.dates(references[0], citations) == ["retrieved: August 19, 2024"])
        #expect(Self.dates(references[1], citations) == ["published: June 4, 2008"])
        #expect(Self.dates(references[2], citations) == ["archived: 2017-06-28", "retrieved: 2017-12-01"])
        let second = try #require(citations.references.reference(numbered: 2))
        #expect(citations.document.text(second.bytes).hasPrefix("^ a b c \"Country report\""))
        #expect(citations.document.text(second.bytes).hasSuffix("Text from this source."))
    }

    @Test func aBulletedListIsNumberedInOrderAndReadsDigitBackLinks() {
        let citations = Self.citations("""
        Victims were brought from abroad.[2]

        ## References

        - 1 2 "Women targeted by traffickers". City News. April 10, 2012.
        - ↑ "Annual review: Veridia". Department of State. 2019.
        - 1 2 3 "A new destination". Radio Veridia. March 15, 2006.
        """)
        let references = citations.references.references
        #expect(references.map(\.number) == [1, 2, 3])
        #expect(references.map(\.backLinks) == [["1", "2"], [], ["1", "2", "3"]])
        #expect(references.map { Self.dates($0, citations) } == [
            ["published: April 10, 2012"], ["published: 2019"], ["published: March 15, 2006"],
        ])
    }

    @Test func aNotesHeadingAndAnOrderedListThatStartsLater() {
        let citations = Self.citations("""
        # Report

        Text.[3]

        ### Notes:

        3. "Report on shelters". Ministry. Published on 5 May 2015.
        4. "Second report". Ministry. 2016.

        ## Annex

        1. Not a reference, 2017.
        """)
        #expect(citations.references.references.map(\.number) == [3, 4])
        #expect(citations.references.references.map { Self.dates($0, citations) } == [["published: 5 May 2015"], ["published: 2016"]])
    }

    @Test func aListOfCaretEntriesNeedsNoHeading() {
        let citations = Self.citations("""
        Text.[1]

        1. ^ "Report". Ministry. 2016.
        2. ^ "Review". Agency. 2018.
        """)
        #expect(citations.references.references.map(\.number) == [1, 2])
    }

    @Test func aListWithoutHeadingOrBackLinksIsNoReferenceList() {
        let citations = Self.citations("""
        Police reported:

        1. 12 victims in 2016.
        2. 14 victims in 2017.
        """)
        #expect(citations.references.isEmpty)
    }

    @Test func plainTextEntriesStartWithTheirNumber() throws {
        let citations = Self.citations("""
        The shelter opened in 2015 [2].

        References:
        [1] Ministry of Labour, annual report, 2014.
        [2] "Shelters in 2016", City Herald, 3 March 2014,
            reprinted by the Agency.
        """, path: "report.txt")
        let references = citations.references.references
        #expect(references.map(\.number) == [1, 2])
        #expect(references.map { Self.dates($0, citations) } == [["published: 2014"], ["published: 3 March 2014"]])
        let second = try #require(citations.references.reference(numbered: 2))
        #expect(citations.document.text(second.bytes).hasSuffix("reprinted by the Agency."))
    }

    @Test func footnoteDefinitionsAreEntries() {
        let citations = Self.citations("""
        Text.[^1]

        ## Notes

        [^1]: "Report". Ministry. 2016.
        """)
        #expect(citations.references.references.map(\.number) == [1])
        #expect(citations.groups(inSentence: 0).map(\.numbers) == [[1]])
    }

    @Test func datesInTitlesOrInWordsHaveNoRole() {
        let citations = Self.citations("""
        ## References

        1. ^ "Statement of 4 June 2008". Ministry. 2009.
        2. ^ Report on the law passed in 2007, which took effect in 2008.
        3. ^ "Report". Ministry (2010). Updated 2012.
        4. ^ "Report" (PDF). Ministry. Archived (PDF) from the original on 2 March 2017. Retrieved (in Russian) 3 May 2018.
        """)
        let references = citations.references.references
        #expect(references.map { Self.dates($0, citations) } == [
            ["published: 2009"], [], ["published: 2010"], ["archived: 2 March 2017", "retrieved: 3 May 2018"],
        ])
    }

    @Test func twoBareDatesThatDisagreeGiveNoPublicationDate() {
        let citations = Self.citations("""
        ## References

        1. ^ "Report". Ministry. 2009. Second edition. 2011.
        """)
        #expect(citations.references.references.first?.dates.isEmpty == true)
    }

    @Test func markersGroupWhenWrittenTogether() {
        let citations = Self.citations("""
        Women were trafficked.[6][7][8] Men too,[1] and children [2] [3]. Both[1, 4] and [^5].
        """)
        let groups = (0..<citations.document.sentences.count).flatMap { citations.groups(inSentence: $0) }
        #expect(groups.map(\.numbers) == [[6, 7, 8], [1], [2], [3], [1, 4], [5]])
        #expect(groups.first?.label == "[6][7][8]")
        #expect(groups.first.map { citations.document.text($0.bytes) } == "[6][7][8]")
    }

    @Test func bracketsThatAreNotMarkersAreLeftAlone() {
        let citations = Self.citations("Article [12a] and [sic] and [ 3] and [2.5] and [12345].")
        #expect(citations.groups(inSentence: 0).isEmpty)
    }

    @Test func aMarkerCitesTheClauseItClosesOnly() throws {
        let citations = Self.citations("The law was adopted in 2008, and the ministry reported it.[1]")
        let document = citations.document
        let date = try #require(document.figures.first)
        #expect(citations.group(citing: date.bytes, inSentence: 0) == nil)
        let end = try #require(document.text(document.sentences[0].bytes).range(of: "reported it"))
        let offset = document.text(document.sentences[0].bytes).utf8.distance(from: document.text(document.sentences[0].bytes).startIndex, to: end.upperBound)
        #expect(citations.group(citing: 0..<offset, inSentence: 0)?.numbers == [1])
    }
}

extension CitationReferenceListTests {
    @Test func aNumberTwoListsShareCitesNeitherEntry() {
        let citations = Self.citations("""
        Text.[2]

        ## Notes

        - An explanation.
        - Another explanation, 2009.

        ## References

        - "Report". Ministry. 2010.
        - "Review". Agency. 2011.
        - "Study". Institute. 2012.
        """)
        #expect(citations.references.references.map(\.number) == [1, 2, 1, 2, 3], "each list counts from 1")
        #expect(citations.references.reference(numbered: 2) == nil)
        #expect(citations.references.reference(numbered: 3).map { citations.document.text($0.bytes) } == "\"Study\". Institute. 2012.")
    }
}
