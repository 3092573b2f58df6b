//! The book's long lists one item per line. RON's pretty writer puts each voucher and each
//! award list on a line of its own, but the learning models' subjects, score sheets and
//! decisions (200,000 sheets in a province book) each all on one; `spread` gives their items
//! a line each, in place. `read` parses a book as it streams in: the lines of these lists go
//! to two threads in batches, the rest of the book to RON as usual, so the whole text is
//! never held. Only whitespace differs, so any RON reader reads the file the same.

use super::gather::{self, BATCH, Batch, Batches, List};
use crate::model::book::Data;
use serde::de::DeserializeOwned;
use std::io::{self, BufRead};

/// The lines that open and close the book and its learning models.
const BOOK: (&str, &str) = ("    book: (", "    ),");
const LEARNING: (&str, &str) = ("        learning: (", "        ),");
const BOOK_INDENT: &str = "        ";
const LEARNING_INDENT: &str = "            ";
const ITEM_INDENT: &str = "                ";

impl List {
    /// The list's field as it opens on a line, and the line that closes it.
    fn lines(self) -> (String, String) {
        let indent = if List::BOOK.contains(&self) { BOOK_INDENT } else { LEARNING_INDENT };
        (format!("{indent}{}: [", self.name()), format!("{indent}],"))
    }
}

/// Puts every subject, score sheet and decision of the text `to_text` wrote on a line of its
/// own.
pub fn spread(text: String) -> String {
    let Some(learning) = text.find(&format!("\n{}\n", LEARNING.0)) else { return text };
    // (where, bytes to replace, what goes there), in order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for list in List::LEARNING {
        let (open, _) = list.lines();
        let Some(start) = text[learning..].find(&format!("\n{open}(")).map(|p| learning + p + 1 + open.len()) else {
            continue;
        };
        let Some(len) = text[start..].find('\n') else { continue };
        let Some(items) = text[start..start + len].strip_suffix("],") else { continue };
        edits.push((start, 0, format!("\n{ITEM_INDENT}")));
        edits.extend(separators(items).into_iter().map(|p| (start + p, 2, format!(",\n{ITEM_INDENT}"))));
        edits.push((start + items.len(), 0, format!(",\n{LEARNING_INDENT}")));
    }
    edits.sort_by_key(|e| e.0);
    apply(text, &edits)
}

/// Where the top-level ", " between compact RON items are (outside strings and brackets).
fn separators(items: &str) -> Vec<usize> {
    let (mut depth, mut in_str, mut escaped) = (0i32, false, false);
    let mut out = Vec::new();
    let bytes = items.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => out.push(i),
            _ => {}
        }
    }
    out
}

/// Makes the edits in the text's own buffer, moving its bytes once from the end backwards
/// (a province book's text is 160 MB: a second copy would double the saver's memory).
fn apply(text: String, edits: &[(usize, usize, String)]) -> String {
    let grow: usize = edits.iter().map(|(_, cut, put)| put.len().saturating_sub(*cut)).sum();
    let mut bytes = text.into_bytes();
    let mut src_end = bytes.len();
    bytes.resize(src_end + grow, 0);
    let mut dst_end = bytes.len();
    for (at, cut, put) in edits.iter().rev() {
        let kept = at + cut..src_end;
        let to = dst_end - kept.len();
        bytes.copy_within(kept, to);
        bytes[to - put.len()..to].copy_from_slice(put.as_bytes());
        src_end = *at;
        dst_end = to - put.len();
    }
    // Only ASCII went in, between whole characters.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Reads a book this program wrote, as it streams in. `Ok(None)` when the file is not in
/// the shape this reader knows (edited by hand, or written otherwise): the caller parses the
/// whole text the ordinary way, with its error messages.
pub fn read(mut input: impl BufRead) -> io::Result<Option<Data>> {
    gather::read(|batches| split(&mut input, batches))
}

/// Sends the lines of the long lists away in numbered batches and returns the rest of the
/// text, the lists in it left empty. `Ok(None)` when a list does not close.
fn split(input: &mut impl BufRead, to_parse: &Batches<String>) -> io::Result<Option<String>> {
    let book_lists = List::BOOK.map(|l| (l, l.lines()));
    let learning_lists = List::LEARNING.map(|l| (l, l.lines()));
    let mut rest = String::new();
    let mut line = String::new();
    // Where the line is: in the book, in its learning models, in a list.
    let (mut in_book, mut in_learning) = (false, false);
    let mut inside: Option<(List, String)> = None;
    let (mut batch, mut count, mut n) = (String::new(), 0, 0);
    let mut send = |list: List, batch: &mut String, count: &mut usize| {
        if *count > 0 {
            let _ = to_parse.send((n, list, std::mem::take(batch)));
            n += 1;
            *count = 0;
        }
    };
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(inside.is_none().then_some(rest));
        }
        let bare = line.trim_end_matches(['\n', '\r']);
        match &inside {
            None => {
                rest.push_str(&line);
                let lists: &[(List, (String, String))] = match (in_book, in_learning) {
                    (true, false) => &book_lists,
                    (true, true) => &learning_lists,
                    _ => &[],
                };
                inside = lists.iter().find(|(_, (open, _))| open == bare).map(|(l, (_, close))| (*l, close.clone()));
                match bare {
                    _ if bare == BOOK.0 => in_book = true,
                    _ if bare == BOOK.1 => in_book = false,
                    _ if in_book && bare == LEARNING.0 => in_learning = true,
                    _ if in_book && bare == LEARNING.1 => in_learning = false,
                    _ => {}
                }
            }
            Some((list, close)) => {
                if bare == close {
                    send(*list, &mut batch, &mut count);
                    rest.push_str(&line);
                    inside = None;
                } else {
                    batch.push_str(bare);
                    batch.push('\n');
                    count += 1;
                    if count == BATCH {
                        send(*list, &mut batch, &mut count);
                    }
                }
            }
        }
    }
}

/// One item per line, each ending in a comma; `None` if any line is not one item.
impl Batch for String {
    fn items<T: DeserializeOwned>(&self) -> Option<Vec<T>> {
        self.lines().map(|l| ron::from_str::<T>(l.trim().strip_suffix(',').unwrap_or(l.trim())).ok()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::book::Data;
    use crate::model::demo::demo_book;
    use crate::storage::to_text;

    fn book() -> Data {
        let mut data = Data::new(demo_book());
        // A sheet whose evidence holds what the splitter must not split at.
        if let Some(s) = data.book.learning.sheets.first_mut() {
            s.evidence.set(0, "Biên bản \"số 1\", (kèm [ảnh]), \\ và {ghi chú}".into());
        }
        data
    }

    #[test]
    fn every_sheet_gets_a_line_and_the_text_reads_the_same() {
        let data = book();
        let sheets = data.book.learning.sheets.len();
        assert!(sheets > 10, "the demo book has score sheets");
        let compact =
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false))
                .expect("ser");
        let text = to_text(&data).expect("ser");
        let (open, close) = List::Sheets.lines();
        let rows: Vec<&str> = text.lines().skip_while(|l| *l != open).skip(1).take_while(|l| *l != close).collect();
        assert_eq!(rows.len(), sheets);
        assert!(
            rows.iter().all(|r| r.starts_with(&format!("{ITEM_INDENT}(")) && r.ends_with("),")),
            "one sheet a line"
        );
        let l = &data.book.learning;
        let spread =
            [l.subjects.len(), sheets, l.decisions.len()].iter().filter(|&&n| n > 0).map(|n| n + 1).sum::<usize>();
        assert!(l.subjects.len() > 10 && l.decisions.len() > 10, "the demo book has subjects and decisions");
        assert_eq!(text.lines().count(), compact.lines().count() + spread);
        assert_eq!(ron::from_str::<Data>(&text).expect("plain RON"), data);
    }

    #[test]
    fn the_stream_reads_what_the_whole_parse_reads() {
        let data = book();
        let text = to_text(&data).expect("ser");
        assert_eq!(read(text.as_bytes()).expect("read"), Some(data.clone()));
        // More vouchers than one batch, so several batches come back out of order.
        let mut big = data.clone();
        let more = big.book.vouchers.clone();
        for _ in 0..(2 * BATCH / more.len().max(1) + 1) {
            big.book.vouchers.extend(more.iter().cloned());
        }
        let text = to_text(&big).expect("ser");
        assert_eq!(read(text.as_bytes()).expect("read"), Some(big));
    }

    #[test]
    fn a_file_in_another_shape_is_left_to_the_whole_parse() {
        let data = book();
        let text = to_text(&data).expect("ser");
        // A voucher over two lines, as a hand edit might leave it.
        let edited = text.replacen("\"PT-2021-0001\", ", "\"PT-2021-0001\",\n ", 1);
        assert_ne!(edited, text);
        assert_eq!(read(edited.as_bytes()).expect("read"), None);
        // A list that never closes.
        let (open, close) = List::Sheets.lines();
        let after = text.find(&open).expect("sheets open");
        let cut = &text[..after + text[after..].find(&close).expect("sheets close")];
        assert_eq!(read(cut.as_bytes()).expect("read"), None);
        // Sheets written all on one line (older builds) still stream: the list is in the rest.
        let compact =
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false))
                .expect("ser");
        assert_eq!(read(compact.as_bytes()).expect("read"), Some(data));
    }

    #[test]
    fn the_in_place_edit_matches_building_a_new_text() {
        let edits = vec![(0, 0, "<".to_owned()), (3, 1, ";;".to_owned()), (7, 0, "++".to_owned())];
        assert_eq!(apply("abc, de, f".to_owned(), &edits), "<abc;; de++, f");
    }
}
