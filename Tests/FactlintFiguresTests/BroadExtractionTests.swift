import FactlintFigures
import Testing

/// A wide sweep of the ways English prose writes numbers, money, shares, spans of time and
/// dates, and of the numeric text that is none of these, read as a careful editor would.
@Suite("Broad extraction")
struct BroadExtractionTests {
    static let numbers: [ExtractionCase] = [
        sentence("The index moved by -5 points.", .number("-5", -5)),
        sentence("Night temperatures fell to −12 in the camp.", .number("−12", -12)),
        sentence("Growth was -0.5% last year.", .percent("-0.5%", -0.55, -0.45)),
        sentence("The score was 3 - 2 in the end.", .count("3", 3), .count("2", 2)),
        sentence("Half a million people fled the region.", .count("Half a million", 500_000)),
        sentence("Half a dozen brokers were charged.", .count("Half a dozen", 6)),
        sentence("Two and a half million people were displaced.", .count("Two and a half million", 2_500_000)),
        sentence("Officials counted two point five thousand cases.", .count("two point five thousand", 2_450, 2_550)),
        sentence("The ratio stood at three point two.", .number("three point two", 3.15, 3.25)),
        sentence("The register held 2 500 000 entries.", .count("2 500 000", 2_500_000)),
        sentence("The register held 5 000 entries.", .count("5 000", 5_000)),
        sentence("The register held 12\u{00A0}500 entries.", .count("12\u{00A0}500", 12_500)),
        sentence("The register held 1'250'000 entries.", .count("1'250'000", 1_250_000)),
        // One ordinary space and a group without a zero could be two numbers: read them apart.
        sentence("Of the 2 500 were adults.", .count("2", 2), .count("500", 500)),
        sentence("Fifteen hundred people applied.", .count("Fifteen hundred", 1_500)),
        sentence("Twelve hundred forms were filed.", .count("Twelve hundred", 1_200)),
        sentence("It cost one million two hundred thousand tenge.",
                 .money("one million two hundred thousand tenge", 1_200_000, unit: "KZT")),
        sentence("Twenty five inspectors were hired.", .count("Twenty five", 25)),
        sentence("The unit employs one hundred staff.", .count("one hundred", 100)),
        sentence("A hundred families were resettled.", .count("A hundred", 100)),
        sentence("Inspectors visited 3 farms and 12 factories.", .count("3", 3), .count("12", 12)),
        sentence("The hotline received 7,500 calls.", .count("7,500", 7_500)),
        sentence("The average stay was 3.75 nights.", .number("3.75", 3.745, 3.755)),
        sentence("Prosecutors filed 0 appeals.", .count("0", 0)),
        sentence("The NGO trained 12 trainers who trained 240 teachers.", .count("12", 12), .count("240", 240)),
        sentence("Exactly 1,001 files were opened.", .count("1,001", 1_001)),
        sentence("The survey reached 1.2bn people.", .count("1.2bn", 1_150_000_000, 1_250_000_000)),
        sentence("The survey reached 3 mn people.", .count("3 mn", 2_500_000, 3_500_000)),
        sentence("The project lasted 3 1/2 years.", .duration("3 1/2 years", 42)),
        sentence("Victims worked 12 hours a day.", .duration("12 hours", 12 / (30.436875 * 24))),
        sentence("The ship was 1,200 nautical miles away.", .count("1,200", 1_200)),
    ]

    @Test("numbers in digits and words", arguments: numbers)
    func readsNumbers(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let ordinals: [ExtractionCase] = [
        sentence("It was the 3rd hearing this year.", .ordinal("3rd", 3)),
        sentence("The 101st session opened.", .ordinal("101st", 101)),
        sentence("The 22nd report was tabled.", .ordinal("22nd", 22)),
        sentence("The twenty-second meeting was held.", .ordinal("twenty-second", 22)),
        sentence("The fifth round failed.", .ordinal("fifth", 5)),
        sentence("This was the tenth anniversary.", .ordinal("tenth", 10)),
        sentence("The 10th and 11th hearings were closed.", .ordinal("10th", 10), .ordinal("11th", 11)),
    ]

    @Test("ordinals", arguments: ordinals)
    func readsOrdinals(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let percentages: [ExtractionCase] = [
        sentence("The rate was 2.5 per cent.", .percent("2.5 per cent", 2.45, 2.55)),
        sentence("The rate was 45 % overall.", .percent("45 %", 44.5, 45.5)),
        sentence("Convictions rose by 3 percentage points.", .percent("3 percentage points", 2.5, 3.5)),
        sentence("Convictions rose by 1.5 percentage points.", .percent("1.5 percentage points", 1.45, 1.55)),
        sentence("Two point five percent were men.", .percent("Two point five percent", 2.45, 2.55)),
        sentence("Nearly 90% were women.", .percent("Nearly 90%", 81, 90.5, .nearly)),
        sentence("Roughly 15 percent were boys.", .percent("Roughly 15 percent", 13.5, 16.5, .approximate)),
        sentence("More than 60% were adults.", .percent("More than 60%", 59.5, .infinity, .moreThan, ends: .open)),
        sentence("Less than 5% were prosecuted.", .percent("Less than 5%", 0, 5.5, .lessThan, ends: .openUpper)),
        sentence("Between 30 and 40 percent were minors.", .percent("Between 30 and 40 percent", 29.5, 40.5, .range)),
        sentence("Some 20-25% of victims were men.", .percent("20-25%", 19.5, 25.5, .range)),
        sentence("The share fell from 12% to 9%.", .percent("12%", 11.5, 12.5), .percent("9%", 8.5, 9.5)),
        sentence("One hundred percent of cases were reviewed.", .percent("One hundred percent", 99.5, 100.5)),
        sentence("Fifty pct of the budget went to shelters.", .percent("Fifty pct", 49.5, 50.5)),
        sentence("Up to 30% of wages were withheld.", .percent("Up to 30%", 0, 30.5, .atMost)),
    ]

    @Test("percentages", arguments: percentages)
    func readsPercentages(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let money: [ExtractionCase] = [
        sentence("The budget was $1.2m this year.", .money("$1.2m", 1_150_000, 1_250_000, unit: "USD")),
        sentence("Traffickers earned $3bn a year.", .money("$3bn", 2_500_000_000, 3_500_000_000, unit: "USD")),
        sentence("The broker charged $5k per person.", .money("$5k", 4_500, 5_500, unit: "USD")),
        sentence("The scheme made €2m in profit.", .money("€2m", 1_500_000, 2_500_000, unit: "EUR")),
        sentence("The fund holds 5m euros.", .money("5m euros", 4_500_000, 5_500_000, unit: "EUR")),
        sentence("Fines of 500 € were imposed.", .money("500 €", 500, unit: "EUR")),
        sentence("Fines of 500€ were imposed.", .money("500€", 500, unit: "EUR")),
        sentence("Fines of ¥10,000 were imposed.", .money("¥10,000", 10_000, unit: "JPY")),
        sentence("Fines of ₹20,000 were imposed.", .money("₹20,000", 20_000, unit: "INR")),
        sentence("Fines of ₽15,000 were imposed.", .money("₽15,000", 15_000, unit: "RUB")),
        sentence("Fines of ₸150,000 were imposed.", .money("₸150,000", 150_000, unit: "KZT")),
        sentence("Fines of Rs 5,000 were imposed.", .money("Rs 5,000", 5_000, unit: "INR")),
        sentence("Fines of Rs. 5,000 were imposed.", .money("Rs. 5,000", 5_000, unit: "INR")),
        sentence("Fines of EUR 300 were imposed.", .money("EUR 300", 300, unit: "EUR")),
        sentence("Fines of 300 EUR were imposed.", .money("300 EUR", 300, unit: "EUR")),
        sentence("Victims paid USD 1,200 each.", .money("USD 1,200", 1_200, unit: "USD")),
        sentence("Victims paid 1,200 USD each.", .money("1,200 USD", 1_200, unit: "USD")),
        sentence("The grant was JPY 3 million.", .money("JPY 3 million", 2_500_000, 3_500_000, unit: "JPY")),
        sentence("The grant was AUD 40,000.", .money("AUD 40,000", 40_000, unit: "AUD")),
        sentence("Donors pledged 5 million US dollars.", .money("5 million US dollars", 4_500_000, 5_500_000, unit: "USD")),
        sentence("The fee was HK$8,000.", .money("HK$8,000", 8_000, unit: "HKD")),
        sentence("A worker earned 300 rupees a week.", .money("300 rupees", 300, unit: "INR")),
        sentence("Brokers took 2,000 pesos a month.", .money("2,000 pesos", 2_000, unit: "MXN")),
        sentence("Each visa cost £1,500.", .money("£1,500", 1_500, unit: "GBP")),
        sentence("The ring laundered over $2 million.",
                 .money("over $2 million", 1_500_000, .infinity, .moreThan, unit: "USD", ends: .open)),
        sentence("Bribes ranged from $500 to $2,000.", .money("ranged from $500 to $2,000", 500, 2_000, .range, unit: "USD")),
        sentence("Fees were between 5,000 and 10,000 euros.",
                 .money("between 5,000 and 10,000 euros", 5_000, 10_000, .range, unit: "EUR")),
        sentence("The court ordered $50,000 in damages and 5 years in prison.",
                 .money("$50,000", 50_000, unit: "USD"), .duration("5 years", 60)),
        sentence("It cost a million dollars.", .money("a million dollars", 1_000_000, unit: "USD")),
        sentence("The victim was paid $5 a day.", .money("$5", 5, unit: "USD")),
    ]

    @Test("money", arguments: money)
    func readsMoney(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let durations: [ExtractionCase] = [
        sentence("He served one and a half years.", .duration("one and a half years", 18)),
        sentence("He served a year and a half.", .duration("a year and a half", 18)),
        sentence("He served two years and a half.", .duration("two years and a half", 30)),
        sentence("She served two and a half years.", .duration("two and a half years", 30)),
        sentence("The review took half a year.", .duration("half a year", 6)),
        sentence("The work took a decade.", .duration("a decade", 120)),
        sentence("The inquiry took a month.", .duration("a month", 1)),
        sentence("The trial took 18 months.", .duration("18 months", 18)),
        sentence("The trial took eighteen months.", .duration("eighteen months", 18)),
        sentence("A three-year programme began.", .duration("three-year", 36)),
        sentence("A 24-month plan was adopted.", .duration("24-month", 24)),
        sentence("The raid lasted two weeks.", .duration("two weeks", 14 / 30.436875)),
        sentence("He was held for 48 hours.", .duration("48 hours", 48 / (30.436875 * 24))),
        sentence("She was detained for ten days.", .duration("ten days", 10 / 30.436875)),
        sentence("He faces up to 20 years in prison.", .duration("up to 20 years", 0, 240, .atMost)),
        sentence("The term is at least 8 years.", .duration("at least 8 years", 96, .infinity, .atLeast)),
        sentence("He got 5 to 10 years.", .duration("5 to 10 years", 60, 120, .range)),
        sentence("Sentences were between two and four years.",
                 .duration("between two and four years", 24, 48, .range)),
        sentence("Two decades of work followed.", .duration("Two decades", 240)),
        sentence("Hearings meet twice a year."),
        sentence("Inspections happen once a month."),
        sentence("The programme costs $300 a month.", .money("$300", 300, unit: "USD")),
        sentence("He was sentenced to 6 months and 15 days.", .duration("6 months and 15 days", 6 + 15 / 30.436875)),
    ]

    @Test("durations", arguments: durations)
    func readsDurations(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let rangesAndQualifiers: [ExtractionCase] = [
        sentence("Raids freed 18 – 30 people.", .count("18 – 30", 18, 30, .range)),
        sentence("Raids freed 18 through 30 people.", .count("18 through 30", 18, 30, .range)),
        sentence("Raids freed as many as 30 people.", .count("as many as 30", 0, 30, .atMost)),
        sentence("Raids freed as few as 3 people.", .count("as few as 3", 3, .infinity, .atLeast)),
        sentence("Raids freed in excess of 300 people.", .count("in excess of 300", 300, .infinity, .moreThan, ends: .open)),
        sentence("Raids freed no more than 30 people.", .count("no more than 30", 0, 30, .atMost)),
        sentence("Raids freed 30 or more people.", .count("30 or more", 30, .infinity, .atLeast)),
        sentence("Raids freed 30 or fewer people.", .count("30 or fewer", 0, 30, .atMost)),
        sentence("Children aged 15 and over were interviewed.", .age("15 and over", 15, .infinity, .atLeast)),
        sentence("The unit has 40+ officers.", .count("40+", 40, .infinity, .atLeast)),
        sentence("The unit has 40 or so officers.", .count("40 or so", 36, 44, .approximate)),
        sentence("Just under 200 files were closed.", .count("Just under 200", 0, 200, .lessThan, ends: .openUpper)),
        sentence("Well over 1,000 people applied.", .count("Well over 1,000", 1_000, .infinity, .moreThan, ends: .open)),
        sentence("Upwards of 500 workers were freed.", .count("Upwards of 500", 500, .infinity, .moreThan, ends: .open)),
        sentence("Not more than 12 cases were closed.", .count("Not more than 12", 0, 12, .atMost)),
        sentence("A minimum of 3 judges sit.", .count("A minimum of 3", 3, .infinity, .atLeast)),
        sentence("Close to 40 shelters opened.", .count("Close to 40", 36, 40, .nearly)),
        sentence("Almost a thousand calls came in.", .count("Almost a thousand", 900, 1_000, .nearly)),
        sentence("Approximately 1.5 million people migrate.",
                 .count("Approximately 1.5 million", 1_350_000, 1_650_000, .approximate)),
        sentence("Between five and ten victims testified.", .count("Between five and ten", 5, 10, .range)),
        sentence("From 200 to 300 people attended.", .count("From 200 to 300", 200, 300, .range)),
        sentence("Teams of 5-7 officers were formed.", .count("5-7", 5, 7, .range)),
        sentence("Victims aged 14 to 17 were found.", .age("14 to 17", 14, 17, .range)),
        sentence("Arrests rose from 40 to 55.", .count("40", 40), .count("55", 55)),
    ]

    @Test("ranges and qualifiers", arguments: rangesAndQualifiers)
    func readsRangesAndQualifiers(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let dates: [ExtractionCase] = [
        sentence("It was signed on the 1st of March 2019.",
                 .date("1st of March 2019", .day, from: (2019, 3, 1), to: (2019, 3, 2))),
        sentence("It was signed on March 1st, 2019.", .date("March 1st, 2019", .day, from: (2019, 3, 1), to: (2019, 3, 2))),
        sentence("It was signed on Monday, 4 June 2018.",
                 .date("Monday, 4 June 2018", .day, from: (2018, 6, 4), to: (2018, 6, 5))),
        sentence("It was signed on Friday, June 8, 2018.",
                 .date("Friday, June 8, 2018", .day, from: (2018, 6, 8), to: (2018, 6, 9))),
        sentence("It was signed on 12.05.2019.", .date("12.05.2019", .day, from: (2019, 5, 12), to: (2019, 5, 13))),
        sentence("It was signed on 25/12/2019.", .date("25/12/2019", .day, from: (2019, 12, 25), to: (2019, 12, 26))),
        sentence("It was signed on 12/25/2019.", .date("12/25/2019", .day, from: (2019, 12, 25), to: (2019, 12, 26))),
        // Day first or month first cannot be told apart: both days stay possible.
        sentence("It was signed on 05/12/2019.",
                 .date("05/12/2019", .day, from: (2019, 5, 12), to: (2019, 12, 6), .range)),
        sentence("It was signed on 07/07/2019.", .date("07/07/2019", .day, from: (2019, 7, 7), to: (2019, 7, 8))),
        sentence("Data for 03/2019 were revised.", .date("03/2019", .month, from: (2019, 3, 1), to: (2019, 4, 1))),
        sentence("Trafficking rose in the 1990s.", .date("1990s", .decade, from: (1990, 1, 1), to: (2000, 1, 1))),
        sentence("Trafficking rose in the 1980’s.", .date("1980’s", .decade, from: (1980, 1, 1), to: (1990, 1, 1))),
        // A fiscal year ends in the year it names, mostly, and starts in a month that varies.
        sentence("Data for FY2019 were revised.", .date("FY2019", .year, from: (2018, 1, 1), to: (2020, 1, 1), .range)),
        sentence("Data for FY 2019 were revised.", .date("FY 2019", .year, from: (2018, 1, 1), to: (2020, 1, 1), .range)),
        sentence("Data for 2019/20 were revised.", .date("2019/20", .year, from: (2019, 1, 1), to: (2021, 1, 1), .range)),
        sentence("In 2019/2020 the unit grew.", .date("2019/2020", .year, from: (2019, 1, 1), to: (2021, 1, 1), .range)),
        sentence("Data for Q3 2019 were revised.", .date("Q3 2019", .month, from: (2019, 7, 1), to: (2019, 10, 1))),
        sentence("Data for H1 2020 were revised.", .date("H1 2020", .month, from: (2020, 1, 1), to: (2020, 7, 1))),
        sentence("Shelters opened in the first half of 2019.",
                 .date("first half of 2019", .month, from: (2019, 1, 1), to: (2019, 7, 1))),
        sentence("Shelters opened in the fourth quarter of 2019.",
                 .date("fourth quarter of 2019", .month, from: (2019, 10, 1), to: (2020, 1, 1))),
        sentence("Shelters opened in spring 2019.", .date("spring 2019", .month, from: (2019, 3, 1), to: (2019, 6, 1))),
        sentence("Shelters opened in the summer of 2017.",
                 .date("summer of 2017", .month, from: (2017, 6, 1), to: (2017, 9, 1))),
        sentence("Shelters opened in mid-2019.", .date("mid-2019", .month, from: (2019, 4, 1), to: (2019, 10, 1))),
        sentence("Shelters opened in early 2019.", .date("early 2019", .month, from: (2019, 1, 1), to: (2019, 5, 1))),
        sentence("Shelters opened in late 2019.", .date("late 2019", .month, from: (2019, 9, 1), to: (2020, 1, 1))),
        sentence("Shelters opened at the end of 2019.", .date("end of 2019", .month, from: (2019, 10, 1), to: (2020, 1, 1))),
        sentence("Shelters opened at the beginning of 2020.",
                 .date("beginning of 2020", .month, from: (2020, 1, 1), to: (2020, 4, 1))),
        sentence("In the year 2019 the unit grew.", .date("2019", .year, from: (2019, 1, 1), to: (2020, 1, 1))),
        sentence("The law was passed in Dec. 2015.", .date("Dec. 2015", .month, from: (2015, 12, 1), to: (2016, 1, 1))),
        sentence("The law was passed in June of 2015.", .date("June of 2015", .month, from: (2015, 6, 1), to: (2015, 7, 1))),
        sentence("The law was passed on 2 Feb 2016.", .date("2 Feb 2016", .day, from: (2016, 2, 2), to: (2016, 2, 3))),
        sentence("The plan ran from 2010 through 2015.",
                 .date("from 2010 through 2015", .year, from: (2010, 1, 1), to: (2016, 1, 1), .range)),
        sentence("The plan ran from March to June 2015.", .date("June 2015", .month, from: (2015, 6, 1), to: (2015, 7, 1))),
        sentence("The plan ran from March 2015 until June 2015.",
                 .date("from March 2015 until June 2015", .month, from: (2015, 3, 1), to: (2015, 7, 1), .range)),
        // A day with no year cannot be placed, and is no count either.
        sentence("On 5 March the unit reopened."),
        sentence("On March 5 the unit reopened."),
    ]

    @Test("dates", arguments: dates)
    func readsDates(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    static let nothing: [String] = [
        "Call 555-0199 for help.",
        "Call (555) 123-4567 for help.",
        "The office is at 10115 Berlin.",
        "The book has ISBN 978-0-12-345678-9.",
        "Install version 2.4.1 of the app.",
        "See Decision No. 12/2019 of the court.",
        "See Decision 12/2019 of the court.",
        "Law 94-2 covers trafficking.",
        "Visit https://example.org/2019/report.html for more.",
        "Visit www.example.org/2019 for more.",
        "The hearing began at 10 a.m. on Friday.",
        "The hearing began at 10 am on Friday.",
        "The hearing ended at 6 pm.",
        "The hearing ended at 6pm.",
        "Shelters closed during COVID-19.",
        "The G20 summit met.",
        "See Article 3(1)(a) of the Protocol.",
        "Resolution 55/25 was adopted.",
        "The hotline works 24/7.",
        "About a third of victims were men.",
        "A quarter of victims were boys.",
        "Around half of victims were men.",
        "Several victims testified.",
        "Thousands of people were screened.",
        "Dozens of people were screened.",
        "A few people were screened.",
        "See Section 4.2 and Annex 3.",
        "Paragraph 12 of the report applies.",
        "The SDG 8.7 target applies.",
        "He read Chapter 11 aloud.",
        "Schedule 2 lists the offences.",
    ]

    /// Cases from a second reading: leading decimals, fractions joined by hyphens, ratios,
    /// spans of years written with words, ages written around "as young as".
    static let secondReading: [ExtractionCase] = [
        sentence("The agency recorded 12k cases.", .count("12k", 11_500, 12_500)),
        sentence("The agency recorded 12,000–15,000 cases.", .count("12,000–15,000", 12_000, 15_000, .range)),
        sentence("The rate was .5%.", .percent(".5%", 0.45, 0.55)),
        sentence("The rate was 0.75%.", .percent("0.75%", 0.745, 0.755)),
        sentence("The unit had a budget of USD 2.5bn.", .money("USD 2.5bn", 2_450_000_000, 2_550_000_000, unit: "USD")),
        sentence("The fine was 1,000,000 naira.", .money("1,000,000 naira", 1_000_000, unit: "NGN")),
        sentence("He paid 5 000 € for the trip.", .money("5 000 €", 5_000, unit: "EUR")),
        sentence("Girls as young as 12 were recruited.", .age("as young as 12", 12, .infinity, .atLeast)),
        sentence("Victims were between the ages of 14 and 17.", .age("between the ages of 14 and 17", 14, 17, .range)),
        sentence("Two-thirds of the 60 cases were closed.", .count("60", 60)),
        sentence("Approximately one-third of victims were boys."),
        sentence("Nearly one in four victims was a child."),
        sentence("One in five victims was a child."),
        sentence("The report covers 2015 through 2019.",
                 .date("2015 through 2019", .year, from: (2015, 1, 1), to: (2020, 1, 1), .range)),
        sentence("The report covers the years 2015 to 2019.",
                 .date("2015 to 2019", .year, from: (2015, 1, 1), to: (2020, 1, 1), .range)),
        sentence("The Organization's 2019 report noted 19 cases.",
                 .date("2019", .year, from: (2019, 1, 1), to: (2020, 1, 1)), .count("19", 19)),
        sentence("In the 2019-2020 school year, 40 children dropped out.",
                 .date("2019-2020", .year, from: (2019, 1, 1), to: (2021, 1, 1), .range), .count("40", 40)),
        sentence("He was born on 12 October 1985.", .date("12 October 1985", .day, from: (1985, 10, 12), to: (1985, 10, 13))),
        sentence("Since January 1, 2020, the law applies.",
                 .date("January 1, 2020", .day, from: (2020, 1, 1), to: (2020, 1, 2))),
        // An impossible day is no day; its year still stands.
        sentence("The unit closed on 31 April 2021.", .date("2021", .year, from: (2021, 1, 1), to: (2022, 1, 1))),
        sentence("Sentences of 3–5 yrs were imposed.", .duration("3–5 yrs", 36, 60, .range)),
        sentence("The 5-year-old boy was found.", .age("5-year-old", 5)),
        sentence("Wages were 200 dollars per month.", .money("200 dollars", 200, unit: "USD")),
        sentence("Fines ranged between $100 and $500.", .money("between $100 and $500", 100, 500, .range, unit: "USD")),
        sentence("The NGO hotline 1-800-555-0100 is free."),
        sentence("The ratio was 3:1."),
    ]

    @Test("a second reading", arguments: secondReading)
    func readsSecondReading(_ testCase: ExtractionCase) {
        expectFigures(testCase)
    }

    @Test("no figure", arguments: nothing)
    func readsNothing(_ text: String) {
        let figures = FigureRecognizer().figures(in: text).map { FigureRendering.line($0, in: text) }
        #expect(figures == [])
    }
}
