//! The book's long lists read in batches on two threads and gathered in order, whichever form
//! the batches come in: lines of the RON file (`lines`) or frames of the snapshot
//! (`snapshot`). Each batch is let go of as soon as its items are moved, so that neither the
//! file nor the lists are ever held twice.

use crate::model::awards::AwardList;
use crate::model::book::Data;
use crate::model::fund::donors::Donor;
use crate::model::fund::ledger::Voucher;
use crate::model::learning::{Decision, ScoreSheet, Subject};
use crate::model::shared::sharing;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::io;
use std::sync::{Mutex, mpsc};

/// Items handed to a parsing thread at once.
pub const BATCH: usize = 2_000;

/// A list read batch by batch.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum List {
    /// Only in the snapshot: in the RON file the donors are in the rest of the book.
    Donors,
    Vouchers,
    AwardLists,
    Subjects,
    Sheets,
    Decisions,
}

impl List {
    pub const ALL: [List; 6] =
        [List::Donors, List::Vouchers, List::AwardLists, List::Subjects, List::Sheets, List::Decisions];
    pub const BOOK: [List; 2] = [List::Vouchers, List::AwardLists];
    pub const LEARNING: [List; 3] = [List::Subjects, List::Sheets, List::Decisions];

    pub fn name(self) -> &'static str {
        match self {
            List::Donors => "donors",
            List::Vouchers => "vouchers",
            List::AwardLists => "award_lists",
            List::Subjects => "subjects",
            List::Sheets => "sheets",
            List::Decisions => "decisions",
        }
    }
}

/// A batch of items in some form.
pub trait Batch: Send {
    /// The batch's items, `None` if any of them does not read.
    fn items<T: DeserializeOwned>(&self) -> Option<Vec<T>>;
}

pub enum Parsed {
    Donors(Vec<Donor>),
    Vouchers(Vec<Voucher>),
    AwardLists(Vec<AwardList>),
    Subjects(Vec<Subject>),
    Sheets(Vec<ScoreSheet>),
    Decisions(Vec<Decision>),
}

impl Parsed {
    pub fn of(list: List, batch: &impl Batch) -> Option<Parsed> {
        Some(match list {
            List::Donors => Parsed::Donors(batch.items()?),
            List::Vouchers => Parsed::Vouchers(batch.items()?),
            List::AwardLists => Parsed::AwardLists(batch.items()?),
            List::Subjects => Parsed::Subjects(batch.items()?),
            List::Sheets => Parsed::Sheets(batch.items()?),
            List::Decisions => Parsed::Decisions(batch.items()?),
        })
    }
}

/// The items of the batches, in batch order, gathered as the batches are parsed.
#[derive(Default)]
pub struct Gathered {
    donors: Vec<Donor>,
    vouchers: Vec<Voucher>,
    award_lists: Vec<AwardList>,
    subjects: Vec<Subject>,
    sheets: Vec<ScoreSheet>,
    decisions: Vec<Decision>,
}

impl Gathered {
    fn add(&mut self, p: Parsed) {
        match p {
            Parsed::Donors(v) => self.donors.extend(v),
            Parsed::Vouchers(v) => self.vouchers.extend(v),
            Parsed::AwardLists(v) => self.award_lists.extend(v),
            Parsed::Subjects(v) => self.subjects.extend(v),
            Parsed::Sheets(v) => self.sheets.extend(v),
            Parsed::Decisions(v) => self.decisions.extend(v),
        }
    }

    /// Takes the parsed batches as they come, in any order, and gathers them in batch order;
    /// `None` when one of them did not parse.
    pub fn collect(parsed: mpsc::Receiver<(usize, Option<Parsed>)>) -> Option<Gathered> {
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
        put(self.donors, &mut book.donors);
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

/// Where the batches go: numbered in the order they are sent.
pub type Batches<B> = mpsc::SyncSender<(usize, List, B)>;

/// Reads a book whose long lists `split` sends away in numbered batches while it returns the
/// rest of the book as RON text, those lists left empty (`Ok(None)` when the input is not in
/// the shape it knows). The batches are parsed on two threads, each sharing the equal texts
/// it reads (a donor's name on their receipts).
pub fn read<B: Batch>(split: impl FnOnce(&Batches<B>) -> io::Result<Option<String>>) -> io::Result<Option<Data>> {
    let (to_parse, batches) = mpsc::sync_channel::<(usize, List, B)>(4);
    let batches = Mutex::new(batches);
    let (to_collect, parsed) = mpsc::channel::<(usize, Option<Parsed>)>();
    let (rest, gathered) = std::thread::scope(|s| {
        for _ in 0..2 {
            let to_collect = to_collect.clone();
            let batches = &batches;
            s.spawn(move || {
                sharing(|| {
                    loop {
                        let next = batches.lock().map(|b| b.recv());
                        let Ok(Ok((n, list, batch))) = next else { break };
                        let parsed = Parsed::of(list, &batch);
                        drop(batch);
                        if to_collect.send((n, parsed)).is_err() {
                            break;
                        }
                    }
                })
            });
        }
        drop(to_collect);
        let gathering = s.spawn(move || Gathered::collect(parsed));
        let rest = split(&to_parse);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_book;

    #[test]
    fn batches_parsed_out_of_order_are_gathered_in_order_and_a_bad_one_spoils_the_read() {
        let sheets = Data::new(demo_book()).book.learning.sheets;
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
}
