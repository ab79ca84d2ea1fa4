//! The regular expressions the stages use, compiled cheaply.
//!
//! A command-line run compiles every pattern once per process, and compiling took longer than
//! extracting a document: the `regex` facade always extracts literals and builds prefilters,
//! which speed up searches in long texts but cost most of the compile time, while these
//! patterns run over paragraphs. So patterns are built with regex-automata's meta engine (the
//! engine behind `regex`) with prefilters off, and `\d`/`\b` rewritten to their ASCII forms
//! (Unicode `\d` is all of Unicode's decimal digits). This module wraps the engine in the small
//! part of the `regex` API the crate uses.

use std::ops::{Index, Range};
use std::sync::OnceLock;

use regex_automata::meta;
use regex_automata::util::captures::Captures as RawCaptures;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Regex {
    inner: meta::Regex,
}

/// Why a pattern did not compile.
pub type Error = Box<meta::BuildError>;

/// Compile a built-in pattern with ASCII `\d` and `\b` and no prefilter.
pub fn compile(pattern: &str) -> Result<Regex, Error> {
    let fast = pattern.replace(r"\d", "[0-9]").replace(r"\b", r"(?-u:\b)");
    let inner = meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .build(&fast)
        .map_err(Box::new)?;
    Ok(Regex { inner })
}

/// Compile a pattern with Unicode `\d`, `\w`, `\s` and `\b`, as Python's `re` reads them, and
/// no prefilter: for checks that must agree with a Python script match for match.
pub fn compile_unicode(pattern: &str) -> Result<Regex, Error> {
    let inner = meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .build(pattern)
        .map_err(Box::new)?;
    Ok(Regex { inner })
}

/// A match: a span of a haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    haystack: &'h str,
    caps: RawCaptures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), if it took part.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match {
            haystack: self.haystack,
            start: s.start,
            end: s.end,
        })
    }

    /// The group named `name`, if it took part.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps.get_group_by_name(name).map(|s| Match {
            haystack: self.haystack,
            start: s.start,
            end: s.end,
        })
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;
    /// Group `i`; panics when it did not take part, as `regex::Captures` does.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| &self.haystack[m.range()])
            .unwrap_or_else(|| panic!("no group {i} in this match"))
    }
}

impl Index<&str> for Captures<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| &self.haystack[m.range()])
            .unwrap_or_else(|| panic!("no group {name} in this match"))
    }
}

impl Regex {
    pub fn is_match(&self, haystack: &str) -> bool {
        self.inner.is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.inner.find(haystack).map(|m| Match {
            haystack,
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner.find_iter(haystack).map(move |m| Match {
            haystack,
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.inner.create_captures();
        self.inner.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner
            .captures_iter(haystack)
            .map(move |caps| Captures { haystack, caps })
    }

    /// Replace every match with what `rep` makes of it.
    pub fn replace_all_with(
        &self,
        haystack: &str,
        mut rep: impl FnMut(&Captures) -> String,
    ) -> String {
        let mut out = String::with_capacity(haystack.len());
        let mut last = 0;
        for c in self.captures_iter(haystack) {
            let Some(m) = c.get(0) else { continue };
            out.push_str(&haystack[last..m.start()]);
            out.push_str(&rep(&c));
            last = m.end();
        }
        out.push_str(&haystack[last..]);
        out
    }

    /// Replace every match with `with`.
    pub fn replace_all(&self, haystack: &str, with: &str) -> String {
        self.replace_all_with(haystack, |_| with.to_string())
    }
}

/// A built-in pattern that compiles on first use by a text that could match it.
///
/// Every match of the pattern contains one of `needles` (compared without ASCII case when
/// `fold`), so a text without any of them is no match, and a run whose texts never hold one
/// never compiles the pattern: most patterns ask about rare cues (`PE-CONS`, `Official
/// Journal`, `Brussels`), and compiling them all was most of a short document's time. The
/// needles are a hand-written prefilter (the engine's own is off, see [`compile`]); a wrong
/// needle loses matches, so each one must be in every match the pattern can make.
pub struct Guarded {
    needles: &'static [&'static str],
    fold: bool,
    build: fn() -> Regex,
    re: OnceLock<Regex>,
    /// For each byte, the needles (up to 32, by bit) whose first byte, and whose second byte,
    /// it is in either case.
    starting: OnceLock<[[u32; 256]; 2]>,
}

impl Guarded {
    /// `needles` case-sensitive: every match contains one of them as written.
    pub const fn new(needles: &'static [&'static str], build: fn() -> Regex) -> Self {
        // The folded search keeps its needles in 32-bit sets.
        assert!(needles.len() <= 32, "at most 32 needles");
        Self {
            needles,
            fold: false,
            build,
            re: OnceLock::new(),
            starting: OnceLock::new(),
        }
    }

    /// `needles` in lower case, found in any ASCII case (for `(?i)` patterns).
    pub const fn folded(needles: &'static [&'static str], build: fn() -> Regex) -> Self {
        // The folded search keeps its needles in 32-bit sets.
        assert!(needles.len() <= 32, "at most 32 needles");
        Self {
            needles,
            fold: true,
            build,
            re: OnceLock::new(),
            starting: OnceLock::new(),
        }
    }

    /// Whether `haystack` holds a needle, so that the pattern may match it.
    fn may_match(&self, haystack: &str) -> bool {
        // Unicode case folding maps the long s and the Kelvin sign to `s` and `k`.
        if self.fold && haystack.contains(['\u{17f}', '\u{212a}']) {
            return true;
        }
        // One pass over the text, each byte looked up among the needles' first bytes: a pass
        // per needle cost more than the pattern's own search (16 needles for the spelled
        // numbers made the figures stage three times slower; a substring search per needle
        // was a third of the structure stage).
        let [first, second] = self.starting.get_or_init(|| {
            let mut table = [[0u32; 256]; 2];
            for (k, n) in self.needles.iter().enumerate().take(32) {
                for (at, t) in table.iter_mut().enumerate() {
                    match n.as_bytes().get(at) {
                        Some(&b) => {
                            t[usize::from(b.to_ascii_lowercase())] |= 1 << k;
                            t[usize::from(b.to_ascii_uppercase())] |= 1 << k;
                        }
                        // A one-byte needle: any byte may follow.
                        None => t.iter_mut().for_each(|s| *s |= 1 << k),
                    }
                }
            }
            table
        });
        let bytes = haystack.as_bytes();
        let found = bytes.iter().enumerate().any(|(i, &b)| {
            let next = bytes
                .get(i + 1)
                .map_or(u32::MAX, |&c| second[usize::from(c)]);
            let mut set = first[usize::from(b)] & next;
            while set != 0 {
                let n = self.needles[set.trailing_zeros() as usize].as_bytes();
                // The table knows both cases; a case-sensitive needle is compared as written.
                if bytes.get(i..i + n.len()).is_some_and(|w| {
                    if self.fold {
                        w.eq_ignore_ascii_case(n)
                    } else {
                        w == n
                    }
                }) {
                    return true;
                }
                set &= set - 1;
            }
            false
        });
        // Needles past the 32 the table holds are searched on their own.
        found
            || self.needles.iter().skip(32).any(|n| {
                let n = n.as_bytes();
                n.len() <= bytes.len()
                    && bytes.windows(n.len()).any(|w| {
                        if self.fold {
                            w.eq_ignore_ascii_case(n)
                        } else {
                            w == n
                        }
                    })
            })
    }

    fn get(&self, haystack: &str) -> Option<&Regex> {
        // Once compiled, the pattern runs as any other: the needles only spare the compile
        // (a scan for them cost more than an anchored pattern's failing at the first byte).
        if let Some(re) = self.re.get() {
            return Some(re);
        }
        self.may_match(haystack)
            .then(|| self.re.get_or_init(self.build))
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.get(haystack).is_some_and(|r| r.is_match(haystack))
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.get(haystack)?.find(haystack)
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.get(haystack)
            .into_iter()
            .flat_map(move |r| r.find_iter(haystack))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.get(haystack)?.captures(haystack)
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.get(haystack)
            .into_iter()
            .flat_map(move |r| r.captures_iter(haystack))
    }

    /// Replace every match with `with`.
    pub fn replace_all(&self, haystack: &str, with: &str) -> String {
        match self.get(haystack) {
            Some(r) => r.replace_all(haystack, with),
            None => haystack.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Guarded, compile};

    #[test]
    fn needles_are_found_in_any_case_anywhere() {
        static T: Guarded = Guarded::folded(&["two", "thirt", "x"], || compile("x").unwrap());
        for (text, want) in [
            ("TWO", true),
            ("a Thirteenth", true),
            ("tw o th irt", false),
            ("box", true),
            ("tw", false),
            ("", false),
            ("z\u{17f}", true),
        ] {
            assert_eq!(T.may_match(text), want, "{text}");
        }
    }

    #[test]
    fn case_sensitive_needles_are_found_as_written_anywhere() {
        static T: Guarded = Guarded::new(&["PE-CONS", "Brussels", "x"], || compile("x").unwrap());
        for (text, want) in [
            ("PE-CONS 43/24", true),
            ("pe-cons 43/24", false),
            ("in Brussels,", true),
            ("BRUSSELS", false),
            ("PE-CON", false),
            ("box", true),
            ("BOX", false),
            ("", false),
            ("z\u{17f}", false),
        ] {
            assert_eq!(T.may_match(text), want, "{text}");
        }
    }

    #[test]
    fn a_guarded_pattern_matches_only_where_a_needle_stands() {
        static PLACE: Guarded = Guarded::folded(&["brussels"], || {
            compile(r"(?i)\bbrussels,\s+(\d{1,2})").unwrap()
        });
        assert!(!PLACE.may_match("Luxembourg, 3 May"));
        assert!(PLACE.find("Luxembourg, 3 May").is_none());
        assert_eq!(&PLACE.captures("BRUSSELS, 3.5.2012").unwrap()[1], "3");
        // Unicode case folding: the pattern may match where an ASCII needle is not written.
        assert!(PLACE.may_match("bru\u{17f}\u{17f}els, 3"));
        assert_eq!(PLACE.replace_all("in Brussels, 4 May", "X"), "in X May");
        assert_eq!(PLACE.replace_all("in Paris, 4 May", "X"), "in Paris, 4 May");
        static ISSUE: Guarded = Guarded::new(&["PE-CONS"], || compile(r"PE-CONS\s+(\d+)").unwrap());
        assert!(!ISSUE.is_match("pe-cons 43"));
        assert_eq!(ISSUE.find_iter("PE-CONS 1, PE-CONS 2").count(), 2);
    }

    #[test]
    fn rewrites_keep_meaning_on_ascii() {
        let r = compile(r"\bCOM\s*\((\d{4})\)").unwrap();
        assert_eq!(&r.captures("see COM (2013) 5").unwrap()[1], "2013");
        assert!(!r.is_match("XCOM(2013)"));
        let r = compile(r"[\d.]+").unwrap();
        assert_eq!(r.find("v 3.6%").unwrap().as_str(), "3.6");
        // Arabic-Indic digits are not digits here.
        assert!(!compile(r"^\d$").unwrap().is_match("\u{663}"));
    }

    #[test]
    fn api_matches_regex_semantics() {
        let r = compile(r"(?P<y>\d{4})-(\d{2})?").unwrap();
        let c = r.captures("on 2013- and 2014-05").unwrap();
        assert_eq!((&c["y"], c.get(2)), ("2013", None));
        let all: Vec<&str> = r.find_iter("2013- 2014-05").map(|m| m.as_str()).collect();
        assert_eq!(all, vec!["2013-", "2014-05"]);
        assert_eq!(r.replace_all("a 2013- b", "Y"), "a Y b");
        assert_eq!(r.replace_all_with("2013-", |c| c["y"].to_string()), "2013");
        assert!(r.captures("none").is_none());
    }
}
