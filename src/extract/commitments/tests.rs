//! Tests of lead-ins, items and deadlines.

use super::*;
use crate::ingest::text;
use crate::model::SourceFormat;
use crate::structure;

#[test]
fn lead_in_forms() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        ("The Commission will:", "Commission", "will", &[]),
        (
            "The Commission will continue to:",
            "Commission",
            "will",
            &[],
        ),
        (
            "Member States are encouraged to:",
            "Member States",
            "encouraged",
            &[],
        ),
        ("Member States should:", "Member States", "should", &[]),
        ("The Council is invited to:", "Council", "invited", &[]),
        (
            "The European Parliament and the Council are invited to:",
            "European Parliament and Council",
            "invited",
            &[],
        ),
        ("The agencies should:", "agencies", "should", &[]),
        (
            "EU agencies (Europol, Eurojust, EMCDDA) will:",
            "agencies",
            "will",
            &["Europol", "Eurojust", "EMCDDA"],
        ),
        ("Europol and Eurojust will:", "agencies", "will", &[]),
        (
            "The Commission and the Member States will:",
            "Commission and Member States",
            "will",
            &[],
        ),
        (
            "Member States are called upon to:",
            "Member States",
            "invited",
            &[],
        ),
        (
            "In 2014, the Commission intends to:",
            "Commission",
            "will",
            &[],
        ),
        ("THE COMMISSION WILL:", "Commission", "will", &[]),
    ];
    for (text, actor, modality, parties) in cases {
        let l = lead_in(text).unwrap_or_else(|| panic!("no lead-in in {text:?}"));
        assert_eq!(l.actor, *actor, "{text}");
        assert_eq!(l.modality, *modality, "{text}");
        assert_eq!(l.parties, *parties, "{text}");
        assert_eq!(l.actor_text, *text);
    }
    for not in [
        "The Commission will continue to ensure full respect of these values.",
        "The Commission will also open in 2013 the Emergency Response Centre",
        "Member States act jointly to fight prioritised cross-border crime",
        "The following acts are relevant:",
        "Examples include:",
    ] {
        assert_eq!(lead_in(not), None, "{not}");
    }
}

#[test]
fn deadlines() {
    let d = |t: &str, y: Option<u32>| deadline(t, y).map(|d| (d.date, d.relation));
    let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(
        d(
            "support the launch of Eurosur as of 1 October 2013",
            Some(2013)
        ),
        s("2013-10-01", "from")
    );
    assert_eq!(
        d("adopt the act by the end of 2016", None),
        s("2016-12-31", "by")
    );
    assert_eq!(d("report by mid-2014", None), s("2014-06-30", "by"));
    assert_eq!(
        d("present it in the first half of 2013", None),
        s("2013-06-30", "within")
    );
    assert_eq!(
        d("becomes fully operational during the spring", Some(2013)),
        s("2013-05-31", "within")
    );
    assert_eq!(d("report by June 2015", None), s("2015-06-30", "by"));
    assert_eq!(
        d("propose it in early 2020", None),
        s("2020-03-31", "within")
    );
    assert_eq!(d("adopt it by late 2021", None), s("2021-12-31", "by"));
    assert_eq!(d("present it in Q4 2021", None), s("2021-12-31", "within"));
    assert_eq!(d("present it by Q2 2022", None), s("2022-06-30", "by"));
    assert_eq!(d("present a plan by 2021", None), s("2021-12-31", "by"));
    assert_eq!(
        d("review it by the end of 2019", None),
        s("2019-12-31", "by")
    );
    assert_eq!(
        d("propose a reform of Eurojust", Some(2013)),
        s("2013-12-31", "horizon")
    );
    assert_eq!(d("propose a reform of Eurojust", None), None);
    assert_eq!(
        d("evaluate it no later than 31 December 2017", None),
        s("2017-12-31", "by")
    );
    assert_eq!(
        d("set up the centre in 2014", Some(2013)),
        s("2014-12-31", "within")
    );
}

#[test]
fn items_are_cleaned() {
    assert_eq!(
        clean_item("propose a reform of Eurojust;"),
        "propose a reform of Eurojust"
    );
    assert_eq!(
        clean_item("adopt a Communication.\u{20}"),
        "adopt a Communication"
    );
    assert_eq!(clean_item("step up efforts; and"), "step up efforts");
    assert_eq!(clean_item("do this, and"), "do this");
    assert_eq!(
        split_items("do a; do b (x; y); do c."),
        vec![0..4, 6..17, 19..24]
    );
}

fn commitments(src: &str) -> Vec<Commitment> {
    let d = text::ingest(src, SourceFormat::Markdown);
    let s = structure::analyze(&d);
    let r = crate::extract::references::extract(&d, &s);
    extract(&d, &s, &r)
}

#[test]
fn blocks_lead_ins_and_items() {
    let c = commitments(concat!(
        "# 2.4. Strategic objective 4: Borders\n\n",
        "The Commission will propose new rules in running prose.\n\n",
        "The following is a list:\n\n- not a commitment;\n\n",
        "### **The way forward in 2013**\n\n",
        "#### **The Commission will:**\n\n",
        "- **support the launch of Eurosur as of 1 October 2013;**\n",
        "- **amend Regulation (EU) No 1052/2013.**\n\n",
        "**The agencies should:**\n\n",
        "- take steps to allow the transfer of data (Frontex and Europol).\n\n",
        "Member States are encouraged to:\n\n",
        "1. implement the plan;\n",
        "   (a) with the first part;\n",
        "2. report back.\n\n",
        "# 2.5. Strategic objective 5: Resilience\n\n",
        "Member States should:\n\n- not in a way-forward block;\n"
    ));
    let got: Vec<(&str, &str, &str)> = c
        .iter()
        .map(|x| {
            (
                x.section.as_deref().unwrap_or(""),
                x.actor.as_str(),
                x.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // A commitment in running prose counts too (the contract's body commitments).
            ("2.4", "Commission", "propose new rules in running prose"),
            (
                "2.4",
                "Commission",
                "support the launch of Eurosur as of 1 October 2013"
            ),
            ("2.4", "Commission", "amend Regulation (EU) No 1052/2013"),
            (
                "2.4",
                "agencies",
                "take steps to allow the transfer of data (Frontex and Europol)"
            ),
            (
                "2.4",
                "Member States",
                "implement the plan; with the first part"
            ),
            ("2.4", "Member States", "report back"),
        ]
    );
    // c[0] is the prose sentence: no deadline, the verb as its action.
    assert_eq!(c[0].action.as_deref(), Some("propose"));
    assert_eq!(c[0].modality, "will");
    assert_eq!(c[0].deadline, None);
    assert_eq!(c[1].deadline.as_ref().unwrap().date, "2013-10-01");
    assert_eq!(c[2].references, vec!["Regulation (EU) No 1052/2013"]);
    assert_eq!(c[2].deadline.as_ref().unwrap().relation, "horizon");
    assert_eq!(c[3].parties, vec!["Frontex", "Europol"]);
    assert_eq!(c[1].action.as_deref(), Some("support"));
    assert_eq!(
        c[0].objective.as_deref(),
        Some("Strategic objective 4: Borders")
    );
    assert_eq!(c[4].modality, "encouraged");
}

#[test]
fn items_cut_by_a_page_break_and_plain_lines() {
    let c = commitments(concat!(
        "# 3. Next\n\n## Next steps\n\nThe Council is invited to:\n\n",
        "- endorse the approach set out in this Communication and to\n\n",
        "---\n\n<sup>1</sup> COM(2015) 185 final.\n\n",
        "report on its implementation by the end of 2016;\n\n",
        "The European Parliament and the Council are invited to:\n\n",
        "adopt the proposal swiftly; agree on the budget.\n"
    ));
    let got: Vec<(&str, &str)> = c
        .iter()
        .map(|x| (x.actor.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Council",
                "endorse the approach set out in this Communication and to report on its implementation by the end of 2016"
            ),
            (
                "European Parliament and Council",
                "adopt the proposal swiftly"
            ),
            ("European Parliament and Council", "agree on the budget"),
        ]
    );
    assert_eq!(c[0].deadline.as_ref().unwrap().date, "2016-12-31");
    assert_eq!(c[0].section.as_deref(), Some("3"));
    assert!(
        c[0].references.is_empty(),
        "the footnote is not called from the item"
    );
}

#[test]
fn references_through_footnote_calls() {
    let c = commitments(concat!(
        "# 1. A

### Way forward

The Commission will:

",
        "- present an action plan<sup>1</sup> and amend Directive 2011/36/EU.

",
        "<sup>1</sup> COM(2016) 677 final.
"
    ));
    assert_eq!(
        c[0].references,
        vec!["Directive 2011/36/EU", "COM(2016) 677"]
    );
}
