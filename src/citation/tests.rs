//! Table-driven tests of the citation parser on real-world citation strings.

use super::*;

/// (text, expected ids in order). An empty list means: no reference here.
const CASES: &[(&str, &[&str])] = &[
    // Lists whose items repeat their domain (#14)
    (
        "Regulations (EC) No 765/2008 and (EU) No 305/2011",
        &["Regulation (EC) No 765/2008", "Regulation (EU) No 305/2011"],
    ),
    (
        "Regulations (EU) 2017/2394 and (EU) 2019/1020",
        &["Regulation (EU) 2017/2394", "Regulation (EU) 2019/1020"],
    ),
    (
        "Directives 2009/119/EC and (EU) 2015/652",
        &["Directive 2009/119/EC", "Directive (EU) 2015/652"],
    ),
    (
        "Regulations (EEC) No 922/72, (EEC) No 234/79, (EC) No 1037/2001 and (EC) No 1234/2007",
        &[
            "Regulation (EEC) No 922/72",
            "Regulation (EEC) No 234/79",
            "Regulation (EC) No 1037/2001",
            "Regulation (EC) No 1234/2007",
        ],
    ),
    (
        "Regulations (EU) No 1305/2013 on support for rural development by the European Agricultural Fund for Rural Development (EAFRD), (EU) No 1306/2013 on the financing of the CAP and (EU) No 1307/2013 on direct payments. Later, (EU) No 9/2014 is no item.",
        &[
            "Regulation (EU) No 1305/2013",
            "Regulation (EU) No 1306/2013",
            "Regulation (EU) No 1307/2013",
        ],
    ),
    // Words between the article and the treaty (#14)
    ("Article 263, first paragraph, TFEU", &["Article 263 TFEU"]),
    (
        "Articles 26(2), 28 and 34 TFEU",
        &["Article 26(2) TFEU", "Article 28 TFEU", "Article 34 TFEU"],
    ),
    (
        "Article 169(1), and point (a) of Article 169(2), TFEU",
        &["Article 169(1) TFEU", "Article 169(2) TFEU"],
    ),
    // Other kinds users cite (#14)
    (
        "European Council conclusions of 23 March 2023, EUCO 4/23",
        &["EUCO 4/23"],
    ),
    (
        "Commission Recommendation 2003/361/EC of 6 May 2003",
        &["Recommendation 2003/361/EC"],
    ),
    (
        "Council Joint Action 2008/124/CFSP",
        &["Joint Action 2008/124/CFSP"],
    ),
    (
        "Common Position 2008/944/CFSP",
        &["Common Position 2008/944/CFSP"],
    ),
    // Informal forms take the official id (#14)
    ("Regulation 2016/679", &["Regulation (EU) 2016/679"]),
    ("Directive 2016/680", &["Directive (EU) 2016/680"]),
    ("Regulation 1049/2001", &["Regulation (EC) No 1049/2001"]),
    ("Regulation No 1408/71", &["Regulation (EEC) No 1408/71"]),
    // `No` before a year-first number (#14)
    (
        "Regulation (EU) No 2017/1001",
        &["Regulation (EU) 2017/1001"],
    ),
    ("Directive No 64/433/EEC", &["Directive 64/433/EEC"]),
    // Both parts read as years: the Union's domain says which is (#26)
    (
        "Regulations (EC) No 401/2009 and (EU) No 2018/1999",
        &["Regulation (EC) No 401/2009", "Regulation (EU) 2018/1999"],
    ),
    ("Council Directive No 2004/82/EC", &["Directive 2004/82/EC"]),
    // Commission documents
    ("COM(2013) 179 final", &["COM(2013) 179"]),
    ("COM (2012) 196", &["COM(2012) 196"]),
    ("COM(2013)179", &["COM(2013) 179"]),
    ("COM(2013) 45/3.", &["COM(2013) 45"]),
    ("COM(2013) 44/2.", &["COM(2013) 44"]),
    ("COM(2015) 625 final/2", &["COM(2015) 625"]),
    ("COM(97) 558 final", &["COM(1997) 558"]),
    ("COM(2013) 0179 final", &["COM(2013) 179"]),
    ("COM/2013/0179 final", &["COM(2013) 179"]),
    ("COM\u{a0}(2012)\u{a0}85\u{a0}final", &["COM(2012) 85"]),
    ("COM(2012)\n735 final", &["COM(2012) 735"]),
    ("JOIN(2013) 1 final.", &["JOIN(2013) 1"]),
    ("JOIN(2012) 39 final", &["JOIN(2012) 39"]),
    ("SWD(2012) 143 final", &["SWD(2012) 143"]),
    ("SWD(2016) 106 final/2", &["SWD(2016) 106"]),
    (
        "SEC(2010) 1626 final, available at: http://ec.europa.eu/x.pdf",
        &["SEC(2010) 1626"],
    ),
    ("SEC (2009) 1601", &["SEC(2009) 1601"]),
    ("SWD 2016/319 and Commission FOOD 2030", &["SWD(2016) 319"]),
    ("OJ C 2016/319 is not a Commission document", &[]),
    ("C(2016) 1500 final", &["C(2016) 1500"]),
    ("Commission Decision C(2015) 4001", &["C(2015) 4001"]),
    (
        "Set out in Communication 'A community approach on the prevention of natural and man-made disasters, COM(2009) 82 final.",
        &["COM(2009) 82"],
    ),
    (
        "COM(2010) 673 final and COM(2011) 790 final",
        &["COM(2010) 673", "COM(2011) 790"],
    ),
    // Official Journal
    ("OJ L 186, 14.7.2012, p. 4", &["OJ L 186, 14.7.2012, p. 4"]),
    (
        "OJ L 186, 14.7.2012, p. 4 (Australia) and OJ L 215, 11.8.2012, p. 5 (the United States).",
        &["OJ L 186, 14.7.2012, p. 4", "OJ L 215, 11.8.2012, p. 5"],
    ),
    (
        "OJ C 115 E, 4.5.2010, p. 1",
        &["OJ C 115 E, 4.5.2010, p. 1"],
    ),
    (
        "OJ L 130, 1.5.2014, pp. 1-36",
        &["OJ L 130, 1.5.2014, p. 1"],
    ),
    (
        "OJ L 281 of 23.11.1995, p. 31",
        &["OJ L 281, 23.11.1995, p. 31"],
    ),
    (
        "OJ L 281, 23.11.95, p. 31",
        &["OJ L 281, 23.11.1995, p. 31"],
    ),
    (
        "OJ No L 281, 23.11.1995, p. 31",
        &["OJ L 281, 23.11.1995, p. 31"],
    ),
    ("OJ L 119, 04.05.2016, p. 1", &["OJ L 119, 4.5.2016, p. 1"]),
    (
        "OJ L, 2024/1689, 12.7.2024",
        &["OJ L, 2024/1689, 12.7.2024"],
    ),
    ("OJ C 326, 26.10.2012", &["OJ C 326, 26.10.2012"]),
    (
        "OJ\u{a0}L\u{a0}186, 14.7.2012, p.\u{a0}4",
        &["OJ L 186, 14.7.2012, p. 4"],
    ),
    // Legal acts
    ("Directive 2011/36/EU", &["Directive 2011/36/EU"]),
    (
        "Directive 2011/36/EU on preventing and combating trafficking in human beings",
        &["Directive 2011/36/EU"],
    ),
    ("Council Directive 95/46/EC", &["Directive 95/46/EC"]),
    ("Directive (EU) 2016/681", &["Directive (EU) 2016/681"]),
    (
        "Regulation (EU) No 1052/2013",
        &["Regulation (EU) No 1052/2013"],
    ),
    (
        "Regulation (EC) No 1049/2001",
        &["Regulation (EC) No 1049/2001"],
    ),
    ("Regulation (EU) 2016/679", &["Regulation (EU) 2016/679"]),
    (
        "Regulation (EU, Euratom) No 883/2013",
        &["Regulation (EU, Euratom) No 883/2013"],
    ),
    (
        "Council Decision 2005/387/JHA of 10 May 2005",
        &["Decision 2005/387/JHA"],
    ),
    ("Decision No 243/2012/EU", &["Decision No 243/2012/EU"]),
    (
        "Council Framework Decision 2004/757/JHA of 25 October 2004",
        &["Framework Decision 2004/757/JHA"],
    ),
    (
        "Commission Implementing Regulation (EU) 2015/2403",
        &["Regulation (EU) 2015/2403"],
    ),
    (
        "Commission Delegated Regulation (EU) 2019/945",
        &["Regulation (EU) 2019/945"],
    ),
    ("Decision (CFSP) 2015/778", &["Decision (CFSP) 2015/778"]),
    (
        "Council Decision (CFSP) 2015/778 of 18 May 2015",
        &["Decision (CFSP) 2015/778"],
    ),
    // The Parliament's and Council's decisions of 1999-2014 number first, with `No`.
    ("Decision 676/2002/EC", &["Decision No 676/2002/EC"]),
    // Each era's form: ECSC decisions number first; a pre-2015 decision or directive written
    // with a domain or without its suffix takes its suffix; a two-digit year after `No` ends a
    // regulation's number of its time.
    (
        "Commission Decision 3632/93/ECSC",
        &["Decision No 3632/93/ECSC"],
    ),
    ("Decision (EU) 2013/755", &["Decision 2013/755/EU"]),
    ("Directive (EU) 2000/60/EC", &["Directive 2000/60/EC"]),
    (
        "Council Directive 93/13 on unfair terms",
        &["Directive 93/13/EEC"],
    ),
    ("Directive 2006/123", &["Directive 2006/123/EC"]),
    ("Regulation No 2027/97", &["Regulation (EC) No 2027/97"]),
    (
        "Articles 26(2), 28 and 34 [TFEU]",
        &["Article 26(2) TFEU", "Article 28 TFEU", "Article 34 TFEU"],
    ),
    (
        "Council Regulation (EEC) No 1408/71",
        &["Regulation (EEC) No 1408/71"],
    ),
    (
        "Directive 2008/114/EC on the identification and designation of European critical infrastructures",
        &["Directive 2008/114/EC"],
    ),
    ("Directive\u{a0}2011/36/EU", &["Directive 2011/36/EU"]),
    (
        "Framework\nDecision 2008/977/JHA",
        &["Framework Decision 2008/977/JHA"],
    ),
    ("directive 2011/36/eu", &["Directive 2011/36/EU"]),
    (
        "Directives 2011/36/EU and 2011/93/EU",
        &["Directive 2011/36/EU", "Directive 2011/93/EU"],
    ),
    (
        "Regulations (EU) No 1052/2013 and No 1053/2013",
        &[
            "Regulation (EU) No 1052/2013",
            "Regulation (EU) No 1053/2013",
        ],
    ),
    (
        "Regulation (EU) No 1052/2013 establishing the European Border Surveillance System (Eurosur)",
        &["Regulation (EU) No 1052/2013"],
    ),
    (
        "amending Council Decision 2005/387/JHA and Council Framework Decision 2004/757/JHA",
        &["Decision 2005/387/JHA", "Framework Decision 2004/757/JHA"],
    ),
    (
        "European Parliament and Council Directive 2004/38/EC",
        &["Directive 2004/38/EC"],
    ),
    (
        "Decision No 1313/2013/EU of the European Parliament and of the Council",
        &["Decision No 1313/2013/EU"],
    ),
    (
        "Regulation (EU) 2016/1624 on the European Border and Coast Guard",
        &["Regulation (EU) 2016/1624"],
    ),
    ("Directive 2011/36/EU1 applies", &["Directive 2011/36/EU"]),
    // Procedures
    ("2010/0246 (COD).", &["2010/0246(COD)"]),
    ("2010/0246(COD)", &["2010/0246(COD)"]),
    ("((2010)2308 (INI))", &["2010/2308(INI)"]),
    ("procedure 2013/0024(COD) on Europol", &["2013/0024(COD)"]),
    ("2012/0036 (COD)", &["2012/0036(COD)"]),
    ("2015/2065(INI)", &["2015/2065(INI)"]),
    // Treaty articles
    ("Article 222 TFEU", &["Article 222 TFEU"]),
    ("(Article 222 TFEU)", &["Article 222 TFEU"]),
    ("Article 42(7) TEU", &["Article 42(7) TEU"]),
    ("Article 42 (7) TEU", &["Article 42(7) TEU"]),
    ("Article 222 of the TFEU", &["Article 222 TFEU"]),
    (
        "Article 82 of the Treaty on the Functioning of the European Union",
        &["Article 82 TFEU"],
    ),
    (
        "Articles 82 and 83 TFEU",
        &["Article 82 TFEU", "Article 83 TFEU"],
    ),
    (
        "Article 6 of the Treaty on European Union",
        &["Article 6 TEU"],
    ),
    // An act's legal basis names its articles after the treaty.
    (
        "Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,",
        &["Article 114 TFEU"],
    ),
    (
        "Having regard to the Treaty on the Functioning of the European Union, and in particular Articles 173(3) and 192(1) thereof,",
        &["Article 173(3) TFEU", "Article 192(1) TFEU"],
    ),
    (
        "Having regard to the Treaty on the Functioning of the European Union, and in particular Article 164, Article 175, third paragraph, and Article 192(1) thereof,",
        &[
            "Article 164 TFEU",
            "Article 175 TFEU",
            "Article 192(1) TFEU",
        ],
    ),
    (
        "Having regard to the Treaty on European Union, and in particular Article 29 thereof,",
        &["Article 29 TEU"],
    ),
    (
        "Having regard to the proposal, and in particular Article 5 thereof,",
        &[],
    ),
    // Council documents
    ("ST 8410/13", &["8410/13"]),
    ("8410/13 REV 1", &["8410/13"]),
    ("Council document 17547/12.", &["17547/12"]),
    ("Council doc. 9870/15", &["9870/15"]),
    ("ST 9870/15 REV 1.", &["9870/15"]),
    (
        "the document PE-CONS 43/24 (2023/0177(COD))",
        &["PE-CONS 43/24", "2023/0177(COD)"],
    ),
    // Regulations of the first years, numbered without a year; other bodies' regulations
    // are not the Union's.
    (
        "Council Regulation No 1 determining the languages to be used",
        &["Regulation No 1"],
    ),
    (
        "Regulation No 31 (EEC), 11 (EAEC), laying down the Staff Regulations",
        &["Regulation No 31"],
    ),
    ("UN Regulation No 10 on electromagnetic compatibility", &[]),
    // Note 37's call glued to the number in plain text.
    (
        "Council Regulation No 137 shall apply mutatis mutandis",
        &[],
    ),
    (
        "Council Regulation No 17/62",
        &["Regulation (EEC) No 17/62"],
    ),
    // Mixed
    (
        "See COM(2015) 185 final and Directive (EU) 2017/541 (OJ L 88, 31.3.2017, p. 6).",
        &[
            "COM(2015) 185",
            "Directive (EU) 2017/541",
            "OJ L 88, 31.3.2017, p. 6",
        ],
    ),
    (
        "Regulation (EU) No 1052/2013 (OJ L 295, 6.11.2013, p. 11)",
        &["Regulation (EU) No 1052/2013", "OJ L 295, 6.11.2013, p. 11"],
    ),
    // Must yield nothing
    ("in 2012", &[]),
    ("10 May 2005", &[]),
    ("the period 2014-2020", &[]),
    ("8410/13", &[]),
    ("JAI 282", &[]),
    ("the European Cybercrime Centre (EC3)", &[]),
    ("the FP7 Security Research programme", &[]),
    ("Schengen Information System II (SISII)", &[]),
    ("during the Euro 2012 Football Championships", &[]),
    ("Horizon 2020", &[]),
    ("the G8 summit", &[]),
    ("Article 222", &[]),
    ("Article 5 of Directive", &[]),
    ("the Directive adopted in 2011", &[]),
    (
        "a Regulation on the use and marketing of explosives precursors",
        &[],
    ),
    ("over 200 000 operational messages", &[]),
    ("some 3.6% of global GDP or around US$2.1 trillion", &[]),
    (
        "the Council Decision in the aftermath of the Yemen cargo attacks in 2010",
        &[],
    ),
    ("COM(2013)", &[]),
    ("a fine of €30 000", &[]),
    ("14.7.2012", &[]),
    ("document 2011/36/EU", &[]),
    ("the 2013 – 2020 strategy", &[]),
    ("Decision 0/2012", &[]),
];

#[test]
fn citation_table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got: Vec<String> = find(text).into_iter().map(|c| c.id).collect();
        if got != *want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(CASES.len() >= 80, "the table holds {} cases", CASES.len());
    assert!(
        CASES.iter().filter(|(_, w)| w.is_empty()).count() >= 20,
        "at least 20 negatives"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ranges_cover_the_written_form() {
    let t = "proposals (COM(2013) 45/3.) and Council Framework Decision 2004/757/JHA of 2004";
    let c = find(t);
    assert_eq!(&t[c[0].range.clone()], "COM(2013) 45/3");
    assert_eq!(
        &t[c[1].range.clone()],
        "Council Framework Decision 2004/757/JHA"
    );
    let t = "Directives 2011/36/EU and 2011/93/EU apply";
    let c = find(t);
    assert_eq!(
        &t[c[0].range.clone()],
        "Directives 2011/36/EU and 2011/93/EU"
    );
    assert_eq!(c[1].range, c[0].range, "a list shares its range");
    let t = "Articles 82 and 83 TFEU";
    let c = find(t);
    assert_eq!((c.len(), c[1].range.clone()), (2, 0..t.len()));
    let t = "Directive 2011/36/EU1 applies";
    assert_eq!(&t[find(t)[0].range.clone()], "Directive 2011/36/EU");
}

#[test]
fn details_keep_revision_final_and_issuer() {
    let c = &find("COM(2015) 625 final/2")[0];
    assert_eq!(c.details.revision, Some(2));
    assert!(c.details.is_final);
    let c = &find("COM(2013) 45/3")[0];
    assert_eq!((c.details.revision, c.details.is_final), (Some(3), false));
    let c = &find("Commission Implementing Regulation (EU) 2015/2403")[0];
    assert_eq!(c.details.issuer.as_deref(), Some("Commission Implementing"));
    assert_eq!(c.details.year, Some(2015));
    assert_eq!(c.details.number.as_deref(), Some("2403"));
    let c = &find("Council Decision 2005/387/JHA")[0];
    assert_eq!(c.details.issuer.as_deref(), Some("Council"));
    assert_eq!(
        (c.details.year, c.details.number.as_deref()),
        (Some(2005), Some("387"))
    );
    let c = &find("Decision 676/2002/EC")[0];
    assert_eq!(
        (c.details.year, c.details.number.as_deref()),
        (Some(2002), Some("676"))
    );
    let c = &find("Regulation (EC) No 1049/2001")[0];
    assert_eq!(
        (c.details.year, c.details.number.as_deref()),
        (Some(2001), Some("1049"))
    );
    let c = &find("8410/13 REV 1")[0];
    assert_eq!(c.details.revision, Some(1));
    let c = &find("OJ C 115 E, 4.5.2010, p. 1")[0];
    assert_eq!(c.details.series.as_deref(), Some("C E"));
    assert_eq!(c.details.date.as_deref(), Some("2010-05-04"));
}

/// Hand-derived CELEX numbers and URIs, one or more per kind.
#[test]
fn links_by_kind() {
    let l = |s: &str| {
        let c = &find(s)[0];
        links(c.kind, &c.id, &c.details)
    };
    let x = l("Directive 2011/36/EU");
    assert_eq!(x.celex.as_deref(), Some("32011L0036"));
    assert_eq!(
        x.eurlex.as_deref(),
        Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32011L0036")
    );
    assert_eq!(
        x.eli.as_deref(),
        Some("http://data.europa.eu/eli/dir/2011/36/oj")
    );
    assert_eq!(
        l("Council Decision 2005/387/JHA").celex.as_deref(),
        Some("32005D0387")
    );
    assert_eq!(
        l("Council Framework Decision 2004/757/JHA")
            .celex
            .as_deref(),
        Some("32004F0757")
    );
    assert_eq!(
        l("Council Framework Decision 2004/757/JHA").eli.as_deref(),
        Some("http://data.europa.eu/eli/dec_framw/2004/757/oj")
    );
    assert_eq!(
        l("Regulation (EU) No 1052/2013").celex.as_deref(),
        Some("32013R1052")
    );
    assert_eq!(
        l("Regulation (EU) 2016/679").celex.as_deref(),
        Some("32016R0679")
    );
    assert_eq!(
        l("Council Directive 95/46/EC").celex.as_deref(),
        Some("31995L0046")
    );
    assert_eq!(
        l("Decision No 243/2012/EU").celex.as_deref(),
        Some("32012D0243")
    );
    assert_eq!(
        l("Regulation (EEC) No 1408/71").celex.as_deref(),
        Some("31971R1408")
    );
    assert_eq!(
        l("Commission Implementing Regulation (EU) 2015/2403")
            .eli
            .as_deref(),
        Some("http://data.europa.eu/eli/reg_impl/2015/2403/oj")
    );
    assert_eq!(
        l("COM(2013) 179 final").eurlex.as_deref(),
        Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=COM:2013:179:FIN")
    );
    assert_eq!(l("COM(2013) 179 final").celex, None);
    assert_eq!(
        l("SWD(2012) 143 final").eurlex.as_deref(),
        Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=SWD:2012:143:FIN")
    );
    assert_eq!(
        l("OJ L 186, 14.7.2012, p. 4").eurlex.as_deref(),
        Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L:2012:186:TOC")
    );
    assert_eq!(
        l("OJ L, 2024/1689, 12.7.2024").eurlex.as_deref(),
        Some("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=OJ:L_202401689")
    );
    assert_eq!(
        l("2010/0246 (COD)").procedure.as_deref(),
        Some(
            "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference=2010/0246(COD)"
        )
    );
    assert_eq!(l("Article 222 TFEU").celex.as_deref(), Some("12016E222"));
    assert_eq!(l("Article 42(7) TEU").celex.as_deref(), Some("12016M042"));
    assert_eq!(
        l("ST 8410/13").eurlex.as_deref(),
        Some("https://data.consilium.europa.eu/doc/document/ST-8410-2013-INIT/en/pdf")
    );
    assert_eq!(
        l("8410/13 REV 1").eurlex.as_deref(),
        Some("https://data.consilium.europa.eu/doc/document/ST-8410-2013-REV-1/en/pdf")
    );
}

#[test]
fn normalise_reads_queries_in_any_case() {
    let id = |s: &str| normalise(s).map(|c| c.id);
    assert_eq!(id("COM (2012) 85 final").as_deref(), Some("COM(2012) 85"));
    assert_eq!(id("com(2012) 85").as_deref(), Some("COM(2012) 85"));
    assert_eq!(
        id("directive 2011/36/eu").as_deref(),
        Some("Directive 2011/36/EU")
    );
    assert_eq!(
        id("oj l 186, 14.7.2012, p. 4").as_deref(),
        Some("OJ L 186, 14.7.2012, p. 4")
    );
    assert_eq!(
        id("regulation (eu) no 1052/2013").as_deref(),
        Some("Regulation (EU) No 1052/2013")
    );
    assert_eq!(id("st 8410/13").as_deref(), Some("8410/13"));
    assert_eq!(id("hello"), None);
}

/// Every CELEX the parser emits is well formed and agrees with the act it was written as:
/// sector 3, the year in four digits, the type letter of the kind, the number in four digits.
/// A generated set of acts, written in the forms texts use (year-first with and without the
/// domain, number-first with `No`, old two-digit years, list items), each parsed back.
#[test]
fn celex_agrees_with_the_id() {
    // A small deterministic generator (xorshift): the same cases on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let kinds = [
        ("Directive", 'L'),
        ("Regulation", 'R'),
        ("Decision", 'D'),
        ("Framework Decision", 'F'),
        ("Recommendation", 'H'),
    ];
    let mut checked = 0;
    for _ in 0..10_000 {
        let (word, letter) = kinds[next(kinds.len() as u64) as usize];
        let year = 1958 + next(2026 - 1958) as u32;
        let number = 1 + next(2999) as u32;
        let written = match next(4) {
            // `Directive (EU) 2019/790`, `Regulation (EU) 2016/679` (the form since 2015).
            0 if year >= 2015 => format!("{word} (EU) {year}/{number}"),
            // `Regulation (EC) No 1049/2001` (number first, regulations before 2015).
            1 if word == "Regulation" && year < 2015 => {
                let dom = if year < 1993 { "EEC" } else { "EC" };
                format!("{word} ({dom}) No {number}/{year}")
            }
            // `Directive 95/46/EC`, `Decision 2005/387/JHA` (year first with a suffix).
            // Acts of the two-digit-year era numbered below 1000 (`84/450/EEC`).
            2 if year < 2015 && word != "Regulation" && (year >= 2000 || number < 1000) => {
                let y = if year < 2000 {
                    format!("{:02}", year % 100)
                } else {
                    year.to_string()
                };
                format!("{word} {y}/{number}/EC")
            }
            // In a list: `Directives 2009/119/EC and (EU) 2015/652`.
            3 if year >= 2015 && word != "Framework Decision" => {
                format!("{word}s 2009/119/EC and (EU) {year}/{number}")
            }
            _ => continue,
        };
        let found = find(&written);
        let c = found
            .iter()
            .find(|c| c.details.number.as_deref() == Some(number.to_string().as_str()))
            .unwrap_or_else(|| panic!("{written}: no citation of number {number}: {found:?}"));
        let l = links(c.kind, &c.id, &c.details);
        let celex = l.celex.unwrap_or_else(|| panic!("{written}: no CELEX"));
        assert_eq!(
            celex,
            format!("3{year}{letter}{number:04}"),
            "{written} gave {} with CELEX {celex}",
            c.id
        );
        assert_eq!(celex.len(), 10, "{celex}");
        assert_eq!(c.details.year, Some(year), "{written}");
        checked += 1;
    }
    assert!(checked > 1500, "only {checked} cases were generated");
}

/// The one-pass word scan agrees with a substring search per word, words side by side,
/// repeated, overlapping in the text (`TEUCO`) and absent.
#[test]
fn words_agree_with_substring_search() {
    let texts = [
        "",
        "Article 3 TEU and Article 4 TFEU",
        "the Treaty, and paragraph 2 thereof",
        "PE-CONS 43/24 and EUCO 12/13",
        "Regulation No 17 of the Council",
        "TEUCO TFEUCO thereofthereof Regulation Nothing",
        "TE U, T FEU, treaty, Thereof, PE CONS, Regulation no, EUC O",
        "TTEU TTFEU TTreaty",
    ];
    for text in texts {
        let words = Words::in_text(text);
        for (w, word) in WORDS {
            let expected = WORDS
                .iter()
                .filter(|(_, other)| *other as u8 == word as u8)
                .any(|(n, _)| text.contains(n));
            assert_eq!(words.has(word), expected, "{w:?} in {text:?}");
        }
    }
}
