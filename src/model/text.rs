//! Vietnamese text: NFC normalisation, diacritic-blind search, Vietnamese name order.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest name, title, number or short field a form takes, in characters.
pub const NAME_MAX: usize = 200;
/// The longest description, note, reason or evidence.
pub const TEXT_MAX: usize = 2_000;
/// The longest voucher-number pattern.
pub const PATTERN_MAX: usize = 40;

/// Refuses a text longer than `max` characters, naming the field it belongs to.
pub fn fit(field: crate::model::error::Field, s: &str, max: usize) -> Result<(), crate::model::error::ActionError> {
    if s.len() > max && s.chars().count() > max {
        return Err(crate::model::error::ActionError::TooLong { field: Some(field), max });
    }
    Ok(())
}

/// NFC, trimmed, inner runs of whitespace collapsed to one space.
pub fn clean(input: &str) -> String {
    // Most text is clean already (an import of 100,000 rows was cleaned in its preview):
    // check that in one pass instead of rebuilding it.
    let spaced = input.chars().zip(input.chars().skip(1)).any(|(a, b)| a.is_whitespace() && b.is_whitespace());
    let odd_space = input.chars().any(|c| c.is_whitespace() && c != ' ');
    let edges = input.starts_with(char::is_whitespace) || input.ends_with(char::is_whitespace);
    if !spaced
        && !odd_space
        && !edges
        && unicode_normalization::is_nfc_quick(input.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return input.to_owned();
    }
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without diacritics, `đ` → `d`: "Nguyễn Văn" → "nguyen van".
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    fold_into(input, &mut out);
    out
}

/// Appends the folded form of `input` to `out` (one pass, no allocation per character).
pub fn fold_into(input: &str, out: &mut String) {
    for c in input.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'đ' || c == 'Đ' {
            out.push('d');
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
        }
    }
}

/// Does `haystack_folded` (already folded) contain every word of the query?
pub fn matches_query(haystack_folded: &str, query_folded_words: &[String]) -> bool {
    query_folded_words.iter().all(|w| haystack_folded.contains(w.as_str()))
}

pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Rank of a base letter in the Vietnamese alphabet, then the tone as a tie-break.
fn letter_key(c: char) -> (u32, u32) {
    let lower: char = c.to_lowercase().next().unwrap_or(c);
    let decomposed: Vec<char> = lower.to_string().nfd().collect();
    let base = decomposed.first().copied().unwrap_or(lower);
    // Keep the vowel-shape marks (breve, circumflex, horn) and drop tone marks.
    let mut shape = String::from(base);
    let mut tone = 0;
    for m in decomposed.iter().skip(1) {
        match *m {
            '\u{0306}' | '\u{0302}' | '\u{031B}' => shape.push(*m),
            '\u{0300}' => tone = 1,
            '\u{0309}' => tone = 2,
            '\u{0303}' => tone = 3,
            '\u{0301}' => tone = 4,
            '\u{0323}' => tone = 5,
            _ => {}
        }
    }
    let letter: char = shape.nfc().next().unwrap_or(base);
    match ALPHABET.chars().position(|a| a == letter) {
        Some(p) => (p as u32, tone),
        None => (1000 + letter as u32, tone),
    }
}

/// Compares words letter by letter in Vietnamese order (a ă â b c d đ e ê …),
/// tones breaking ties only when the letters are equal.
pub fn cmp_vietnamese(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

/// A sort key in Vietnamese letter order: letters first (words separated by 0), then tones.
pub fn sort_key(text: &str) -> Vec<u32> {
    words_key(text.split_whitespace())
}

fn words_key<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    for w in words {
        for c in w.chars() {
            let (letter, tone) = letter_key(c);
            letters.push(letter + 1);
            tones.push(tone);
        }
        letters.push(0); // word separator: shorter words sort first
    }
    // Tones only break ties: they come after all the letters.
    letters.push(0);
    letters.extend(tones);
    letters
}

/// A sort key for Vietnamese personal names: given name (the last word) first, then the rest.
pub fn name_sort_key(full_name: &str) -> Vec<u32> {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.split_last() {
        Some((given, rest)) => words_key(std::iter::once(*given).chain(rest.iter().copied())),
        None => Vec::new(),
    }
}

pub fn cmp_names(a: &str, b: &str) -> Ordering {
    name_sort_key(a).cmp(&name_sort_key(b))
}

/// Rows with nothing in them below the header (counted in the summary, not listed).
pub fn blank_rows(rows: &[Vec<String>], header_row: usize) -> usize {
    rows.iter().skip(header_row + 1).filter(|r| r.iter().all(|c| c.trim().is_empty())).count()
}

/// Below a list in an office file: a total line ("Tổng cộng", "Cộng:"), a place-and-date line ("Quảng Trị, ngày 10 tháng 11
/// năm 2023") or a signer's line ("Người lập biểu", "Thủ quỹ", "(Ký, ghi rõ họ tên)").
pub fn is_list_foot(row: &[String]) -> bool {
    const STARTS: [&str; 16] = [
        "tong cong",
        "tong so",
        "tong tien",
        "cong:",
        "total",
        "nguoi lap",
        "nguoi ghi",
        "thu quy",
        "ke toan",
        "thu truong",
        "chu tich",
        "pho chu tich",
        "truong ban",
        "xac nhan",
        "(ky",
        "ky ten",
    ];
    row.iter().any(|c| {
        let f = fold(c);
        let f = f.trim();
        let dated = f.contains("ngay") && f.contains("thang") && f.contains("nam");
        f == "cong" || f == "tong" || STARTS.iter().any(|s| f.starts_with(s)) || (f.contains(',') && dated)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_to_nfc_and_collapses_spaces() {
        let nfd = "Nguye\u{0302}\u{0303}n   Va\u{0306}n  ";
        assert_eq!(clean(nfd), "Nguyễn Văn");
        assert_eq!(clean(nfd).chars().count(), 10);
    }

    #[test]
    fn folding_ignores_diacritics_and_case() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        let hay = fold("Phiếu thu của Nguyễn Văn An");
        assert!(matches_query(&hay, &query_words("nguyen van")));
        assert!(matches_query(&hay, &query_words("NGUYỄN an")));
        assert!(!matches_query(&hay, &query_words("tran")));
    }

    #[test]
    fn vietnamese_letter_order() {
        assert_eq!(cmp_vietnamese("Ăn", "Anh"), Ordering::Greater);
        assert_eq!(cmp_vietnamese("Đào", "Dung"), Ordering::Greater);
        assert_eq!(cmp_vietnamese("Ơn", "Ôn"), Ordering::Greater);
        assert_eq!(cmp_vietnamese("Ước", "Uyên"), Ordering::Greater);
        assert_eq!(cmp_vietnamese("Hà", "Ha"), Ordering::Greater);
        assert_eq!(cmp_vietnamese("Hà", "Hai"), Ordering::Less);
    }

    #[test]
    fn names_sort_by_given_name_first() {
        let mut names = vec!["Trần Thị Bình", "Nguyễn Văn An", "Lê Đức", "Phạm Dũng", "Ngô Ánh"];
        names.sort_by(|a, b| cmp_names(a, b));
        assert_eq!(names, vec!["Nguyễn Văn An", "Ngô Ánh", "Trần Thị Bình", "Phạm Dũng", "Lê Đức"]);
        // Same given name: the family name decides.
        assert_eq!(cmp_names("Trần An", "Lê An"), Ordering::Greater);
    }
}
