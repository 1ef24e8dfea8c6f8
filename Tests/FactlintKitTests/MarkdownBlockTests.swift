import Testing
@testable import FactlintKit

/// A block as a reader sees it: its kind and its text, one line per segment.
struct BlockText: Equatable, CustomStringConvertible {
    var kind: Block.Kind
    var text: String

    init(_ kind: Block.Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    var description: String { "\(kind): \(text.debugDescription)" }
}

func blockTexts(_ document: Document) -> [BlockText] {
    document.blocks.map { block in
        BlockText(block.kind, document.segments(of: block).map { document.text($0) }.joined(separator: "\n"))
    }
}

func markdown(_ text: String, path: String = "report.md") -> Document {
    Document(source: SourceFile(path: path, text: text))
}

/// The text of every figure read in a document.
func figureTexts(_ document: Document) -> [String] {
    document.figures.map { document.text($0.bytes) }
}

@Suite("Markdown blocks")
struct MarkdownBlockTests {
    @Test func frontMatterIsMetadataNotProse() {
        let document = markdown("""
        ---
        title: "Norvask 2019: Victim Protection (Draft)"
        date: 2020-06-15
        ---

        # Norvask

        Police identified 58 victims.
        """)
        #expect(blockTexts(document) == [
            BlockText(.frontMatter, "title: \"Norvask 2019: Victim Protection (Draft)\"\ndate: 2020-06-15"),
            BlockText(.heading(level: 1), "Norvask"),
            BlockText(.paragraph, "Police identified 58 victims."),
        ])
        #expect(document.metadata["title"] == "Norvask 2019: Victim Protection (Draft)")
        #expect(document.metadata["date"] == "2020-06-15")
        #expect(figureTexts(document) == ["58"], "the years in the front matter are not figures of the report")
    }

    @Test func atxHeadings() {
        let document = markdown("""
        # Kazakhstan

        ## Prosecution (2008) ##

        ###### Sixth level
        ####### Seven hashes is a paragraph
        #2008 is not a heading
        """)
        #expect(blockTexts(document) == [
            BlockText(.heading(level: 1), "Kazakhstan"),
            BlockText(.heading(level: 2), "Prosecution (2008)"),
            BlockText(.heading(level: 6), "Sixth level"),
            BlockText(.paragraph, "####### Seven hashes is a paragraph\n#2008 is not a heading"),
        ])
    }

    @Test func setextHeadings() {
        let document = markdown("""
        Norvask: Victim Protection, 2019
        ================================

        Shelters
        --------

        The four shelters housed 41 victims.
        """)
        #expect(blockTexts(document) == [
            BlockText(.heading(level: 1), "Norvask: Victim Protection, 2019"),
            BlockText(.heading(level: 2), "Shelters"),
            BlockText(.paragraph, "The four shelters housed 41 victims."),
        ])
        #expect(document.sections.map(\.title) == ["", "Norvask: Victim Protection, 2019", "Shelters"])
    }

    @Test func aParagraphOverSeveralLinesKeepsEveryLine() {
        let document = markdown("""
        In 2019 the police identified 58
        trafficking victims, up from 49 in 2018.
          Of the 58 victims, 34 were women.

        A second paragraph.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "In 2019 the police identified 58\ntrafficking victims, up from 49 in 2018.\nOf the 58 victims, 34 were women."),
            BlockText(.paragraph, "A second paragraph."),
        ])
    }

    @Test func anOrderedNumberOtherThanOneDoesNotInterruptAParagraph() {
        // A hard-wrapped line may start with a figure and a full stop; it is not a list item.
        let document = markdown("""
        In 2007 the courts convicted a total of
        19. Of them, four were women.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "In 2007 the courts convicted a total of\n19. Of them, four were women."),
        ])
        #expect(figureTexts(document).contains("19"))
    }

    @Test func bulletListItemsAreParagraphsOfOneList() {
        let document = markdown("""
        - Forced labor: 87 victims.
        - Sexual exploitation: victims are
        made to work in urban centres.
        * A new bullet character starts a new list.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "Forced labor: 87 victims."),
            BlockText(.paragraph, "Sexual exploitation: victims are\nmade to work in urban centres."),
            BlockText(.paragraph, "A new bullet character starts a new list."),
        ])
        let blocks = document.blocks
        #expect(blocks[0].list != nil && blocks[0].list == blocks[1].list)
        #expect(blocks[0].listItem != blocks[1].listItem)
        #expect(blocks[2].list != blocks[1].list)
    }

    @Test func nestedListsAndLooseItems() {
        let document = markdown("""
        1. Investigations rose to 22.
           - Of them, 16 led to prosecutions.
             Seven were still open.

           More about it.
        2. Convictions rose to 19.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "Investigations rose to 22."),
            BlockText(.paragraph, "Of them, 16 led to prosecutions.\nSeven were still open."),
            BlockText(.paragraph, "More about it."),
            BlockText(.paragraph, "Convictions rose to 19."),
        ])
        let blocks = document.blocks
        #expect(blocks[0].listItem == blocks[2].listItem, "a paragraph after a blank line inside the item belongs to it")
        #expect(blocks[0].list == blocks[3].list)
        #expect(blocks[1].list != blocks[0].list, "the nested list is a list of its own")
        #expect(figureTexts(document) == ["22", "16", "Seven", "19"], "list numbers are not figures")
    }

    @Test func anOrderedListFromOneInterruptsAParagraph() {
        let document = markdown("""
        The courts reported:
        1. Four convictions.
        2) Two acquittals.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "The courts reported:"),
            BlockText(.paragraph, "Four convictions."),
            BlockText(.paragraph, "Two acquittals."),
        ])
        #expect(document.blocks[1].list != nil && document.blocks[1].list != document.blocks[2].list, "'1.' and '2)' are two lists")
    }

    @Test func codeInsideAListItemIsCode() {
        let document = markdown("""
        - Figures from the ministry:

          ```
          12 victims
          ```
        - Figures from NGOs: 14 victims.
        """)
        #expect(document.blocks.map(\.kind) == [.paragraph, .code, .paragraph])
        #expect(figureTexts(document) == ["14"])
    }

    @Test func blockQuotesNestAndContinueLazily() {
        let document = markdown("""
        > Balabaeva says the shelter helped
        up to 150 people.
        >
        > > She adds that 31 were men.

        After the quote.
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "Balabaeva says the shelter helped\nup to 150 people."),
            BlockText(.paragraph, "She adds that 31 were men."),
            BlockText(.paragraph, "After the quote."),
        ])
        #expect(document.blocks.map(\.quoteDepth) == [1, 2, 0])
    }

    @Test func gfmTableCellsKnowTheirRowAndColumn() throws {
        let document = markdown("""
        | Year | Investigations | Convictions |
        | --- | :---: | ---: |
        | 2006 | 13 | 1 |
        | 2007 | 22 | 19 |

        Year | Victims
        ---- | -------
        2019 | 58
        """)
        #expect(blockTexts(document) == [
            BlockText(.tableCell(row: 0, column: 0), "Year"),
            BlockText(.tableCell(row: 0, column: 1), "Investigations"),
            BlockText(.tableCell(row: 0, column: 2), "Convictions"),
            BlockText(.tableCell(row: 1, column: 0), "2006"),
            BlockText(.tableCell(row: 1, column: 1), "13"),
            BlockText(.tableCell(row: 1, column: 2), "1"),
            BlockText(.tableCell(row: 2, column: 0), "2007"),
            BlockText(.tableCell(row: 2, column: 1), "22"),
            BlockText(.tableCell(row: 2, column: 2), "19"),
            BlockText(.tableCell(row: 0, column: 0), "Year"),
            BlockText(.tableCell(row: 0, column: 1), "Victims"),
            BlockText(.tableCell(row: 1, column: 0), "2019"),
            BlockText(.tableCell(row: 1, column: 1), "58"),
        ])
        let nineteen = try #require(document.figures.first { document.text($0.bytes) == "19" })
        #expect(document.source.location(of: nineteen.bytes.lowerBound) == Location(line: 4, column: 15))
    }

    @Test func fencedAndIndentedCodeAreNotProse() {
        let document = markdown("""
        Text before with 3 cases.

        ```text
        Courts convicted 5 of the 3 offenders.
        ```

        ~~~
        99 more
        ~~~

            indented code with 42

        After with 4 cases.
        """)
        #expect(document.blocks.map(\.kind) == [.paragraph, .code, .code, .code, .paragraph])
        #expect(blockTexts(document)[1].text == "```text\nCourts convicted 5 of the 3 offenders.\n```")
        #expect(figureTexts(document) == ["3", "4"])
        #expect(document.sentences.map { document.text(of: $0) } == ["Text before with 3 cases.", "After with 4 cases."])
    }

    @Test func anIndentedLineInsideAParagraphIsNotCode() {
        let document = markdown("The police arrested\n    42 suspects.")
        #expect(document.blocks.map(\.kind) == [.paragraph])
        #expect(figureTexts(document) == ["42"])
    }

    @Test func htmlCommentsAreNotProse() {
        let document = markdown("""
        <!-- draft note: 12 victims still to confirm -->

        <!--
        Editor: check the 7 cases
        -->

        Text with 4 cases.
        """)
        #expect(document.blocks.map(\.kind) == [.comment, .comment, .paragraph])
        #expect(blockTexts(document)[1].text == "<!--\nEditor: check the 7 cases\n-->")
        #expect(figureTexts(document) == ["4"])
    }

    @Test func thematicBreaks() {
        let document = markdown("""
        First part with 5 cases.

        * * *

        Second part.

        ___
        """)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "First part with 5 cases."),
            BlockText(.thematicBreak, "* * *"),
            BlockText(.paragraph, "Second part."),
            BlockText(.thematicBreak, "___"),
        ])
    }

    @Test func sectionsFollowTopLevelHeadings() {
        let document = markdown("""
        Preamble text.

        # Kazakhstan

        Intro.

        ## Prosecution (2008)

        > # A quoted heading is not a section

        Courts convicted 19 offenders.

        ### Sentences
        """)
        #expect(document.sections.map(\.title) == ["", "Kazakhstan", "Prosecution (2008)", "Sentences"])
        #expect(document.sections.map(\.level) == [0, 1, 2, 3])
        let convicted = document.blocks.firstIndex { document.text($0.bytes).hasPrefix("Courts") }
        #expect(convicted.map { document.blocks[$0].section } == 2)
    }

    @Test func crlfLineEndsStayOutOfBlocks() throws {
        let document = markdown("# Prosecution\r\n\r\nCourts convicted\r\n19 offenders.\r\n")
        #expect(blockTexts(document) == [
            BlockText(.heading(level: 1), "Prosecution"),
            BlockText(.paragraph, "Courts convicted\n19 offenders."),
        ])
        let figure = try #require(document.figures.first)
        #expect(document.source.location(of: figure.bytes.lowerBound) == Location(line: 4, column: 1))
    }

    @Test func frontMatterAfterABOM() {
        let document = markdown("\u{FEFF}---\ntitle: Rodnik interview\ndate: 2012-05-28\n---\n\nText.")
        #expect(document.blocks.first?.kind == .frontMatter)
        #expect(document.metadata["title"] == "Rodnik interview")
        #expect(document.metadata["date"] == "2012-05-28")
    }

    @Test func inlineMarkupIsNotProseButFiguresKeepTheirPositions() {
        let document = markdown("Police identified **41** victims in [2019](https://example.org/2020), and `42` is code <!-- not 43 -->.")
        #expect(figureTexts(document) == ["41", "2019"])
        #expect(document.figures.map { document.source.location(of: $0.bytes.lowerBound) } == [Location(line: 1, column: 21), Location(line: 1, column: 38)])
    }

    @Test func plainTextSplitsParagraphsOnBlankLines() {
        let document = markdown("""
        Report on 2019

        Police identified 58
        victims.
           \t
        # Not a heading in plain text
            nor is this code: 12 cases
        """, path: "notes.txt")
        #expect(document.format == .plainText)
        #expect(blockTexts(document) == [
            BlockText(.paragraph, "Report on 2019"),
            BlockText(.paragraph, "Police identified 58\nvictims."),
            BlockText(.paragraph, "# Not a heading in plain text\n    nor is this code: 12 cases"),
        ])
        #expect(figureTexts(document).contains("12"))
    }
}
