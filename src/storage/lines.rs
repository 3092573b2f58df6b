//! The book's long lists one item per line. RON's pretty writer puts each voucher and each
//! award list on a line of its own, but the learning models' subjects, score sheets and
//! decisions (200,000 sheets in a province book) each all on one; `spread` gives their items
//! a line each, in place. `read` parses a book as it streams in: the lines of these lists go
//! to two threads in batches, the rest of the book to RON as usual, so the whole text is
//! never held. Only whitespace differs, so any RON reader reads the file the same.

use crate::model::awards::AwardList;
use crate::model::book::Data;
use crate::model::fund::ledger::Voucher;
use crate::model::learning::{Decision, ScoreSheet, Subject};
use crate::model::shared::sharing;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::sync::{Mutex, mpsc};

/// The lines that open and close the book and its learning models.
const BOOK: (&str, &str) = ("    book: (", "    ),");
const LEARNING: (&str, &str) = ("        learning: (", "        ),");
const BOOK_INDENT: &str = "        ";
const LEARNING_INDENT: &str = "            ";
const ITEM_INDENT: &str = "                ";
/// Lines handed to a parsing thread at once.
const BATCH: usize = 2_000;

/// A list streamed item by item.
#[derive(Clone, Copy, PartialEq, Debug)]
enum List {
    Vouchers,
    AwardLists,
    Subjects,
    Sheets,
    Decisions,
}

impl List {
    const BOOK: [List; 2] = [List::Vouchers, List::AwardLists];
    const LEARNING: [List; 3] = [List::Subjects, List::Sheets, List::Decisions];

    fn name(self) -> &'static str {
        match self {
            List::Vouchers => "vouchers",
            List::AwardLists => "award_lists",
            List::Subjects => "subjects",
            List::Sheets => "sheets",
            List::Decisions => "decisions",
        }
    }

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

enum Parsed {
    Vouchers(Vec<Voucher>),
    AwardLists(Vec<AwardList>),
    Subjects(Vec<Subject>),
    Sheets(Vec<ScoreSheet>),
    Decisions(Vec<Decision>),
}

impl Parsed {
    fn of(list: List, lines: &str) -> Option<Parsed> {
        Some(match list {
            List::Vouchers => Parsed::Vouchers(items(lines)?),
            List::AwardLists => Parsed::AwardLists(items(lines)?),
            List::Subjects => Parsed::Subjects(items(lines)?),
            List::Sheets => Parsed::Sheets(items(lines)?),
            List::Decisions => Parsed::Decisions(items(lines)?),
        })
    }
}

/// The items of the batches, in batch order, gathered as the batches are parsed: each batch
/// is let go of as soon as its items are moved, so the lists are never held twice.
#[derive(Default)]
struct Gathered {
    vouchers: Vec<Voucher>,
    award_lists: Vec<AwardList>,
    subjects: Vec<Subject>,
    sheets: Vec<ScoreSheet>,
    decisions: Vec<Decision>,
}

impl Gathered {
    fn add(&mut self, p: Parsed) {
        match p {
            Parsed::Vouchers(v) => self.vouchers.extend(v),
            Parsed::AwardLists(v) => self.award_lists.extend(v),
            Parsed::Subjects(v) => self.subjects.extend(v),
            Parsed::Sheets(v) => self.sheets.extend(v),
            Parsed::Decisions(v) => self.decisions.extend(v),
        }
    }

    /// Takes the parsed batches as they come, in any order, and gathers them in batch order;
    /// `None` when one of them did not parse.
    fn collect(parsed: mpsc::Receiver<(usize, Option<Parsed>)>) -> Option<Gathered> {
        let (mut gathered, mut next, mut waiting) = (Gathered::default(), 0, BTreeMap::new());
        let mut whole = true;
        for (n, p) in parsed {
            waiting.insert(n, p);
            while let Some(p) = waiting.remove(&next) {
                match p {
                    Some(p) => gathered.add(p),
                    None => whole = false,
                }
                next += 1;
            }
        }
        (whole && waiting.is_empty()).then_some(gathered)
    }

    /// Puts the items at the end of their lists in the book, each list at its exact length.
    fn into_book(self, data: &mut Data) {
        let book = &mut data.book;
        put(self.vouchers, &mut book.vouchers);
        put(self.award_lists, &mut book.award_lists);
        put(self.subjects, &mut book.learning.subjects);
        put(self.sheets, &mut book.learning.sheets);
        put(self.decisions, &mut book.learning.decisions);
    }
}

fn put<T>(mut items: Vec<T>, into: &mut Vec<T>) {
    if into.is_empty() {
        // A list this large has a mapping of its own: shrinking it moves nothing.
        items.shrink_to_fit();
        *into = items;
    } else {
        into.reserve_exact(items.len());
        into.extend(items);
    }
}

/// Reads a book this program wrote, as it streams in. `Ok(None)` when the file is not in
/// the shape this reader knows (edited by hand, or written otherwise): the caller parses the
/// whole text the ordinary way, with its error messages.
pub fn read(mut input: impl BufRead) -> io::Result<Option<Data>> {
    let (to_parse, batches) = mpsc::sync_channel::<(usize, List, String)>(4);
    let batches = Mutex::new(batches);
    let (to_collect, parsed) = mpsc::channel::<(usize, Option<Parsed>)>();
    let (rest, gathered) = std::thread::scope(|s| {
        for _ in 0..2 {
            let to_collect = to_collect.clone();
            let batches = &batches;
            // Each thread shares the equal texts it reads (a donor's name on their receipts).
            s.spawn(move || {
                sharing(|| {
                    loop {
                        let next = batches.lock().map(|b| b.recv());
                        let Ok(Ok((n, list, lines))) = next else { break };
                        if to_collect.send((n, Parsed::of(list, &lines))).is_err() {
                            break;
                        }
                    }
                })
            });
        }
        drop(to_collect);
        let gathering = s.spawn(move || Gathered::collect(parsed));
        let rest = split(&mut input, &to_parse);
        drop(to_parse);
        (rest, gathering.join().ok().flatten())
    });
    let Some(rest) = rest? else { return Ok(None) };
    let Ok(mut data) = ron::from_str::<Data>(&rest) else { return Ok(None) };
    drop(rest);
    let Some(gathered) = gathered else { return Ok(None) };
    gathered.into_book(&mut data);
    give_back_freed();
    Ok(Some(data))
}

/// Returns to the system the memory the batches and the parsing threads let go of. glibc
/// keeps what a thread frees for reuse, and the batches lie between the items' own strings:
/// without this a loaded book of 100,000 vouchers holds about 12 MB more than it uses.
fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free pages of the allocator's own heaps; it
    // takes no pointers and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Sends the lines of the long lists away in numbered batches and returns the rest of the
/// text, the lists in it left empty. `Ok(None)` when a list does not close.
fn split(input: &mut impl BufRead, to_parse: &mpsc::SyncSender<(usize, List, String)>) -> io::Result<Option<String>> {
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
fn items<T: DeserializeOwned>(lines: &str) -> Option<Vec<T>> {
    lines.lines().map(|l| ron::from_str::<T>(l.trim().strip_suffix(',').unwrap_or(l.trim())).ok()).collect()
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
        if let Some(v) = data.book.learning.sheets.first_mut().and_then(|s| s.values.first_mut()) {
            v.evidence = "Biên bản \"số 1\", (kèm [ảnh]), \\ và {ghi chú}".into();
        }
        data
    }

    #[test]
    fn batches_parsed_out_of_order_are_gathered_in_order_and_a_bad_one_spoils_the_read() {
        let sheets = book().book.learning.sheets;
        let batch = |n: usize| Some(Parsed::Sheets(sheets.iter().skip(n * 3).take(3).cloned().collect()));
        let (send, parsed) = mpsc::channel();
        for n in [2, 0, 3, 1] {
            send.send((n, batch(n))).expect("sent");
        }
        drop(send);
        let gathered = Gathered::collect(parsed).expect("every batch parsed");
        assert_eq!(gathered.sheets, sheets.iter().take(12).cloned().collect::<Vec<_>>());
        let (send, parsed) = mpsc::channel();
        for (n, p) in [(1, batch(1)), (0, None), (2, batch(2))] {
            send.send((n, p)).expect("sent");
        }
        drop(send);
        assert!(Gathered::collect(parsed).is_none(), "a batch that did not parse");
        let (send, parsed) = mpsc::channel();
        send.send((1, batch(1))).expect("sent");
        drop(send);
        assert!(Gathered::collect(parsed).is_none(), "a batch missing");
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
