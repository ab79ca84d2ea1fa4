//! Commitments in running prose: a sentence in which the Commission (alone, or with the High
//! Representative) binds itself to future action — "The Commission will propose ...", "In
//! 2020, the Commission will also present ...", "The Commission intends to ...". What it has
//! done, could or should do, or asks others to do is not a commitment; nor is a legal act's
//! text, a financial statement, a footnote or a table. The commitment's text runs from the
//! verb to the end of the sentence.

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::{BlockKind, Document};
use crate::output::{Commitment, Reference};
use crate::re::Regex;
use crate::structure::Structure;

/// The actor and the modality, with what may stand between them: an adverb (`also`,
/// `therefore`) or a clause set off by commas (`will, by 2021, propose`).
static PLEDGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"(?P<actor>\b(?:[Tt]he\s+)?(?:European\s+)?Commission(?:\s+and\s+the\s+High\s+Representative)?",
        // The author of guidelines and opinions: a working party, a board.
        r"|\b(?:[Tt]he\s+)?(?:Article\s+29\s+)?(?:Data\s+Protection\s+)?Working\s+Party(?:\s+\(WP29\))?|\bWP29|\b(?:[Tt]he\s+)?(?:European\s+Data\s+Protection\s+)?Board(?:\s+\(EDPB\))?|\bEDPB)",
        r"(?:\s*,[^,.;]{1,80},)?",
        r"\s+(?:(?:also|further|therefore|then|now|first|soon|notably|subsequently|equally|additionally|moreover|accordingly|thus|in\s+particular)\s+)?",
        r"(?P<modal>will|intends\s+to|plans\s+to|is\s+(?:also\s+)?committed\s+to|commits\s+to|undertakes\s+to|stands\s+ready\s+to)",
        r"(?:\s*,[^,.;]{1,80},)?\s+",
    ))
    .unwrap()
});

/// Adverbs between `will` and its verb.
const ADVERBS: [&str; 14] = [
    "also",
    "further",
    "therefore",
    "then",
    "now",
    "first",
    "soon",
    "notably",
    "swiftly",
    "rapidly",
    "shortly",
    "thus",
    "equally",
    "additionally",
];

/// Verbs after `will` that state a fact, not an action the Commission binds itself to.
const NOT_ACTIONS: [&str; 12] = [
    "be",
    "not",
    "have",
    "need",
    "also",
    "only",
    "never",
    "remain",
    "thus",
    "therefore",
    "require",
    "depend",
];

/// Commitment sentences of the body, outside the blocks of way-forward lists (`covered`).
pub(super) fn extract(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    covered: &[Range<usize>],
) -> Vec<Commitment> {
    let mut out = Vec::new();
    for (i, text) in prose(doc, structure, covered, &ACTORS) {
        // A lead-in (`The Commission will:`) belongs to a list, not to prose.
        if text.trim_end().ends_with(':') && super::lead_in(text).is_some() {
            continue;
        }
        // The actor of the sentence before, for `It will ...` after a Commission sentence.
        let mut last_actor: Option<String> = None;
        for s in crate::sentence::sentences(text) {
            let sentence = &text[s.clone()];
            let found = pledge(sentence).or_else(|| {
                let actor = last_actor.clone()?;
                pronoun_pledge(sentence, actor)
            });
            last_actor =
                commission_subject(sentence).or_else(|| found.as_ref().map(|c| c.actor.clone()));
            if let Some(c) = found {
                let actor_text = &text[s.start + c.actor_at..s.start + c.action_at];
                let range = s.start + c.action_at..s.end;
                emit(
                    &mut out, doc, structure, refs, i, range, c.actor, actor_text, c.modality,
                );
            }
        }
    }
    out
}

/// Words one of which a paragraph must contain to hold a commitment (its actor).
const ACTORS: [&str; 5] = ["Commission", "Working Party", "WP29", "Board", "EDPB"];
/// Words one of which a paragraph must contain to hold a request (its verb).
const REQUEST_VERBS: [&str; 12] = [
    "invite",
    "call",
    "urge",
    "encourage",
    "ask",
    "request",
    "INVITE",
    "CALL",
    "URGE",
    "ENCOURAGE",
    "ASK",
    "REQUEST",
];

/// The blocks of running prose of the body that contain one of `hints`, with their text: a
/// paragraph or list item outside the way-forward lists, the cover note, a legal act's text
/// and a financial statement.
fn prose<'a>(
    doc: &'a Document,
    structure: &'a Structure,
    covered: &'a [Range<usize>],
    hints: &'a [&'a str],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    doc.blocks.iter().enumerate().filter_map(move |(i, b)| {
        let text = b.para.text.as_str();
        let prose = matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
            && !covered.iter().any(|r| r.contains(&i))
            && !structure
                .cover_note
                .as_ref()
                .is_some_and(|r| r.contains(&i))
            && !matches!(
                structure.legislative.part_of(i),
                Some("legal_text" | "financial_statement")
            );
        (prose && hints.iter().any(|h| text.contains(h))).then_some((i, text))
    })
}

/// Push the commitment (or request) of block `block` whose text is `range`.
#[allow(clippy::too_many_arguments)]
fn emit(
    out: &mut Vec<Commitment>,
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    block: usize,
    range: Range<usize>,
    actor: String,
    actor_text: &str,
    modality: String,
) {
    let para = &doc.blocks[block].para;
    let lead = super::LeadIn {
        actor,
        actor_text: actor_text.trim().to_string(),
        modality,
        parties: Vec::new(),
    };
    // A sentence introducing a list ends in a colon.
    let text = para.text[range.clone()].trim_end_matches([':', '.', ';']);
    super::push(
        out, doc, structure, refs, &lead, block, para, range, text, None,
    );
}

/// A request: an institution (or the conclusions' author, unnamed before its verb in
/// capitals) invites, calls on, urges or encourages someone to act.
static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\b(?P<verb>invites|calls\s+(?:on|upon)|urges|encourages|asks|requests",
        r"|INVITES|CALLS\s+(?:ON|UPON)|URGES|ENCOURAGES|ASKS|REQUESTS)",
        r"\s+(?P<whom>[^,;.:]{2,100}?)\s+to\s+(?P<what>[a-z])"
    ))
    .unwrap()
});
/// What may stand before a request's verb: nothing (Council conclusions), or the institution
/// that asks, after an opening phrase.
static REQUESTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)^(?:[^,]{0,150},\s*)?(?:the\s+)?(?:european\s+)?(?:commission|council|parliament|presidency)(?:\s+(?:also|therefore|further|now))?$").unwrap()
});

/// Requests of the body, outside way-forward lists (`covered`).
pub(super) fn requests(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    covered: &[Range<usize>],
) -> Vec<Commitment> {
    let mut out = Vec::new();
    for (i, text) in prose(doc, structure, covered, &REQUEST_VERBS) {
        for s in crate::sentence::sentences(text) {
            let sentence = &text[s.clone()];
            let Some(c) = REQUEST.captures(sentence) else {
                continue;
            };
            let (Some(verb), Some(whom), Some(what)) =
                (c.name("verb"), c.name("whom"), c.name("what"))
            else {
                continue;
            };
            let before = sentence[..verb.start()].trim();
            if !(before.is_empty() || REQUESTER.is_match(before)) {
                continue;
            }
            let Some(actor) = super::canonical_actor(whom.as_str()) else {
                continue;
            };
            let v = verb.as_str().to_lowercase();
            let modality = if v.starts_with("calls") {
                "called on"
            } else if v == "urges" {
                "urged"
            } else if v == "encourages" {
                "encouraged"
            } else {
                "invited"
            };
            let range = s.start + what.start()..s.end;
            let actor_text = &sentence[..what.start()];
            emit(
                &mut out,
                doc,
                structure,
                refs,
                i,
                range,
                actor,
                actor_text,
                modality.to_string(),
            );
        }
    }
    out
}

/// The Commission as the subject of a sentence (`The Commission has already ...`), for the
/// `It will ...` that may follow.
fn commission_subject(sentence: &str) -> Option<String> {
    let t = sentence.trim_start();
    let t = t.strip_prefix("The ").or_else(|| t.strip_prefix("the "))?;
    t.starts_with("Commission ")
        .then(|| "Commission".to_string())
}

/// `It will revise the Directive ...` right after a sentence whose subject is `actor`.
fn pronoun_pledge(sentence: &str, actor: String) -> Option<Pledge> {
    static IT: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"^It\s+(?P<modal>will|intends\s+to|plans\s+to)\s+").unwrap()
    });
    let c = IT.captures(sentence.trim_start())?;
    let lead = sentence.len() - sentence.trim_start().len();
    let whole = c.get(0)?;
    let rest = &sentence[lead + whole.end()..];
    let verb = rest
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty() && !ADVERBS.contains(&w.to_lowercase().as_str()))
        .unwrap_or("")
        .to_lowercase();
    if !rest.starts_with(char::is_lowercase) || NOT_ACTIONS.contains(&verb.as_str()) {
        return None;
    }
    Some(Pledge {
        actor,
        modality: c["modal"].split_whitespace().collect::<Vec<_>>().join(" "),
        actor_at: lead,
        action_at: lead + whole.end(),
    })
}

/// A commitment found in a sentence: who, how, and where its action starts.
#[derive(Debug, PartialEq)]
struct Pledge {
    actor: String,
    modality: String,
    actor_at: usize,
    action_at: usize,
}

/// Whether `sentence` is a commitment of the Commission, and where its parts stand.
fn pledge(sentence: &str) -> Option<Pledge> {
    if sentence.trim_end().ends_with('?') {
        return None;
    }
    // Every modality has one of these words; most sentences have none.
    if !["will", "intend", "plan", "commit", "undertake", "ready"]
        .iter()
        .any(|w| sentence.contains(w))
    {
        return None;
    }
    for c in PLEDGE.captures_iter(sentence) {
        let actor = c.name("actor")?;
        let modal = c.name("modal")?;
        let whole = c.get(0)?;
        // The Commission is the subject: it opens the sentence, follows an opening phrase set
        // off by a comma (`In 2020, the Commission will`), or opens a clause after `and`/`;`.
        let before = sentence[..actor.start()].trim_end();
        // `The Commission` with a capital mid-sentence starts a sentence glued to a heading
        // (`... reporting arrangements The Commission will monitor ...`).
        // A reported commitment: `it is therefore proposed that the Commission will ...`.
        static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
            crate::re::compile(r"\b(?:is|are)\s+(?:therefore\s+|also\s+)?(?:proposed|foreseen|envisaged|planned|agreed)\s+that$")
                .unwrap()
        });
        let subject = before.is_empty()
            || before.ends_with([',', ';', ':'])
            || before.ends_with(" and")
            || before.ends_with(" but")
            || actor.as_str().starts_with("The ")
            || REPORTED.is_match(before);
        if !subject || before.split_whitespace().count() > 40 {
            continue;
        }
        let rest = &sentence[whole.end()..];
        // The verb: the first word that is not an adverb (`will also consult`, `will further
        // align`); the text keeps the adverb.
        let verb = rest
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .find(|w| !ADVERBS.contains(&w.to_lowercase().as_str()))
            .unwrap_or("")
            .to_lowercase();
        if verb.is_empty()
            || !rest.starts_with(char::is_lowercase)
            || NOT_ACTIONS.contains(&verb.as_str())
        {
            continue;
        }
        let modality = modal.as_str().split_whitespace().collect::<Vec<_>>();
        let modality = match modality[..] {
            ["will"] => "will".to_string(),
            [.., "committed", "to"] => "is committed to".to_string(),
            ref words => words.join(" "),
        };
        let a = actor.as_str();
        let canonical = if a.contains("High Representative") {
            "Commission and High Representative"
        } else if a.contains("Commission") {
            "Commission"
        } else if a.contains("Working Party") || a.contains("WP29") {
            "Working Party"
        } else {
            "Board"
        };
        return Some(Pledge {
            actor: canonical.to_string(),
            modality,
            actor_at: actor.start(),
            action_at: whole.end(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(s: &str) -> Option<(String, String, &str)> {
        pledge(s).map(|p| (p.actor, p.modality, &s[p.action_at..]))
    }

    #[test]
    fn commission_sentences_are_commitments() {
        assert_eq!(
            action("The Commission will continue to ensure full respect of these values.")
                .map(|a| a.2),
            Some("continue to ensure full respect of these values.")
        );
        assert_eq!(
            action("The Commission will also open in 2013 the Emergency Response Centre.")
                .map(|a| a.2),
            Some("also open in 2013 the Emergency Response Centre.")
        );
        assert_eq!(
            action("In 2020, the Commission will propose a Climate Law.").map(|a| a.2),
            Some("propose a Climate Law.")
        );
        assert_eq!(
            action("The Commission will, by 2021, review the Directive.").map(|a| a.2),
            Some("review the Directive.")
        );
        let (actor, modality, text) =
            action("The Commission intends to present a strategy in 2021.").unwrap();
        assert_eq!(
            (actor.as_str(), modality.as_str()),
            ("Commission", "intends to")
        );
        assert_eq!(text, "present a strategy in 2021.");
        assert_eq!(
            action("The Commission and the High Representative will work with partners.")
                .map(|a| a.0),
            Some("Commission and High Representative".to_string())
        );
        assert_eq!(
            action("Monitoring arrangements The Commission will monitor the Platform.")
                .map(|a| a.2),
            Some("monitor the Platform.")
        );
        assert_eq!(
            action("To this end, the Commission is committed to propose a strategy.").map(|a| a.1),
            Some("is committed to".to_string())
        );
        assert_eq!(
            action("It is therefore proposed that the Commission will assess the Directive.")
                .map(|a| a.2),
            Some("assess the Directive.")
        );
        assert_eq!(
            action("It is likely that the Commission will assess the Directive."),
            None
        );
    }

    #[test]
    fn authors_of_guidelines_commit_too() {
        assert_eq!(
            action("The Article 29 Data Protection Working Party (WP29) will monitor the implementation of these guidelines.")
                .map(|a| (a.0, a.2)),
            Some((
                "Working Party".to_string(),
                "monitor the implementation of these guidelines."
            ))
        );
        assert_eq!(
            action("To set out clearly the conditions for an effective and fair transition, to provide predictability for investors, and to ensure that the transition is irreversible, the Commission will propose the first European Climate Law by March 2020.")
                .map(|a| a.2),
            Some("propose the first European Climate Law by March 2020.")
        );
    }

    fn requests_of(src: &str) -> Vec<(String, String, String)> {
        let d = crate::ingest::text::ingest(src, crate::model::SourceFormat::Text);
        let s = crate::structure::analyze(&d);
        super::super::extract_with_requests(&d, &s, &[])
            .1
            .into_iter()
            .map(|c| (c.actor, c.modality, c.text))
            .collect()
    }

    #[test]
    fn requests_are_not_commitments() {
        let got = requests_of(concat!(
            "The Commission invites the European Parliament and the Council to endorse the strategy.\n\n",
            "THE COUNCIL OF THE EUROPEAN UNION,\n\n",
            "1. CALLS ON the Member States to share best practices;\n\n",
            "2. URGES the Commission to present a report in 2023.\n\n",
            "The report invites comments from readers.\n\n",
            "Partners who asked the EU to act were heard.\n",
        ));
        let s = |a: &str, m: &str, t: &str| (a.to_string(), m.to_string(), t.to_string());
        assert_eq!(
            got,
            vec![
                s(
                    "European Parliament and Council",
                    "invited",
                    "endorse the strategy"
                ),
                s("Member States", "called on", "share best practices"),
                s("Commission", "urged", "present a report in 2023"),
            ]
        );
    }

    #[test]
    fn two_actions_in_one_sentence() {
        let d = crate::ingest::text::ingest(
            "The Commission will propose a strategy and will review the Directive by 2021.\n",
            crate::model::SourceFormat::Text,
        );
        let s = crate::structure::analyze(&d);
        let c = super::super::extract(&d, &s, &[]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].actions, vec!["propose", "review"]);
        assert_eq!(
            c[0].deadline.as_ref().map(|d| d.date.as_str()),
            Some("2021-12-31")
        );
    }

    #[test]
    fn it_after_the_commission() {
        let d = crate::ingest::text::ingest(
            "The Commission will take a number of steps. It will revise the Sustainable Use of Pesticides Directive. It will be hard.\n\nIt will rain in 2021.\n",
            crate::model::SourceFormat::Text,
        );
        let s = crate::structure::analyze(&d);
        let texts: Vec<String> = super::super::extract(&d, &s, &[])
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(
            texts,
            vec![
                "take a number of steps",
                "revise the Sustainable Use of Pesticides Directive"
            ]
        );
    }

    #[test]
    fn what_is_not_a_commitment() {
        for s in [
            "The Commission has adopted a strategy.",
            "The Commission could propose a strategy.",
            "The Commission should present a report.",
            "The Commission will be ready to help.",
            "The Commission will not propose new rules.",
            "Member States will implement the rules.",
            "The report that the Commission will present in 2021 sets out the options.",
            "Will the Commission propose a strategy?",
            "The Commission invites the Council to adopt the proposal.",
            "This will help the Commission to assess progress.",
        ] {
            assert_eq!(pledge(s), None, "{s}");
        }
    }
}
