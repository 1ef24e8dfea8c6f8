import Testing
@testable import FactlintKit

extension SentenceIndex {
    /// The candidate sentences of a template's groups as plain numbers, for expectations.
    func candidates(groups: [[Int]]) -> [Int] {
        // The result lies in the scratch's memory: the scratch must outlive reading it.
        let scratch = TemplateMatcher.SearchScratch()
        return withExtendedLifetime(scratch) { candidates(groups: groups, scratch: scratch).map { Int($0) } }
    }
}

/// The matches of a template in a text, each as its slot texts plus the matched text under "".
func templateMatches(_ template: String, in text: String) throws -> [[String: String]] {
    let compiled = try Template(template)
    let document = markdown(text)
    let matcher = TemplateMatcher(template: compiled, document: document)
    return document.sentences.indices.flatMap { matcher.matches(inSentence: $0) }.map { match in
        var result = match.bindings.mapValues(\.text)
        result[""] = document.text(match.bytes)
        return result
    }
}

@Suite("Templates: matching")
struct TemplateMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var text: String
        /// The slot texts of the first match, with the matched text under ""; nil when nothing may match.
        var expected: [String: String]?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Words
        Case(name: "words ignore case", template: "COURTS convicted {n:count}", text: "In 2020 courts CONVICTED 14 traffickers.",
             expected: ["": "courts CONVICTED 14", "n": "14"]),
        Case(name: "a word must be whole", template: "convict {n:count}", text: "Courts convicted 14 traffickers.", expected: nil),
        Case(name: "prefix matches convictions", template: "convict* against {n:count}", text: "Courts secured convictions against 19 offenders.",
             expected: ["": "convictions against 19", "n": "19"]),
        Case(name: "prefix matches convicted", template: "convict* {n:count}", text: "Courts convicted 19 offenders.",
             expected: ["": "convicted 19", "n": "19"]),
        Case(name: "prefix needs its letters", template: "convict* {n:count}", text: "Couriers conveyed 19 parcels.", expected: nil),
        // Choices and optional parts
        Case(name: "choice, first option", template: "{n:count} (was|were) sentenced", text: "One was sentenced to prison.",
             expected: ["": "One was sentenced", "n": "One"]),
        Case(name: "choice, second option", template: "{n:count} (was|were) sentenced", text: "Five were sentenced to prison.",
             expected: ["": "Five were sentenced", "n": "Five"]),
        Case(name: "choice, no option", template: "{n:count} (was|were) sentenced", text: "Five are sentenced each year.", expected: nil),
        // Runs of single words in a choice are tested as one set; the options around them keep their order.
        Case(name: "mixed choice, a word of the first run", template: "(of|among|the total of|out of|from) {n:count} cases",
             text: "Courts ruled in 12 of 30 cases.", expected: ["": "of 30 cases", "n": "30"]),
        Case(name: "mixed choice, the phrase between runs", template: "(of|among|the total of|out of|from) {n:count} cases",
             text: "Courts ruled on the total of 30 cases.", expected: ["": "the total of 30 cases", "n": "30"]),
        Case(name: "mixed choice, a phrase of the last run", template: "(of|among|the total of|out of|from) {n:count} cases",
             text: "Courts ruled on 12 out of 30 cases.", expected: ["": "out of 30 cases", "n": "30"]),
        Case(name: "mixed choice, the single word after the phrases", template: "(of|among|the total of|out of|from) {n:count} cases",
             text: "Courts took up 12 from 30 cases.", expected: ["": "from 30 cases", "n": "30"]),
        Case(name: "mixed choice, no option", template: "(of|among|the total of|out of|from) {n:count} cases",
             text: "Courts ruled on 30 cases.", expected: nil),
        Case(name: "multi-word option", template: "(entered into force|took effect) on {d:date}", text: "The law entered into force on 2 March 2017.",
             expected: ["": "entered into force on 2 March 2017", "d": "2 March 2017"]),
        Case(name: "multi-word option, other wording", template: "(entered into force|took effect) on {d:date}", text: "The act took effect on January 1, 2015.",
             expected: ["": "took effect on January 1, 2015", "d": "January 1, 2015"]),
        Case(name: "multi-word option needs every word", template: "(entered into force|took effect) on {d:date}", text: "The law entered force on 2 March 2017.", expected: nil),
        Case(name: "optional words present", template: "sentenced to [a term of] {t:duration}", text: "One officer was sentenced to a term of six years.",
             expected: ["": "sentenced to a term of six years", "t": "six years"]),
        Case(name: "optional words absent", template: "sentenced to [a term of] {t:duration}", text: "One officer was sentenced to six years.",
             expected: ["": "sentenced to six years", "t": "six years"]),
        Case(name: "optional choice, first", template: "{t:duration} [in|of] prison", text: "Two got five years in prison.",
             expected: ["": "five years in prison", "t": "five years"]),
        Case(name: "optional choice, none", template: "{t:duration} [in|of] prison", text: "Two got five years prison.",
             expected: ["": "five years prison", "t": "five years"]),
        Case(name: "a straight apostrophe matches a curly one", template: "officials’ complicity in {y:year}", text: "The report covers officials' complicity in 2007.",
             expected: ["": "officials' complicity in 2007", "y": "2007"]),
        Case(name: "curly quotes match straight ones", template: "operation called \" {op:text} \" uncovered", text: "An operation called “Stop Trafficking” uncovered around 50 crimes.",
             expected: ["": "operation called “Stop Trafficking” uncovered", "op": "Stop Trafficking"]),
        Case(name: "emphasis around a figure", template: "identified {n:count} victims", text: "Police identified **41** victims.",
             expected: ["": "identified **41** victims", "n": "41"]),
        Case(name: "a citation marker inside the phrase", template: "convicted {n:count} offenders", text: "Courts convicted 19[2] offenders in 2007.",
             expected: ["": "convicted 19[2] offenders", "n": "19"]),
        // Gaps
        Case(name: "gap skips words", template: "police ... arrested {n:count}", text: "The police then quickly arrested 15 people.",
             expected: ["": "police then quickly arrested 15", "n": "15"]),
        Case(name: "gap skips nothing", template: "police ... arrested {n:count}", text: "The police arrested 15 people.",
             expected: ["": "police arrested 15", "n": "15"]),
        Case(name: "a gap never crosses a comma", template: "police ... arrested {n:count}", text: "The police, acting on a tip, arrested 15 people.", expected: nil),
        Case(name: "gap of at most 3, within", template: "police ...3 arrested {n:count}", text: "The police then very quickly arrested 15 people.",
             expected: ["": "police then very quickly arrested 15", "n": "15"]),
        Case(name: "gap of at most 3, four words", template: "police ...3 arrested {n:count}", text: "The police then so very quickly arrested 15 people.", expected: nil),
        // Typed slots
        Case(name: "count", template: "identified {n:count} victims", text: "Police identified 87 victims.", expected: ["": "identified 87 victims", "n": "87"]),
        Case(name: "count in words", template: "identified {n:count} victims", text: "Police identified twenty-three victims.",
             expected: ["": "identified twenty-three victims", "n": "twenty-three"]),
        Case(name: "count with a qualifier", template: "uncovered {n:count} crimes", text: "The operation uncovered around 50 crimes.",
             expected: ["": "uncovered around 50 crimes", "n": "around 50"]),
        Case(name: "a decimal is no count", template: "rose by {n:count} points", text: "The share rose by 4.8 points.", expected: nil),
        Case(name: "number takes a decimal", template: "rose by {n:number} points", text: "The share rose by 4.8 points.", expected: ["": "rose by 4.8 points", "n": "4.8"]),
        Case(name: "number takes a count", template: "rose by {n:number} points", text: "The share rose by 5 points.", expected: ["": "rose by 5 points", "n": "5"]),
        Case(name: "percent with its qualifier", template: "victims , {p:percent} , held", text: "Most victims, about 70%, held foreign passports.",
             expected: ["": "victims, about 70%, held", "p": "about 70%"]),
        Case(name: "a count is no percent", template: "found {p:percent} of", text: "Inspectors found 70 of the workers.", expected: nil),
        Case(name: "money in dollars", template: "set aside {m:money}", text: "For victim assistance, Kazakhstan set aside nearly $35,000.",
             expected: ["": "set aside nearly $35,000", "m": "nearly $35,000"]),
        Case(name: "money in euros", template: "allocated {m:money} to", text: "The government allocated 210,000 euros to victim protection.",
             expected: ["": "allocated 210,000 euros to", "m": "210,000 euros"]),
        Case(name: "duration", template: "a term of {t:duration}", text: "He was sentenced to a term of six years and six months.",
             expected: ["": "a term of six years and six months", "t": "six years and six months"]),
        Case(name: "a count is no duration", template: "sentenced to {t:duration}", text: "They were sentenced to 6 lashes.", expected: nil),
        Case(name: "date of a day", template: "published on {d:date}", text: "The report was published on June 4, 2008.",
             expected: ["": "published on June 4, 2008", "d": "June 4, 2008"]),
        Case(name: "date of a month", template: "published in {d:date}", text: "The report was published in March 2020.",
             expected: ["": "published in March 2020", "d": "March 2020"]),
        Case(name: "year", template: "in {y:year}", text: "Convictions rose in 2007.", expected: ["": "in 2007", "y": "2007"]),
        Case(name: "a month is no year", template: "rose in {y:year}", text: "Convictions rose in July 2008.", expected: nil),
        Case(name: "word", template: "{role:word} of the {org:name}", text: "Duman Taev is head of the Criminal Police Department.",
             expected: ["": "head of the Criminal Police Department", "role": "head", "org": "Criminal Police Department"]),
        Case(name: "word from a list", template: "{verb:convicted|prosecuted} {n:count}", text: "Prosecutors prosecuted 49 cases.",
             expected: ["": "prosecuted 49", "verb": "prosecuted", "n": "49"]),
        Case(name: "word not in the list", template: "{verb:convicted|prosecuted} {n:count}", text: "Police arrested 15 people.", expected: nil),
        Case(name: "text stops before a stop word", template: "convicted {n:count} {what:text} in {y:year}", text: "Courts convicted 14 sex traffickers in 2020.",
             expected: ["": "convicted 14 sex traffickers in 2020", "n": "14", "what": "sex traffickers", "y": "2020"]),
        // Names
        Case(name: "a person's name", template: "with {person:name} , the head of {org:name}", text: "IWPR spoke with Nina Balabaeva, the head of Rodnik, which runs a shelter.",
             expected: ["": "with Nina Balabaeva, the head of Rodnik", "person": "Nina Balabaeva", "org": "Rodnik"]),
        Case(name: "an office", template: "{person:name} , head of the {org:name}", text: "According to Duman Taev, head of the Criminal Police Department, over 1,000 people are missing.",
             expected: ["": "Duman Taev, head of the Criminal Police Department", "person": "Duman Taev", "org": "Criminal Police Department"]),
        Case(name: "a name with a hyphen and a connector", template: "head of the {unit:name} in {city:name}", text: "They included the former head of the Anti-Trafficking in Persons Unit in Almaty.",
             expected: ["": "head of the Anti-Trafficking in Persons Unit in Almaty", "unit": "Anti-Trafficking in Persons Unit", "city": "Almaty"]),
        Case(name: "a quoted name", template: "head of the {org:name} foundation", text: "Anna Ryl, head of the \"Korgau Astana\" foundation, disagrees.",
             expected: ["": "head of the \"Korgau Astana\" foundation", "org": "\"Korgau Astana\""]),
        Case(name: "a name stops at a lowercase word", template: "head of the {org:name}", text: "Elsa Varonen, head of the Lantern House shelter, spoke.",
             expected: ["": "head of the Lantern House", "org": "Lantern House"]),
        Case(name: "a name needs a capital", template: "head of the {org:name}", text: "She is head of the shelter.", expected: nil),
    ]

    @Test(arguments: cases)
    func match(_ c: Case) throws {
        let found = try templateMatches(c.template, in: c.text)
        if let expected = c.expected {
            #expect(found.first == expected)
        } else {
            #expect(found.isEmpty, "unexpected match: \(found)")
        }
    }

    @Test func repeatedMatchesInOneSentenceDoNotOverlap() throws {
        let text = "Of the 19 offenders convicted, four were each sentenced to 10 years’ imprisonment, five were each sentenced to seven years’ imprisonment, and one was sentenced to 12 years’ imprisonment."
        let found = try templateMatches("{n:count} (was|were) [each] sentenced to {term:duration}", in: text)
        #expect(found.map { $0["n"] } == ["four", "five", "one"])
        #expect(found.map { $0["term"] } == ["10 years’", "seven years’", "12 years’"])
    }

    @Test func matchesInEverySentence() throws {
        let found = try templateMatches("convicted {n:count}", in: "Courts convicted 14 traffickers in 2020. In 2019 they convicted nine.")
        #expect(found.map { $0["n"] } == ["14", "nine"])
    }

    @Test func aFigureSlotIsTriedOnlyOnSentencesHoldingAFigureItTakes() throws {
        let template = try Template("rose to {share:percent}")
        #expect(template.requiredGroups == [[wordHash("rose".utf8)], [wordHash("to".utf8)], [FigureWords.percent]])
        // An optional figure requires nothing; a number slot takes counts and numbers without a unit.
        #expect(try Template("rose [to {share:percent}]").requiredGroups == [[wordHash("rose".utf8)]])
        #expect(try Template("{n:number} cases").requiredGroups == [[FigureWords.count, FigureWords.numberWithoutUnit], [wordHash("cases".utf8)]])
        let text = "Arrests rose to 40 in 2019. Convictions rose to 35% in 2020. Fines rose to $4,000."
        let document = markdown(text)
        let index = SentenceIndex(document: document, lookedFor: HashNumbering(templates: [template]))
        #expect(index.candidates(groups: index.lookedFor.groups(of: template)) == [1])
        let years = try Template("in {year:year}")
        let yearIndex = SentenceIndex(document: markdown("It fell in 2019. It fell in May 2019. It fell in 40 cases."), lookedFor: HashNumbering(templates: [years]))
        #expect(yearIndex.candidates(groups: yearIndex.lookedFor.groups(of: years)) == [0])
        #expect(try templateMatches("rose to {share:percent}", in: text).map { $0["share"] } == ["35%"])
    }

    @Test func candidatesShareOneScratchAcrossTemplates() throws {
        // A choice group is merged from several words' sentences; a sentence holding two of them is listed once.
        let choice = try Template("(convicted|sentenced) {n:count}")
        let single = try Template("acquitted {n:count}")
        // Sentences without the words, so that merging the rarest group's lists beats testing every sentence.
        let filler = String(repeating: " Nothing else was said.", count: 20)
        let text = "Courts convicted 14 traffickers. Nobody was acquitted. Judges convicted and sentenced 3 more. Courts acquitted 2 people. They sentenced 5." + filler
        let index = SentenceIndex(document: markdown(text), lookedFor: HashNumbering(templates: [choice, single]))
        let scratch = TemplateMatcher.SearchScratch()
        let first = Array(index.candidates(groups: index.lookedFor.groups(of: choice), scratch: scratch))
        #expect(first == [0, 2, 4])
        // The same memory serves the next template: only its own sentences come back.
        let second = Array(index.candidates(groups: index.lookedFor.groups(of: single), scratch: scratch))
        #expect(second == [3])
        #expect(index.candidates(groups: index.lookedFor.groups(of: choice)) == [0, 2, 4])
    }

    @Test func quotedNamesAgreeWithCurlyQuotes() throws {
        let template = try Template("head of the {org:name} foundation")
        let document = markdown("Anna Ryl, head of the “Korgau Astana” foundation, disagrees.")
        let match = try #require(TemplateMatcher(template: template, document: document).matches(inSentence: 0).first)
        #expect(match["org"]?.key == "korgau astana")
    }

    @Test func templatesKnowTheirSlots() throws {
        let template = try Template("{person:name} , [the] {role:head|director} of [the] {organisation:name}")
        #expect(template.slots.map(\.name) == ["person", "role", "organisation"])
        #expect(template.slot(named: "role")?.type == .word(choices: [Array("head".utf8), Array("director".utf8)]))
        #expect(template.slot(named: "person")?.type.capturesFigure == false)
        #expect(try Template("of the {total:count}").slot(named: "total")?.type.capturesFigure == true)
    }
}

@Suite("Templates: syntax errors")
struct TemplateSyntaxTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var template: String
        var offset: Int
        var message: String
        var testDescription: String { template.debugDescription }
    }

    static let cases: [Case] = [
        Case(template: "{n:count} (was|were sentenced", offset: 10, message: "'(' is never closed"),
        Case(template: "{n:count} were [each sentenced", offset: 15, message: "'[' is never closed"),
        Case(template: "of the {total:count", offset: 7, message: "'{' is never closed"),
        Case(template: "of the {total:cuont}", offset: 14, message: "unknown slot type 'cuont' (did you mean 'count'?)"),
        Case(template: "{n:count} of the {n:count}", offset: 18, message: "slot 'n' appears twice"),
        Case(template: "", offset: 0, message: "empty"),
        Case(template: "   ", offset: 0, message: "empty"),
        Case(template: "convicted {total}", offset: 10, message: "a slot needs a name and a type"),
        Case(template: "convicted )", offset: 10, message: "unexpected ')'"),
        Case(template: "police ...0 arrested", offset: 10, message: "a gap can skip 1 to 50 words"),
        // Offsets count characters, as the author sees them: "e" and a combining accent are one.
        Case(template: "re\u{301}fugie\u{301}s housed )", offset: 16, message: "unexpected ')'"),
        Case(template: "naïve «{n:count} (a|b", offset: 17, message: "'(' is never closed"),
    ]

    @Test(arguments: cases)
    func reportsTheMistakeAndWhere(_ c: Case) {
        do {
            _ = try Template(c.template)
            Issue.record("\(c.template.debugDescription) compiled")
        } catch let error as TemplateError {
            #expect(error.offset == c.offset)
            #expect(error.message.contains(c.message), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func anUnknownTypeFarFromAnyNameListsTheKnownTypes() {
        #expect {
            try Template("{n:banana}")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.message.contains("unknown slot type 'banana'") && !error.message.contains("did you mean")
                && error.message.contains("count, number, percent, money, duration, date, year, name, text, word")
        }
    }
}

@Suite("Templates: trimming the parts of a slot")
struct TrimmingSpacesTests {
    @Test(arguments: [
        ("  total ", "total"),
        ("\tname:count\r\n", "name:count"),
        ("", ""),
        (" \t\n\r", ""),
        ("in between stays", "in between stays"),
        // A combining mark after a space is kept, though the space is trimmed before it.
        (" \u{301}a ", "\u{301}a"),
        ("naïve  ", "naïve"),
    ])
    func trimsSpacesTabsAndLineBreaksAtBothEnds(_ text: String, _ trimmed: String) {
        #expect(text.trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
        #expect(text[...].trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
    }
}
