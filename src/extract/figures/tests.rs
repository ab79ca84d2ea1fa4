//! Table-driven tests of the figure finder on real-world phrases.

use super::*;

type Want = &'static [(f64, &'static str, Option<&'static str>)];

/// (phrase, expected (value, unit, qualifier) in order). Empty: no figure here.
const CASES: &[(&str, Want)] = &[
    // Money
    (
        "some 3.6% of global GDP or around US$2.1 trillion in 2009",
        &[
            (3.6, "percent", Some("some")),
            (2.1e12, "USD", Some("around")),
        ],
    ),
    ("a fine of €3 780", &[(3780.0, "EUR", None)]),
    ("a fine of €30 000, respectively", &[(30000.0, "EUR", None)]),
    (
        "almost €5 million to building",
        &[(5e6, "EUR", Some("almost"))],
    ),
    (
        "up to 1.4 billion of euros",
        &[(1.4e9, "EUR", Some("up to"))],
    ),
    ("€ 150 000 for the project", &[(150000.0, "EUR", None)]),
    ("2 million euro were spent", &[(2e6, "EUR", None)]),
    ("EUR 150 000 was granted", &[(150000.0, "EUR", None)]),
    ("EUR 1.5 billion", &[(1.5e9, "EUR", None)]),
    ("150 000 EUR in total", &[(150000.0, "EUR", None)]),
    ("USD 3 million", &[(3e6, "USD", None)]),
    ("$400 million in assets", &[(4e8, "USD", None)]),
    ("£2.5 billion", &[(2.5e9, "GBP", None)]),
    ("GBP 10 million", &[(1e7, "GBP", None)]),
    ("a budget of €10m", &[(1e7, "EUR", None)]),
    (
        "€1.5bn over seven years",
        &[(1.5e9, "EUR", None), (7.0, "years", Some("over"))],
    ),
    ("€\u{a0}30\u{a0}000", &[(30000.0, "EUR", None)]),
    ("€30\u{202f}000", &[(30000.0, "EUR", None)]),
    ("€30\u{2009}000", &[(30000.0, "EUR", None)]),
    ("5,000 euro", &[(5000.0, "EUR", None)]),
    ("EUR 1,5 million", &[(1.5e6, "EUR", None)]),
    (
        "more than EUR 3 billion",
        &[(3e9, "EUR", Some("more than"))],
    ),
    ("3 billion euros", &[(3e9, "EUR", None)]),
    // Ranges with the multiplier at the end, and other currency codes
    (
        "in the range of EUR 15 to 50 million and",
        &[(15e6, "EUR", None)],
    ),
    ("EUR 25-35 million", &[(25e6, "EUR", None)]),
    ("EUR 0.5 to 1 bn per year", &[(5e8, "EUR", None)]),
    (
        "between EUR 15 million and EUR 50 million",
        &[(15e6, "EUR", Some("between"))],
    ),
    (
        "aim to raise up to JPY 20 trillion (approximately EUR 140 billion)",
        &[
            (2e13, "JPY", Some("up to")),
            (1.4e11, "EUR", Some("approximately")),
        ],
    ),
    ("CHF 300 million", &[(3e8, "CHF", None)]),
    ("150 000 CHF in total", &[(150000.0, "CHF", None)]),
    ("GBP 2 billion", &[(2e9, "GBP", None)]),
    // Percentages
    (
        "increased by 40 per cent overall",
        &[(40.0, "percent", None)],
    ),
    (
        "by as much as 60 per cent in the area",
        &[(60.0, "percent", Some("as much as"))],
    ),
    (
        "An increase of 43 per cent compared to 2011.",
        &[(43.0, "percent", None)],
    ),
    (
        "an increase of 12\u{a0}% on the year before",
        &[(12.0, "percent", None)],
    ),
    ("12 percent of cases", &[(12.0, "percent", None)]),
    (
        "rose by 2.5 percentage points",
        &[(2.5, "percentage_points", None)],
    ),
    (
        "between 10 and 20 per cent",
        &[(10.0, "percent", Some("between"))],
    ),
    ("10-20 % of the budget", &[(10.0, "percent", None)]),
    (
        "nearly 30% of victims",
        &[(30.0, "percent", Some("nearly"))],
    ),
    (
        "less than 1 % of GDP",
        &[(1.0, "percent", Some("less than"))],
    ),
    // Counts
    (
        "the exchange of over 200 000 operational messages",
        &[(200000.0, "count", Some("over"))],
    ),
    (
        "and almost 12 000 cases had been initiated",
        &[(12000.0, "count", Some("almost"))],
    ),
    (
        "over 600 operational analysis reports",
        &[(600.0, "count", Some("over"))],
    ),
    (
        "almost 6 000 participants in more than 100 different training activities",
        &[
            (6000.0, "count", Some("almost")),
            (100.0, "count", Some("more than")),
        ],
    ),
    (
        "In 2012, 231 cases related to organised crime were registered",
        &[(231.0, "count", None)],
    ),
    ("compared to 197 cases in 2011", &[(197.0, "count", None)]),
    (
        "87 different JITs based on 252 funding applications received",
        &[(87.0, "count", None), (252.0, "count", None)],
    ),
    (
        "All in all 32 terrorism-related cases were registered",
        &[(32.0, "count", None)],
    ),
    (
        "A group of 17 experts on corruption",
        &[(17.0, "count", None)],
    ),
    (
        "covering 23 EU Member States, Norway and Switzerland",
        &[(23.0, "count", None)],
    ),
    (
        "A total of 13 institutions and sectors in each country",
        &[(13.0, "count", None)],
    ),
    (
        "including 48 countries around the world",
        &[(48.0, "count", None)],
    ),
    (
        "established by the 18 Schengen countries",
        &[(18.0, "count", None)],
    ),
    (
        "These 18 national coordination centres",
        &[(18.0, "count", None)],
    ),
    (
        "contributions from 12 countries participating",
        &[(12.0, "count", None)],
    ),
    (
        "More than 250 projects have been funded",
        &[(250.0, "count", Some("more than"))],
    ),
    ("in 27 Member States", &[(27.0, "count", None)]),
    ("5,000 officers were trained", &[(5000.0, "count", None)]),
    ("1 200 persons were trained", &[(1200.0, "count", None)]),
    (
        "at least 3 000 victims",
        &[(3000.0, "count", Some("at least"))],
    ),
    ("around 2 million people", &[(2e6, "count", Some("around"))]),
    // A multiplier word makes a count without a noun.
    (
        "an operational threshold set at 45 million, that is",
        &[(45e6, "count", None)],
    ),
    (
        "employees ranging from 250 up to 3000 and",
        &[(250.0, "count", None)],
    ),
    (
        "No more than two members",
        &[(2.0, "count", Some("no more than"))],
    ),
    (
        "a period not exceeding three months",
        &[(3.0, "months", Some("not exceeding"))],
    ),
    (
        "fines not exceeding 6 % of the turnover",
        &[(6.0, "percent", Some("not exceeding"))],
    ),
    (
        "shall not be less than 14 working days",
        &[(14.0, "working_days", Some("less than"))],
    ),
    ("under three pillars", &[(3.0, "count", None)]),
    ("under 250 employees", &[(250.0, "count", Some("under"))]),
    (
        "some 700 000 irregular crossings",
        &[(700000.0, "count", Some("some"))],
    ),
    (
        "Europol supported 264 operations in 2015",
        &[(264.0, "count", None)],
    ),
    // Durations and measures
    (
        "issued guidance within 24 hours.",
        &[(24.0, "hours", Some("within"))],
    ),
    ("a period of 5 years", &[(5.0, "years", None)]),
    ("for 18 months", &[(18.0, "months", None)]),
    ("within 3 days", &[(3.0, "days", Some("within"))]),
    ("2 weeks later", &[(2.0, "weeks", None)]),
    ("a 5-year programme", &[(5.0, "years", None)]),
    ("seized 5 tonnes of cocaine", &[(5.0, "tonnes", None)]),
    ("12.5 kg of heroin", &[(12.5, "kg", None)]),
    ("along 1 000 km of coast", &[(1000.0, "km", None)]),
    (
        "within 10 working days",
        &[(10.0, "working_days", Some("within"))],
    ),
    ("90 calendar days", &[(90.0, "calendar_days", None)]),
    ("heat pumps of 12 kW", &[(12.0, "kW", None)]),
    ("a 300 MW plant", &[(300.0, "MW", None)]),
    ("rainfall of 600 mm a year", &[(600.0, "mm", None)]),
    ("20 l of water", &[(20.0, "litres", None)]),
    ("5 litres", &[(5.0, "litres", None)]),
    ("310 Mt of CO2", &[(3.1e8, "tonnes", None)]),
    ("4 gigatons of CO2", &[(4e9, "tonnes", None)]),
    ("well below 2 °C", &[(2.0, "°C", Some("well below"))]),
    ("limit warming to 1.5°C", &[(1.5, "°C", None)]),
    // Spelled out
    (
        "sentenced to eight years imprisonment",
        &[(8.0, "years", None)],
    ),
    (
        "six years and six months imprisonment",
        &[(6.0, "years", None), (6.0, "months", None)],
    ),
    ("two main challenges", &[(2.0, "count", None)]),
    ("Only six EU Member States", &[(6.0, "count", None)]),
    ("twenty-seven Member States", &[(27.0, "count", None)]),
    ("twelve per cent of cases", &[(12.0, "percent", None)]),
    // Must yield nothing
    ("in 2012", &[]),
    ("10 May 2005", &[]),
    ("as of 1 October 2013", &[]),
    ("the period 2014-2020", &[]),
    ("the strategy 2013 – 2020", &[]),
    ("in mid-2014", &[]),
    ("Brussels, 10.4.2013", &[]),
    ("the European Cybercrime Centre (EC3)", &[]),
    ("the FP7 Security Research programme", &[]),
    ("the G8 summit", &[]),
    ("during the Euro 2012 Football Championships", &[]),
    ("Horizon 2020", &[]),
    ("under Article 222", &[]),
    ("Action 2: Cut off", &[]),
    ("Strategic objective 1: Disrupt", &[]),
    ("JAI 282", &[]),
    ("COSI 40", &[]),
    ("see point (3) above", &[]),
    ("in the 2011 ISS implementation report", &[]),
    ("a two-fold approach", &[]),
    ("the past two years have witnessed", &[]),
    ("one of the major threats", &[]),
    ("the 2nd meeting", &[]),
    ("open 24/7", &[]),
    ("at 10:30", &[]),
    ("in 2012 the Commission issued", &[]),
    ("Until February 2013, Eurojust", &[]),
    ("the number increased", &[]),
    ("http://ec.europa.eu/echo/2010_1626_en.pdf", &[]),
    // Label numbers and dates without a year
    (
        "(Creative Commons Attribution 4.0 International license)",
        &[],
    ),
    ("the Council of Europe Convention 108 provides", &[]),
    ("in accordance with Articles 74 and 76 shall", &[]),
    ("paragraphs 1 to 4 shall apply", &[]),
    ("Articles 21 to 27 and 31 shall apply", &[]),
    ("referred to in Articles 4, 5 and 6 solely because", &[]),
    ("Recital 60 states", &[]),
    ("recitals 58 and 60 say", &[]),
    ("Pages 24 - 26 http", &[]),
    ("the SDG 12.3 target", &[]),
    ("a ratio of 14:1 return", &[]),
    ("by 31 May the Commission", &[]),
    ("on 20 May the Council", &[]),
    ("Bruxelles, le 10 juin", &[]),
    ("le 18 janvier et", &[]),
    ("from 2010 to 2020 emissions fell", &[]),
];

#[test]
fn figure_table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got: Vec<(f64, String, Option<String>)> = find(text, &[])
            .into_iter()
            .map(|f| (f.value, f.unit, f.qualifier))
            .collect();
        let want: Vec<(f64, String, Option<String>)> = want
            .iter()
            .map(|(v, u, q)| (*v, u.to_string(), q.map(str::to_string)))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    assert!(CASES.iter().filter(|(_, w)| w.is_empty()).count() >= 25);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Ranges: both ends scaled, the whole range as the figure's text.
#[test]
fn ranges_with_trailing_multiplier_or_repeated_currency() {
    let cases: &[(&str, f64, f64, &str, &str)] = &[
        (
            "of EUR 15 to 50 million and",
            15e6,
            50e6,
            "EUR",
            "EUR 15 to 50 million",
        ),
        (
            "of EUR 50 to 250 million.",
            50e6,
            250e6,
            "EUR",
            "EUR 50 to 250 million",
        ),
        ("EUR 25-35 million", 25e6, 35e6, "EUR", "EUR 25-35 million"),
        (
            "EUR 0.5 to 1 bn per year",
            5e8,
            1e9,
            "EUR",
            "EUR 0.5 to 1 bn",
        ),
        (
            "between EUR 15 million and EUR 50 million.",
            15e6,
            50e6,
            "EUR",
            "between EUR 15 million and EUR 50 million",
        ),
        (
            "€1 million to €2 billion",
            1e6,
            2e9,
            "EUR",
            "€1 million to €2 billion",
        ),
        (
            "from 250 up to 3000 and",
            250.0,
            3000.0,
            "count",
            "from 250 up to 3000",
        ),
        ("12 to 18 months", 12.0, 18.0, "months", "12 to 18 months"),
        (
            "between 10 and 20 million people",
            1e7,
            2e7,
            "count",
            "between 10 and 20 million people",
        ),
    ];
    for (t, v, vmax, unit, text) in cases {
        let got = find(t, &[]);
        assert_eq!(got.len(), 1, "{t}: {got:?}");
        let f = &got[0];
        assert_eq!(
            (f.value, f.value_max, f.unit.as_str()),
            (*v, Some(*vmax), *unit),
            "{t}"
        );
        assert_eq!(&t[f.range.clone()], *text, "{t}");
    }
    // Not a range: a year before `to`, a falling pair, a different currency, a lone multiplier.
    let f = &find("in 1990 to 438.99 million gigatons", &[])[0];
    assert_eq!((f.value, f.value_max), (438.99e6 * 1e9, None));
    let f = &find("EUR 5 to USD 6 million", &[])[0];
    assert_eq!((f.value, f.value_max, f.unit.as_str()), (5.0, None, "EUR"));
    assert!(find("from 2010 to 2020 emissions fell", &[]).is_empty());
}

#[test]
fn decimal_comma_and_grouping() {
    assert_eq!(parse_number("1,5"), Some(1.5));
    assert_eq!(parse_number("12,75"), Some(12.75));
    assert_eq!(parse_number("1,500"), Some(1500.0));
    assert_eq!(parse_number("1,500,000"), Some(1_500_000.0));
    assert_eq!(parse_number("1,000.5"), Some(1000.5));
    assert_eq!(parse_number("200 000"), Some(200_000.0));
    assert_eq!(parse_number("200\u{a0}000"), Some(200_000.0));
    assert_eq!(parse_number("3.6"), Some(3.6));
}

#[test]
fn text_counted_and_ranges() {
    let f = &find("the exchange of over 200 000 operational messages and", &[])[0];
    assert_eq!(f.counted.as_deref(), Some("operational messages"));
    let t = "the exchange of over 200 000 operational messages and";
    assert_eq!(&t[f.range.clone()], "over 200 000 operational messages");
    let t = "between 10 and 20 per cent of";
    let f = &find(t, &[])[0];
    assert_eq!((f.value, f.value_max), (10.0, Some(20.0)));
    assert_eq!(&t[f.range.clone()], "between 10 and 20 per cent");
    let t = "10-20 % of";
    let f = &find(t, &[])[0];
    assert_eq!(f.value_max, Some(20.0));
    let f = &find("eight years imprisonment", &[])[0];
    assert!(f.spelled);
    let t = "A total of 13 institutions and sectors in each";
    let f = &find(t, &[])[0];
    assert_eq!(f.counted.as_deref(), Some("institutions and sectors"));
}

#[test]
fn counted_phrases_stop_at_verbs_and_adverbs() {
    let counted = |t: &str| find(t, &[])[0].counted.clone();
    assert_eq!(
        counted("more than 100 different training activities on topics").as_deref(),
        Some("different training activities")
    );
    assert_eq!(
        counted("12 countries participating in").as_deref(),
        Some("countries")
    );
    assert_eq!(
        counted("six EU Member States still have").as_deref(),
        Some("EU Member States")
    );
    assert_eq!(
        counted("by three 'peers' (from Italy)").as_deref(),
        Some("peers")
    );
}

#[test]
fn masked_ranges_are_skipped() {
    let t = "COM(2013) 179 final sets 40 per cent";
    let mask = [std::ops::Range { start: 0, end: 19 }];
    let got = find(t, &mask);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, 40.0);
    let t = "Directive 2011/36/EU has 3 articles";
    let mask = [std::ops::Range { start: 0, end: 20 }];
    assert_eq!(find(t, &mask).len(), 1);
}

#[test]
fn the_document_says_whether_a_point_groups_thousands() {
    let continental = Digits::of(["1.234.567 citizens and 2,5 % of them"].into_iter());
    assert_eq!(continental.point_groups, Some(true));
    let english = Digits::of(["5,000,000 citizens and 2.5 % of them"].into_iter());
    assert_eq!(english.point_groups, Some(false));
    assert_eq!(
        Digits::of(["250.000 or 5,000"].into_iter()).point_groups,
        None
    );

    assert_eq!(continental.parse("4.300"), Some(4300.0));
    assert_eq!(continental.parse("1.234,5"), Some(1234.5));
    assert_eq!(continental.parse("2,500"), Some(2.5));
    assert_eq!(english.parse("4.300"), Some(4.3));
    assert_eq!(english.parse("2,500"), Some(2500.0));
    // Unambiguous whatever the document: two point groups, or a leading zero.
    assert_eq!(english.parse("1.234.567"), Some(1_234_567.0));
    assert_eq!(continental.parse("0.125"), Some(0.125));
    // Undecided: a point before three digits groups them, as in `more than 4.300 farms`.
    assert_eq!(Digits::default().parse("250.000"), Some(250_000.0));
    assert_eq!(Digits::default().parse("3.6"), Some(3.6));
}

#[test]
fn shared_units_spelled_one_and_short_multipliers() {
    let got = |t: &str| -> Vec<(f64, String)> {
        find(t, &[])
            .into_iter()
            .map(|f| (f.value, f.unit))
            .collect()
    };
    assert_eq!(
        got("towards 50 or 55% compared with 1990"),
        [(50.0, "percent".into()), (55.0, "percent".into())]
    );
    assert_eq!(
        got("shares of 10, 20 and 30 per cent"),
        [
            (10.0, "percent".into()),
            (20.0, "percent".into()),
            (30.0, "percent".into())
        ]
    );
    assert_eq!(
        got("decide within one month of receipt"),
        [(1.0, "months".into())]
    );
    assert!(got("One of the members shall chair one meeting.").is_empty());
    assert_eq!(got("a fund of EUR 500mln"), [(500e6, "EUR".into())]);
    assert_eq!(got("a guarantee of EUR 1.1bln"), [(1.1e9, "EUR".into())]);
    assert_eq!(got("below 1,5 degree Celsius"), [(1.5, "°C".into())]);
}

#[test]
fn every_number_word_holds_a_needle() {
    for (word, _) in super::SPELLED {
        assert!(
            super::SPELLED_NEEDLES.iter().any(|n| word.contains(n)),
            "{word} holds no needle"
        );
    }
}

/// English number words are figures in English texts only: the Polish `ten` is `this`, and a
/// Polish document gives no figure for it (the AI Act in Polish gave 97).
#[test]
fn english_number_words_only_in_english() {
    let polish =
        "Zakaz ten nie powinien obejmować zgodnego z prawem etykietowania w ciągu dwóch lat.";
    assert!(find_with(polish, &[], Digits::default(), false).is_empty());
    let english = "The Commission shall decide within ten days.";
    let found = find_with(english, &[], Digits::default(), true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].spelled);
    // Through the pipeline: the document's own language decides.
    let text = "Artykuł 5\n\nZakaz ten nie powinien obejmować zgodnego z prawem etykietowania zbiorów \
                danych. Warunek ten miałby zastosowanie do systemów, o których mowa w rozporządzeniu.\n";
    let extraction = crate::pipeline::extract_bytes(text.as_bytes(), Some("pl.txt")).unwrap();
    assert_eq!(extraction.metadata.language.as_deref(), Some("pl"));
    assert!(
        extraction.figures.iter().all(|f| !f.spelled),
        "{:?}",
        extraction.figures
    );
}
