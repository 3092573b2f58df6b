//! A quick copy of the book beside it (`book.snapshot`): the same data as `book.ron` in a
//! binary form (postcard) that reads several times faster than the text. The book is the RON
//! file, always; the snapshot is only read when it was written from exactly the `book.ron`
//! that is there (its length and modification time) by exactly this program (the executable's
//! length and time), and every frame's checksum holds. Anything else, and the text is read as
//! before: an old, damaged or foreign snapshot can make a start slower, never different.
//!
//! Layout: `SOKHSNP1`, then seven little-endian u64 (the format version, the book's length,
//! seconds and nanoseconds, the program's the same), then frames (a tag byte, the length and
//! the CRC-32 of the bytes as u32, the bytes) and an end byte. Frame 0 is the rest of the
//! book as RON, its long lists empty; the other tags are the long lists in batches. It is
//! written with every save, and after a start that read the text (`Saver::snapshot`).

use super::files;
use super::gather::{self, BATCH, Batch, Batches, List};
use crate::model::book::{Book, DATA_VERSION, Data};
use crate::model::learning::Learning;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

pub const NAME: &str = "book.snapshot";
const MAGIC: &[u8; 8] = b"SOKHSNP1";
const REST: u8 = 0;
const END: u8 = 0xFF;
/// No frame this program writes is near this; a length beyond it is damage.
const MAX_FRAME: usize = 256 << 20;

/// A file's length and modification time (seconds, nanoseconds).
type Stamp = [u64; 3];

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    let time = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some([meta.len(), time.as_secs(), u64::from(time.subsec_nanos())])
}

/// This program's own stamp: a snapshot is read only by the build that wrote it, since the
/// binary form has no field names to notice a changed record by.
fn program() -> Option<Stamp> {
    static PROGRAM: OnceLock<Option<Stamp>> = OnceLock::new();
    *PROGRAM.get_or_init(|| stamp(&std::env::current_exe().ok()?))
}

/// What the snapshot's header must say for the book file at `book`.
fn header(book: &Path) -> Option<[u8; 64]> {
    let (book, program) = (stamp(book)?, program()?);
    let mut out = [0u8; 64];
    out[..8].copy_from_slice(MAGIC);
    let words = [u64::from(DATA_VERSION), book[0], book[1], book[2], program[0], program[1], program[2]];
    for (at, w) in out[8..].chunks_exact_mut(8).zip(words) {
        at.copy_from_slice(&w.to_le_bytes());
    }
    Some(out)
}

/// Forgets the snapshot: done before the book file is written, so that a snapshot never
/// outlives the book it was made from (however coarse the file system's clock).
pub fn remove(dir: &Path) {
    let _ = fs::remove_file(dir.join(NAME));
}

/// Whether the snapshot there was made from the `book` file as it is now by this program.
pub fn current(dir: &Path, book: &Path) -> bool {
    let Some(expected) = header(book) else { return false };
    let mut found = [0u8; 64];
    fs::File::open(dir.join(NAME)).and_then(|mut f| f.read_exact(&mut found)).is_ok() && found == expected
}

/// Writes the snapshot of `data`, which was just written to (or read from) `book`.
pub fn write(dir: &Path, book: &Path, data: &Data) -> io::Result<()> {
    let Some(header) = header(book) else { return Ok(()) };
    files::write_atomic_with(&dir.join(NAME), |out| {
        out.write_all(&header)?;
        let rest = ron::to_string(&shell(data)).map_err(io::Error::other)?;
        frame(out, REST, rest.as_bytes())?;
        drop(rest);
        let b = &data.book;
        let l = &b.learning;
        for list in List::ALL {
            match list {
                List::Donors => frames(out, list, &b.donors),
                List::Vouchers => frames(out, list, &b.vouchers),
                List::AwardLists => frames(out, list, &b.award_lists),
                List::Subjects => frames(out, list, &l.subjects),
                List::Sheets => frames(out, list, &l.sheets),
                List::Decisions => frames(out, list, &l.decisions),
            }?;
        }
        out.write_all(&[END])
    })
}

/// The book without its long lists. Every field is named, so that a field added to the book
/// cannot be left out of the snapshot unnoticed.
fn shell(data: &Data) -> Data {
    let Data { version, book, log, started } = data;
    let Book { settings, communes, donors: _, vouchers: _, award_lists: _, scales, learning, plans, calendar, closed } =
        book;
    let Learning { sets, subjects: _, sheets: _, decisions: _, targets } = learning;
    Data {
        version: *version,
        book: Book {
            settings: settings.clone(),
            communes: communes.clone(),
            donors: Vec::new(),
            vouchers: Vec::new(),
            award_lists: Vec::new(),
            scales: scales.clone(),
            learning: Learning {
                sets: sets.clone(),
                subjects: Vec::new(),
                sheets: Vec::new(),
                decisions: Vec::new(),
                targets: targets.clone(),
            },
            plans: plans.clone(),
            calendar: calendar.clone(),
            closed: closed.clone(),
        },
        log: log.clone(),
        started: *started,
    }
}

fn tag(list: List) -> u8 {
    List::ALL.iter().position(|l| *l == list).map_or(END, |i| i as u8 + 1)
}

fn frame(out: &mut dyn Write, tag: u8, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
    out.write_all(&[tag])?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&crc32fast::hash(bytes).to_le_bytes())?;
    out.write_all(bytes)
}

fn frames<T: Serialize>(out: &mut dyn Write, list: List, items: &[T]) -> io::Result<()> {
    let mut bytes = Vec::new();
    for batch in items.chunks(BATCH) {
        bytes.clear();
        bytes = postcard::to_extend(batch, bytes).map_err(io::Error::other)?;
        frame(out, tag(list), &bytes)?;
    }
    Ok(())
}

/// A batch of a long list as it was written.
struct Frame {
    crc: u32,
    bytes: Vec<u8>,
}

impl Batch for Frame {
    fn items<T: DeserializeOwned>(&self) -> Option<Vec<T>> {
        if crc32fast::hash(&self.bytes) != self.crc {
            return None;
        }
        match postcard::take_from_bytes::<Vec<T>>(&self.bytes) {
            Ok((items, [])) => Some(items),
            _ => None,
        }
    }
}

/// The book from its snapshot, when there is one made from the `book` file as it is now by
/// this program and it reads whole; `None` otherwise.
pub fn read(dir: &Path, book: &Path) -> Option<Data> {
    if !current(dir, book) {
        return None;
    }
    let mut input = BufReader::with_capacity(1 << 16, fs::File::open(dir.join(NAME)).ok()?);
    input.read_exact(&mut [0u8; 64]).ok()?;
    gather::read(|batches| split(&mut input, batches)).ok().flatten()
}

/// Sends the long lists' frames to be read and returns the rest of the book.
fn split(input: &mut impl Read, batches: &Batches<Frame>) -> io::Result<Option<String>> {
    let (mut rest, mut n) = (None, 0);
    loop {
        let mut tag = [0u8; 1];
        input.read_exact(&mut tag)?;
        if tag[0] == END {
            return Ok(rest);
        }
        let mut head = [0u8; 8];
        input.read_exact(&mut head)?;
        let [l0, l1, l2, l3, c0, c1, c2, c3] = head;
        let (len, crc) = (u32::from_le_bytes([l0, l1, l2, l3]) as usize, u32::from_le_bytes([c0, c1, c2, c3]));
        if len > MAX_FRAME {
            return Ok(None);
        }
        let mut bytes = vec![0u8; len];
        input.read_exact(&mut bytes)?;
        match tag[0] {
            REST => match String::from_utf8(bytes) {
                Ok(text) if rest.is_none() && crc32fast::hash(text.as_bytes()) == crc => rest = Some(text),
                _ => return Ok(None),
            },
            t => {
                let Some(&list) = List::ALL.get(usize::from(t).wrapping_sub(1)) else { return Ok(None) };
                if batches.send((n, list, Frame { crc, bytes })).is_err() {
                    return Ok(None);
                }
                n += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_book;
    use crate::storage::{Loaded, Store, to_text};

    fn book() -> Data {
        let mut data = Data::new(demo_book());
        let more = data.book.vouchers.clone();
        // More than one batch of vouchers, so the frames come back out of order.
        while data.book.vouchers.len() <= 2 * BATCH {
            data.book.vouchers.extend(more.iter().cloned());
        }
        if let Some(s) = data.book.learning.sheets.first_mut() {
            s.evidence.set(0, "Biên bản \"số 1\", (kèm [ảnh])".into());
        }
        data
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        (dir, store)
    }

    #[test]
    fn a_saved_book_reads_back_from_its_snapshot_exactly() {
        let (_dir, s) = store();
        let data = book();
        s.write(&data).expect("saved");
        assert!(s.dir().join(NAME).exists(), "a snapshot beside the book");
        assert_eq!(read(s.dir(), &s.file()), Some(data.clone()));
        assert!(matches!(s.load(), Loaded::Ok(d) if d == data));
        // The demo book as it is, and an empty one.
        for data in [Data::new(demo_book()), Data::new(Default::default())] {
            s.write(&data).expect("saved");
            assert_eq!(read(s.dir(), &s.file()), Some(data));
        }
    }

    /// Writes the text of `other` over the book file, as another program might.
    fn replace_book(s: &Store, other: &Data) {
        fs::write(s.file(), to_text(other).expect("ser")).expect("written");
    }

    #[test]
    fn a_snapshot_not_made_from_the_book_there_is_not_read() {
        let (_dir, s) = store();
        let data = book();
        s.write(&data).expect("saved");
        let mut other = data.clone();
        other.book.vouchers.truncate(3);
        replace_book(&s, &other);
        assert_eq!(read(s.dir(), &s.file()), None, "another book");
        assert!(matches!(s.load(), Loaded::Ok(d) if d == other), "the book file is read");
        // The same length, written again: another time.
        s.write(&data).expect("saved");
        std::thread::sleep(std::time::Duration::from_millis(20));
        replace_book(&s, &data);
        assert_eq!(read(s.dir(), &s.file()), None, "the book written again");
    }

    #[test]
    fn a_damaged_snapshot_is_passed_over_for_the_book() {
        let (_dir, s) = store();
        let data = book();
        s.write(&data).expect("saved");
        let path = s.dir().join(NAME);
        let good = fs::read(&path).expect("snapshot");
        let spoil = |bytes: Vec<u8>| {
            fs::write(&path, bytes).expect("spoiled");
            assert_eq!(read(s.dir(), &s.file()), None);
            assert!(matches!(s.load(), Loaded::Ok(ref d) if *d == data), "the book file is read");
        };
        // A byte changed in the header (the program, the book, the version), in the rest, in
        // a batch; cut short; the end missing; a frame of an unknown list.
        for at in [12, 20, 60, 80, good.len() / 2, good.len() - 2] {
            let mut bytes = good.clone();
            bytes[at] ^= 0x20;
            spoil(bytes);
        }
        spoil(good[..good.len() / 3].to_vec());
        spoil(good[..good.len() - 1].to_vec());
        let mut bytes = good[..good.len() - 1].to_vec();
        frame(&mut bytes, 9, b"").expect("framed");
        bytes.push(END);
        spoil(bytes);
        fs::write(&path, &good).expect("restored");
        assert_eq!(read(s.dir(), &s.file()), Some(data));
    }
}
