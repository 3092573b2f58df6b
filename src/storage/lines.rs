//! The book's long lists one item per line. RON's pretty writer puts each voucher on a line
//! of its own but the score sheets (200,000 in a province book) all on one; `spread` gives
//! them a line each, in place. `read` parses a book as it streams in: the lines of the two
//! lists go to two threads in batches, the rest of the book to RON as usual, so the whole
//! text is never held. Only whitespace differs, so any RON reader reads the file the same.

use crate::model::book::Data;
use crate::model::fund::ledger::Voucher;
use crate::model::learning::ScoreSheet;
use serde::de::DeserializeOwned;
use std::io::{self, BufRead};
use std::sync::{Mutex, mpsc};

const VOUCHERS_OPEN: &str = "        vouchers: [";
const VOUCHERS_CLOSE: &str = "        ],";
const SHEETS_OPEN: &str = "            sheets: [";
const SHEETS_CLOSE: &str = "            ],";
const SHEET_INDENT: &str = "                ";
/// Lines handed to a parsing thread at once.
const BATCH: usize = 2_000;

/// Puts every score sheet of the text `to_text` wrote on a line of its own.
pub fn spread(text: String) -> String {
    let Some(start) = text.find(&format!("\n{SHEETS_OPEN}(")).map(|p| p + 1 + SHEETS_OPEN.len()) else {
        return text;
    };
    let Some(len) = text[start..].find('\n') else { return text };
    let line = &text[start..start + len];
    let Some(items_len) = line.strip_suffix("],").map(str::len) else { return text };
    // (where, bytes to replace, what goes there), in order.
    let mut edits: Vec<(usize, usize, String)> = vec![(start, 0, format!("\n{SHEET_INDENT}"))];
    edits.extend(separators(&line[..items_len]).into_iter().map(|p| (start + p, 2, format!(",\n{SHEET_INDENT}"))));
    edits.push((start + items_len, 0, format!(",\n{}", &SHEETS_CLOSE[..SHEETS_CLOSE.len() - 2])));
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

/// Which list a batch of lines belongs to.
#[derive(Clone, Copy, PartialEq)]
enum List {
    Vouchers,
    Sheets,
}

enum Parsed {
    Vouchers(Vec<Voucher>),
    Sheets(Vec<ScoreSheet>),
}

/// Reads a book this program wrote, as it streams in. `Ok(None)` when the file is not in
/// the shape this reader knows (edited by hand, or written otherwise): the caller parses the
/// whole text the ordinary way, with its error messages.
pub fn read(mut input: impl BufRead) -> io::Result<Option<Data>> {
    let (to_parse, batches) = mpsc::sync_channel::<(usize, List, String)>(4);
    let batches = Mutex::new(batches);
    let (to_collect, parsed) = mpsc::channel::<(usize, Option<Parsed>)>();
    std::thread::scope(|s| {
        for _ in 0..2 {
            let to_collect = to_collect.clone();
            let batches = &batches;
            s.spawn(move || {
                loop {
                    let next = batches.lock().map(|b| b.recv());
                    let Ok(Ok((n, list, lines))) = next else { break };
                    let done = match list {
                        List::Vouchers => items::<Voucher>(&lines).map(Parsed::Vouchers),
                        List::Sheets => items::<ScoreSheet>(&lines).map(Parsed::Sheets),
                    };
                    if to_collect.send((n, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(to_collect);
        let rest = split(&mut input, &to_parse);
        drop(to_parse);
        let mut results: Vec<(usize, Option<Parsed>)> = parsed.iter().collect();
        let Some(rest) = rest? else { return Ok(None) };
        let Ok(mut data) = ron::from_str::<Data>(&rest) else { return Ok(None) };
        drop(rest);
        results.sort_by_key(|r| r.0);
        let (mut vouchers, mut sheets) = (0, 0);
        for (_, r) in &results {
            match r {
                Some(Parsed::Vouchers(v)) => vouchers += v.len(),
                Some(Parsed::Sheets(v)) => sheets += v.len(),
                None => return Ok(None),
            }
        }
        data.book.vouchers.reserve_exact(vouchers);
        data.book.learning.sheets.reserve_exact(sheets);
        for (_, r) in results {
            match r {
                Some(Parsed::Vouchers(v)) => data.book.vouchers.extend(v),
                Some(Parsed::Sheets(v)) => data.book.learning.sheets.extend(v),
                None => {}
            }
        }
        give_back_freed();
        Ok(Some(data))
    })
}

/// Returns to the system the memory the batches and the parsing threads let go of. glibc
/// keeps what a thread frees for reuse, and the batches lie between the vouchers' own
/// strings: without this a loaded province book holds about 12 MB more than it uses.
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
    let mut rest = String::new();
    let mut line = String::new();
    let mut inside: Option<List> = None;
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
        match inside {
            None => {
                rest.push_str(&line);
                inside = match bare {
                    VOUCHERS_OPEN => Some(List::Vouchers),
                    SHEETS_OPEN => Some(List::Sheets),
                    _ => None,
                };
            }
            Some(list) => {
                let close = if list == List::Vouchers { VOUCHERS_CLOSE } else { SHEETS_CLOSE };
                if bare == close {
                    send(list, &mut batch, &mut count);
                    rest.push_str(&line);
                    inside = None;
                } else {
                    batch.push_str(bare);
                    batch.push('\n');
                    count += 1;
                    if count == BATCH {
                        send(list, &mut batch, &mut count);
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
    fn every_sheet_gets_a_line_and_the_text_reads_the_same() {
        let data = book();
        let sheets = data.book.learning.sheets.len();
        assert!(sheets > 10, "the demo book has score sheets");
        let compact =
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false))
                .expect("ser");
        let text = to_text(&data).expect("ser");
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with(SHEET_INDENT) && l.starts_with(&format!("{SHEET_INDENT}(subject:")))
                .count(),
            sheets
        );
        assert_eq!(text.lines().count(), compact.lines().count() + sheets + 1);
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
        let cut = &text[..text.find(SHEETS_CLOSE).expect("sheets close")];
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
