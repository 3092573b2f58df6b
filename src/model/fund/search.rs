//! The ledger's diacritic-blind search: every voucher's words, folded once.
//!
//! A book of 100,000 vouchers has a few thousand distinct names, descriptions, campaigns and
//! purposes: each is folded once, and a voucher holds the numbers of its texts. Its own
//! number and amount are looked at as they are. A query word matches a voucher when it is
//! inside one of its texts (texts are whole words apart, and a query word has no spaces).

use crate::model::book::Book;
use crate::model::fund::ledger::Voucher;
use crate::model::text::{fold, fold_into};
use std::collections::HashMap;

/// The texts a voucher is searched by besides its number and amount: its payer or payee, its
/// donor's name (when another), description, campaign and purpose.
const PARTS: usize = 5;

/// Built once per data revision, on its own thread.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// The distinct texts, folded, one after another; text 0 is the empty text.
    text: String,
    ends: Vec<u32>,
    /// Each voucher's texts, by number.
    parts: Vec<[u32; PARTS]>,
}

impl SearchIndex {
    pub fn build(book: &Book) -> Self {
        let mut index = SearchIndex { ends: vec![0], ..Default::default() };
        let mut numbers: HashMap<&str, u32> = HashMap::from([("", 0)]);
        index.parts.reserve_exact(book.vouchers.len());
        for v in &book.vouchers {
            let b = &v.body;
            let donor = b.donor.and_then(|d| book.donors.get(d)).map(|d| d.name.as_str()).unwrap_or("");
            let donor = if donor == b.counterparty { "" } else { donor };
            let texts = [b.counterparty.as_str(), donor, &b.description, &b.campaign, &b.purpose];
            let part = texts.map(|t| index.number_of(t, &mut numbers));
            index.parts.push(part);
        }
        index.text.shrink_to_fit();
        index.ends.shrink_to_fit();
        index
    }

    /// The number of the text `s`, folded and added when it is new.
    fn number_of<'b>(&mut self, s: &'b str, numbers: &mut HashMap<&'b str, u32>) -> u32 {
        if let Some(&n) = numbers.get(s) {
            return n;
        }
        let n = self.ends.len() as u32;
        fold_into(s, &mut self.text);
        self.ends.push(self.text.len() as u32);
        numbers.insert(s, n);
        n
    }

    fn text(&self, n: u32) -> &str {
        let n = n as usize;
        match (n.checked_sub(1).and_then(|p| self.ends.get(p)), self.ends.get(n)) {
            (Some(&start), Some(&end)) => self.text.get(start as usize..end as usize).unwrap_or(""),
            _ => "",
        }
    }
}

/// A query's words matched against an index, remembering for each distinct text whether it
/// holds each word, so that a text shared by many vouchers is looked into once.
pub struct Matcher<'a> {
    index: &'a SearchIndex,
    words: Vec<String>,
    /// Per word, per text: 0 not looked at yet, 1 holds it, 2 does not.
    seen: Vec<Vec<u8>>,
}

impl<'a> Matcher<'a> {
    pub fn new(index: &'a SearchIndex, words: Vec<String>) -> Self {
        let seen = words.iter().map(|_| vec![0; index.ends.len()]).collect();
        Matcher { index, words, seen }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Does voucher `i` (the index's voucher `i`, which is `v`) hold every word?
    pub fn matches(&mut self, i: usize, v: &Voucher) -> bool {
        let Some(parts) = self.index.parts.get(i) else { return self.words.is_empty() };
        let mut digits = [0u8; 20];
        let amount = amount_text(v.body.amount.0, &mut digits);
        let index = self.index;
        for (word, seen) in self.words.iter().zip(self.seen.iter_mut()) {
            if amount.contains(word.as_str()) || holds(&v.number, word) {
                continue;
            }
            let mut in_text = |n: u32| {
                let Some(state) = seen.get_mut(n as usize) else { return false };
                if *state == 0 {
                    *state = if index.text(n).contains(word.as_str()) { 1 } else { 2 };
                }
                *state == 1
            };
            if !parts.iter().any(|&n| in_text(n)) {
                return false;
            }
        }
        true
    }
}

/// The digits of an amount as the search sees them ("500000"), written into `buf`.
fn amount_text(amount: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = amount.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || at == 1 {
            break;
        }
    }
    if amount < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("")
}

/// Does `text` hold the folded `word`, folding it first (voucher numbers are nearly always
/// ASCII: compared without a copy).
fn holds(text: &str, word: &str) -> bool {
    if text.is_ascii() {
        let (t, w) = (text.as_bytes(), word.as_bytes());
        !w.is_empty() && t.windows(w.len()).any(|win| win.eq_ignore_ascii_case(w))
    } else {
        fold(text).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::query_words;

    /// The search as it was: every word inside the voucher's whole folded text.
    fn plainly(book: &Book, i: usize, words: &[String]) -> bool {
        let Some(v) = book.vouchers.get(i) else { return false };
        let b = &v.body;
        let donor = b.donor.and_then(|d| book.donors.get(d)).map(|d| d.name.as_str()).unwrap_or("");
        let all = [v.number.as_str(), &b.counterparty, donor, &b.description, &b.campaign, &b.purpose];
        let text = fold(&format!("{} {}", all.join(" "), b.amount.0));
        words.iter().all(|w| text.contains(w.as_str()))
    }

    #[test]
    fn it_finds_exactly_what_a_search_of_the_whole_text_finds() {
        let book = crate::model::demo::demo_book();
        let index = SearchIndex::build(&book);
        let queries = ["nguyen van", "PT-2025", "hoc bong", "500000", "sao mai 2024", "đặng", "TIEP SUC", "x"];
        for q in queries {
            let words = query_words(q);
            let mut m = Matcher::new(&index, words.clone());
            let found: Vec<usize> = (0..book.vouchers.len()).filter(|&i| m.matches(i, &book.vouchers[i])).collect();
            let expected: Vec<usize> = (0..book.vouchers.len()).filter(|&i| plainly(&book, i, &words)).collect();
            assert_eq!(found, expected, "«{q}»");
            assert!(q == "x" || !found.is_empty(), "«{q}» finds something in the demo book");
        }
    }

    #[test]
    fn a_shared_text_is_folded_once() {
        let book = crate::model::demo::demo_book();
        let index = SearchIndex::build(&book);
        let distinct: std::collections::HashSet<String> =
            book.vouchers.iter().flat_map(|v| [fold(&v.body.campaign), fold(&v.body.purpose)]).collect();
        assert!(
            index.ends.len() < book.vouchers.len(),
            "{} texts for {} vouchers",
            index.ends.len(),
            book.vouchers.len()
        );
        for t in distinct {
            let n = (0..index.ends.len() as u32).filter(|&n| index.text(n) == t).count();
            assert_eq!(n, 1, "«{t}» once");
        }
    }

    #[test]
    fn amounts_read_as_their_digits() {
        for n in [0, 7, 500_000, -1_250, i64::MAX, i64::MIN + 1] {
            assert_eq!(amount_text(n, &mut [0; 20]), n.to_string());
        }
    }

    #[test]
    fn a_voucher_the_index_does_not_know_is_not_found() {
        let book = crate::model::demo::demo_book();
        let index = SearchIndex::default();
        let mut m = Matcher::new(&index, query_words("a"));
        assert!(!m.matches(0, &book.vouchers[0]));
        let mut none = Matcher::new(&index, Vec::new());
        assert!(none.matches(0, &book.vouchers[0]));
    }
}
