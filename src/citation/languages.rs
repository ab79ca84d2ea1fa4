//! One sentence per official language, written for these tests in the style of EUR-Lex: the
//! acts, the Official Journal and (where the language cites them so) treaty articles must give
//! the canonical English ids, and the document's language must be told from the sentence.

use crate::lang::{self, detect};

use super::find_in;

/// The ids found in `text` read as a document in `code`, after checking that the sentence is
/// detected as that language.
fn ids(code: &str, text: &str) -> Vec<String> {
    let language = lang::by_code(code).expect("a language of the tables");
    assert_eq!(
        detect::language([text]).code,
        code,
        "detected language of {text:?}"
    );
    find_in(text, Some(language))
        .into_iter()
        .map(|c| c.id)
        .collect()
}

/// `want` are all found in `text` (in any order), and nothing else.
fn check(code: &str, text: &str, want: &[&str]) {
    let mut got = ids(code, text);
    got.sort();
    let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(got, want, "{code}: {text}");
}

const GDPR: &str = "Regulation (EU) 2016/679";
const OJ: &str = "OJ L 119, 4.5.2016, p. 1";
const DIRECTIVE: &str = "Directive 95/46/EC";
const ACCESS: &str = "Regulation (EC) No 1049/2001";
const ART: &str = "Article 114 TFEU";

#[test]
fn german() {
    check(
        "de",
        "Die Verordnung (EU) 2016/679 des Europäischen Parlaments und des Rates (ABl. L 119 vom \
         4.5.2016, S. 1) hebt die Richtlinie 95/46/EG auf; gestützt auf Artikel 114 AEUV und \
         die Verordnung (EG) Nr. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn french() {
    check(
        "fr",
        "Le règlement (UE) 2016/679 du Parlement européen et du Conseil (JO L 119 du 4.5.2016, \
         p. 1) abroge la directive 95/46/CE; vu l'article 114 du TFUE et le règlement (CE) \
         nº 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn dutch() {
    check(
        "nl",
        "Verordening (EU) 2016/679 van het Europees Parlement en de Raad (PB L 119 van \
         4.5.2016, blz. 1) trekt Richtlijn 95/46/EG in, gelet op artikel 114 VWEU en op \
         Verordening (EG) nr. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn italian() {
    check(
        "it",
        "Il regolamento (UE) 2016/679 del Parlamento europeo e del Consiglio (GU L 119 del \
         4.5.2016, pag. 1) abroga la direttiva 95/46/CE; visto l'articolo 114 del TFUE e il \
         regolamento (CE) n. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn spanish() {
    check(
        "es",
        "El Reglamento (UE) 2016/679 del Parlamento Europeo y del Consejo (DO L 119 de \
         4.5.2016, p. 1) deroga la Directiva 95/46/CE; visto el artículo 114 del TFUE y el \
         Reglamento (CE) n.o 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn portuguese() {
    check(
        "pt",
        "O Regulamento (UE) 2016/679 do Parlamento Europeu e do Conselho (JO L 119 de \
         4.5.2016, p. 1) revoga a Diretiva 95/46/CE; tendo em conta o artigo 114.º do TFUE e o \
         Regulamento (CE) n.º 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn danish() {
    check(
        "da",
        "Europa-Parlamentets og Rådets forordning (EU) 2016/679 (EUT L 119 af 4.5.2016, s. 1) \
         ophæver direktiv 95/46/EF; under henvisning til artikel 114 i TEUF og til forordning \
         (EF) nr. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn swedish() {
    check(
        "sv",
        "Europaparlamentets och rådets förordning (EU) 2016/679 (EUT L 119, 4.5.2016, s. 1) \
         upphäver direktiv 95/46/EG, med beaktande av förordning (EG) nr 1049/2001 och av \
         artikel 114 i EUF-fördraget.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn finnish() {
    check(
        "fi",
        "Euroopan parlamentin ja neuvoston asetus (EU) 2016/679 (EUVL L 119, 4.5.2016, s. 1) \
         kumoaa direktiivin 95/46/EY, ja se ottaa huomioon SEUT 114 artiklan sekä asetuksen \
         (EY) N:o 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn estonian() {
    check(
        "et",
        "Euroopa Parlamendi ja nõukogu määrus (EL) 2016/679 (ELT L 119, 4.5.2016, lk 1) \
         tunnistab kehtetuks direktiivi 95/46/EÜ ning on kooskõlas määrusega (EÜ) nr \
         1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn lithuanian() {
    check(
        "lt",
        "Europos Parlamento ir Tarybos reglamentas (ES) 2016/679 (OL L 119, 2016 5 4, p. 1) \
         panaikina Direktyvą 95/46/EB, ir jis taikomas atsižvelgiant į Reglamentą (EB) Nr. \
         1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn latvian() {
    check(
        "lv",
        "Eiropas Parlamenta un Padomes Regula (ES) 2016/679 (OV L 119, 4.5.2016., 1. lpp.) \
         atceļ Direktīvu 95/46/EK, un tā ir saskaņā ar Regulu (EK) Nr. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn maltese() {
    check(
        "mt",
        "Ir-Regolament (UE) 2016/679 tal-Parlament Ewropew u tal-Kunsill (ĠU L 119, 4.5.2016, \
         p. 1) iħassar id-Direttiva 95/46/KE, u għandu jinqara flimkien mar-Regolament (KE) \
         Nru 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn polish() {
    check(
        "pl",
        "Rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/679 (Dz.U. L 119 z 4.5.2016, \
         s. 1) uchyla dyrektywę 95/46/WE; uwzględniając art. 114 TFUE oraz rozporządzenie (WE) \
         nr 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn czech() {
    check(
        "cs",
        "Nařízení Evropského parlamentu a Rady (EU) 2016/679 (Úř. věst. L 119, 4.5.2016, s. 1) \
         zrušuje směrnici 95/46/ES; s ohledem na nařízení (ES) č. 1049/2001 a na článek 114 \
         Smlouvy o fungování Evropské unie.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn slovak() {
    check(
        "sk",
        "Nariadenie Európskeho parlamentu a Rady (EÚ) 2016/679 (Ú. v. EÚ L 119, 4.5.2016, s. 1) \
         zrušuje smernicu 95/46/ES; so zreteľom na nariadenie (ES) č. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn slovene() {
    check(
        "sl",
        "Uredba (EU) 2016/679 Evropskega parlamenta in Sveta (UL L 119, 4.5.2016, str. 1) \
         razveljavlja Direktivo 95/46/ES; ob upoštevanju Uredbe (ES) št. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn croatian() {
    check(
        "hr",
        "Uredba (EU) 2016/679 Europskog parlamenta i Vijeća (SL L 119, 4.5.2016., str. 1.) \
         stavlja izvan snage Direktivu 95/46/EZ, uzimajući u obzir Uredbu (EZ) br. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn hungarian() {
    check(
        "hu",
        "Az (EU) 2016/679 európai parlamenti és tanácsi rendelet (HL L 119., 2016.5.4., 1. o.) \
         hatályon kívül helyezi a 95/46/EK irányelvet, és tekintettel van az 1049/2001/EK \
         rendeletre.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn romanian() {
    check(
        "ro",
        "Regulamentul (UE) 2016/679 al Parlamentului European și al Consiliului (JO L 119, \
         4.5.2016, p. 1) abrogă Directiva 95/46/CE; având în vedere Regulamentul (CE) nr. \
         1049/2001 și articolul 114 din TFUE.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}

#[test]
fn bulgarian() {
    check(
        "bg",
        "Регламент (ЕС) 2016/679 на Европейския парламент и на Съвета (ОВ L 119, 4.5.2016 г., \
         стр. 1) отменя Директива 95/46/ЕО; като взе предвид Регламент (ЕО) № 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn greek() {
    check(
        "el",
        "Ο κανονισμός (ΕΕ) 2016/679 του Ευρωπαϊκού Κοινοβουλίου και του Συμβουλίου (ΕΕ L 119 \
         της 4.5.2016, σ. 1) καταργεί την οδηγία 95/46/ΕΚ· έχοντας υπόψη τον κανονισμό (ΕΚ) \
         αριθ. 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ACCESS],
    );
}

#[test]
fn irish() {
    check(
        "ga",
        "Leis an Rialachán (AE) 2016/679 ó Pharlaimint na hEorpa agus ón gComhairle (IO L 119, \
         4.5.2016, lch. 1) aisghairtear Treoir 95/46/CE.",
        &[GDPR, OJ, DIRECTIVE],
    );
}

#[test]
fn english_stays_english() {
    check(
        "en",
        "Regulation (EU) 2016/679 of the European Parliament and of the Council (OJ L 119, \
         4.5.2016, p. 1) repeals Directive 95/46/EC, having regard to Article 114 TFEU and to \
         Regulation (EC) No 1049/2001.",
        &[GDPR, OJ, DIRECTIVE, ART, ACCESS],
    );
}
