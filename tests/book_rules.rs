//! The book's rules under any sequence of actions. Random sequences of issues, edits, voids,
//! imports, award lists (status, payout, reopening), closing and reopening years, donor and
//! settings edits, learning sheets and whole-book replaces, interleaved with undo and redo,
//! are run on a book; after every step:
//! - every invariant of `model::check::violations` holds;
//! - a refused action changed nothing;
//! - undo then redo gives back exactly the same book;
//! - writing the book and reading it back gives the same data.
//!
//! `cargo test --test book_rules` runs 256 sequences; `PROPTEST_CASES=5000 cargo test
//! --release --test book_rules` runs a longer search.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use sokh::model::action::Action;
use sokh::model::awards::action::AwardAction;
use sokh::model::awards::{AwardList, Awardee, ListStatus, Prize};
use sokh::model::book::{Book, Data, Settings};
use sokh::model::check::violations;
use sokh::model::error::ActionError;
use sokh::model::fund::action::FundAction;
use sokh::model::fund::donors::{Donor, DonorType};
use sokh::model::fund::ledger::{Category, Kind, Method, VoucherDraft};
use sokh::model::history::History;
use sokh::model::learning::action::LearningAction;
use sokh::model::learning::{ModelKind, ScoreSheet, Subject, Value};
use sokh::model::money::Vnd;
use sokh::storage::{Loaded, Store, parse, to_text};

const PURPOSES: [&str; 3] = ["", "Học bổng vùng cao", "Giải HSG"];
const PATTERNS: [(&str, &str); 3] = [
    ("PT-{yyyy}-{nnnn}", "PC-{yyyy}-{nnnn}"),
    ("{nnn}/PT/{yyyy}", "{nnn}/PC/{yyyy}"),
    ("PC-{yyyy}-{nnnn}", "PT-{yyyy}-{nnnn}"),
];

#[derive(Clone, Debug)]
enum Op {
    Issue {
        kind: Kind,
        day: u16,
        amount: u16,
        purpose: u8,
        in_kind: bool,
        donor: u8,
    },
    Edit {
        pick: u16,
        day: u16,
        amount: u16,
        purpose: u8,
        in_kind: bool,
    },
    Void {
        pick: u16,
        reason: bool,
    },
    Import {
        rows: Vec<(u16, u16, u8)>,
    },
    AddDonor {
        kind: u8,
    },
    EditDonor {
        pick: u8,
        kind: u8,
    },
    AddList {
        students: u8,
        amount: u16,
        purpose: u8,
        year: bool,
    },
    Status {
        pick: u8,
        to: u8,
    },
    /// The next step of a list: agree, approve, or pay.
    Advance {
        pick: u8,
        each: bool,
    },
    Pay {
        pick: u8,
        each: bool,
    },
    ReopenList {
        pick: u8,
    },
    RemoveStudent {
        pick: u8,
    },
    Close {
        year: bool,
    },
    Reopen {
        year: bool,
    },
    Settings {
        pattern: u8,
        enforce: bool,
    },
    Target {
        year: bool,
        amount: u16,
    },
    Sheet {
        subject: u8,
        year: bool,
        score: u8,
    },
    Replace {
        snapshot: u8,
    },
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let kind = prop_oneof![Just(Kind::Receipt), Just(Kind::Payment)];
    prop_oneof![
        6 => (kind, 0..730u16, 1..3000u16, 0..3u8, proptest::bool::weighted(0.15), 0..4u8)
            .prop_map(|(kind, day, amount, purpose, in_kind, donor)| Op::Issue { kind, day, amount, purpose, in_kind, donor }),
        2 => (any::<u16>(), 0..730u16, 1..3000u16, 0..3u8, proptest::bool::weighted(0.2))
            .prop_map(|(pick, day, amount, purpose, in_kind)| Op::Edit { pick, day, amount, purpose, in_kind }),
        2 => (any::<u16>(), any::<bool>()).prop_map(|(pick, reason)| Op::Void { pick, reason }),
        1 => proptest::collection::vec((0..730u16, 1..3000u16, 0..3u8), 1..8).prop_map(|rows| Op::Import { rows }),
        1 => (0..6u8).prop_map(|kind| Op::AddDonor { kind }),
        1 => (any::<u8>(), 0..6u8).prop_map(|(pick, kind)| Op::EditDonor { pick, kind }),
        2 => (1..5u8, 1..300u16, 0..3u8, any::<bool>())
            .prop_map(|(students, amount, purpose, year)| Op::AddList { students, amount, purpose, year }),
        3 => (any::<u8>(), 0..5u8).prop_map(|(pick, to)| Op::Status { pick, to }),
        2 => (any::<u8>(), any::<bool>()).prop_map(|(pick, each)| Op::Pay { pick, each }),
        4 => (any::<u8>(), any::<bool>()).prop_map(|(pick, each)| Op::Advance { pick, each }),
        1 => any::<u8>().prop_map(|pick| Op::ReopenList { pick }),
        1 => any::<u8>().prop_map(|pick| Op::RemoveStudent { pick }),
        1 => any::<bool>().prop_map(|year| Op::Close { year }),
        1 => any::<bool>().prop_map(|year| Op::Reopen { year }),
        1 => (0..3u8, proptest::bool::weighted(0.8)).prop_map(|(pattern, enforce)| Op::Settings { pattern, enforce }),
        1 => (any::<bool>(), 0..3000u16).prop_map(|(year, amount)| Op::Target { year, amount }),
        1 => (0..3u8, any::<bool>(), 0..11u8).prop_map(|(subject, year, score)| Op::Sheet { subject, year, score }),
        1 => any::<u8>().prop_map(|snapshot| Op::Replace { snapshot }),
        4 => Just(Op::Undo),
        2 => Just(Op::Redo),
    ]
}

fn date(day: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("date") + chrono::Duration::days(i64::from(day))
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 2, 1).and_then(|d| d.and_hms_opt(8, 0, 0)).expect("time")
}

fn draft(kind: Kind, day: u16, amount: u16, purpose: u8, in_kind: bool, donor: Option<usize>) -> VoucherDraft {
    VoucherDraft {
        kind,
        date: date(day),
        donor,
        counterparty: "Nguyễn Văn An".into(),
        description: "Ủng hộ".into(),
        amount: Vnd(i64::from(amount) * 1_000),
        method: if in_kind { Method::InKind } else { Method::Bank },
        campaign: Default::default(),
        purpose: PURPOSES[purpose as usize % 3].into(),
        category: if kind == Kind::Payment { Category::Scholarship } else { Category::Other },
    }
}

fn pick(n: usize, k: impl Into<usize>) -> Option<usize> {
    (n > 0).then(|| k.into() % n)
}

/// A starting book with a few donors and learning subjects.
fn start() -> Data {
    let mut book = Book::default();
    for (i, kind) in [DonorType::Individual, DonorType::Business].into_iter().enumerate() {
        book.donors.push(Donor { name: format!("Nhà tài trợ {i}"), kind, ..Default::default() });
    }
    for i in 0..3 {
        let kind = ModelKind::ALL[i % ModelKind::ALL.len()];
        book.learning.subjects.push(Subject {
            name: format!("Đối tượng {i}"),
            kind,
            commune: "Đông Hà".into(),
            ..Default::default()
        });
    }
    Data::new(book)
}

/// The action an op asks for, resolved against the book as it is.
fn action(op: &Op, book: &Book, snapshots: &[Data]) -> Option<Action> {
    let n_v = book.vouchers.len();
    let n_l = book.award_lists.len();
    Some(match op.clone() {
        Op::Issue { kind, day, amount, purpose, in_kind, donor } => {
            let donor = (kind == Kind::Receipt).then(|| pick(book.donors.len(), donor)).flatten();
            Action::Fund(FundAction::Issue(draft(kind, day, amount, purpose, in_kind, donor)))
        }
        Op::Edit { pick: p, day, amount, purpose, in_kind } => {
            let id = pick(n_v, p)?;
            let v = &book.vouchers[id];
            // Keep the year (a change of year is refused anyway), vary the rest.
            let day = (v.body.date - date(0)).num_days().clamp(0, 729) as u16 / 365 * 365 + day % 365;
            Action::Fund(FundAction::EditVoucher(id, draft(v.body.kind, day, amount, purpose, in_kind, v.body.donor)))
        }
        Op::Void { pick: p, reason } => {
            let id = pick(n_v, p)?;
            let date = book.vouchers[id].body.date + chrono::Duration::days(3);
            Action::Fund(FundAction::Void { id, date, reason: if reason { "Ghi nhầm".into() } else { " ".into() } })
        }
        Op::Import { rows } => {
            let drafts =
                rows.iter().map(|&(d, a, p)| draft(Kind::Receipt, d, a, p, false, Some(book.donors.len()))).collect();
            let donor = Donor { name: format!("Nhà tài trợ {}", book.donors.len()), ..Default::default() };
            Action::Fund(FundAction::ImportReceipts { donors: vec![donor], drafts })
        }
        Op::AddDonor { kind } => Action::Fund(FundAction::AddDonor(Donor {
            name: format!("Nhà tài trợ {}", book.donors.len()),
            kind: DonorType::ALL[kind as usize % DonorType::ALL.len()],
            ..Default::default()
        })),
        Op::EditDonor { pick: p, kind } => {
            let id = pick(book.donors.len(), p)?;
            let d = &book.donors[id];
            Action::Fund(FundAction::EditDonor(
                id,
                Donor { kind: DonorType::ALL[kind as usize % DonorType::ALL.len()], ..d.clone() },
            ))
        }
        Op::AddList { students, amount, purpose, year } => {
            let awardees = (0..students)
                .map(|i| Awardee {
                    name: format!("Học sinh {n_l}-{i}"),
                    birth: NaiveDate::from_ymd_opt(2010, 1, 1 + u32::from(i)),
                    school: "THPT Đông Hà".into(),
                    prize: Prize::Third,
                    amount: Vnd(i64::from(amount) * 1_000),
                    ..Default::default()
                })
                .collect();
            let list = AwardList {
                title: format!("Danh sách {n_l}"),
                year: if year { 2025 } else { 2024 },
                purpose: PURPOSES[purpose as usize % 3].into(),
                awardees,
                ..Default::default()
            };
            Action::Award(AwardAction::AddList(Box::new(list)))
        }
        Op::Status { pick: p, to } => {
            let list = pick(n_l, p)?;
            let status = [
                ListStatus::Draft,
                ListStatus::Agreed,
                ListStatus::Approved,
                ListStatus::Cancelled,
                ListStatus::Agreed,
            ][to as usize % 5];
            Action::Award(AwardAction::SetStatus { list, status })
        }
        Op::Pay { pick: p, each } => {
            let list = pick(n_l, p)?;
            let date = NaiveDate::from_ymd_opt(book.award_lists[list].year, 10, 2)?;
            Action::Award(AwardAction::Pay { list, per_awardee: each, date })
        }
        Op::Advance { pick: p, each } => {
            let list = pick(n_l, p)?;
            let l = &book.award_lists[list];
            let status = match l.status {
                ListStatus::Draft => ListStatus::Agreed,
                ListStatus::Agreed => ListStatus::Approved,
                ListStatus::Approved => {
                    let date = NaiveDate::from_ymd_opt(l.year, 10, 2)?;
                    return Some(Action::Award(AwardAction::Pay { list, per_awardee: each, date }));
                }
                _ => return None,
            };
            Action::Award(AwardAction::SetStatus { list, status })
        }
        Op::ReopenList { pick: p } => {
            Action::Award(AwardAction::Reopen { list: pick(n_l, p)?, reason: "Bổ sung học sinh".into() })
        }
        Op::RemoveStudent { pick: p } => Action::Award(AwardAction::RemoveAwardee { list: pick(n_l, p)?, index: 0 }),
        Op::Close { year } => {
            let year = if year { 2025 } else { 2024 };
            Action::CloseYear { year, date: NaiveDate::from_ymd_opt(2026, 1, 15)? }
        }
        Op::Reopen { year } => {
            Action::ReopenYear { year: if year { 2025 } else { 2024 }, reason: "Sửa số liệu".into() }
        }
        Op::Settings { pattern, enforce } => {
            let (r, p) = PATTERNS[pattern as usize % 3];
            Action::SetSettings(Settings {
                receipt_pattern: r.into(),
                payment_pattern: p.into(),
                enforce_restricted: enforce,
                ..book.settings.clone()
            })
        }
        Op::Target { year, amount } => Action::Fund(FundAction::SetTarget {
            year: if year { 2025 } else { 2024 },
            amount: (amount > 0).then(|| Vnd(i64::from(amount) * 100_000)),
        }),
        Op::Sheet { subject, year, score } => {
            let s = pick(book.learning.subjects.len(), subject)?;
            let kind = book.learning.subjects[s].kind;
            let set = book.learning.sets.iter().rev().find(|c| c.model == kind)?;
            let values = (0..set.item_count())
                .map(|i| Value {
                    score: u16::from(score),
                    met: (i + score as usize).is_multiple_of(2),
                    ..Default::default()
                })
                .collect();
            let mut sheet = ScoreSheet {
                subject: s,
                year: if year { 2025 } else { 2024 },
                set: set.id,
                values,
                ..Default::default()
            };
            // Evidence on some items, and on one past the set's last item (which is dropped).
            for k in (usize::from(score) % 3..=set.item_count()).step_by(3) {
                sheet.evidence.set(k, format!(" Biên bản  {k} ").into());
            }
            Action::Learning(LearningAction::SaveSheets(vec![sheet]))
        }
        Op::Replace { snapshot } => {
            let d = snapshots.get(pick(snapshots.len(), snapshot)?)?;
            Action::ReplaceBook { book: Box::new(d.book.clone()), log: d.log.clone() }
        }
        Op::Undo | Op::Redo => return None,
    })
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut data = start();
    let mut history = History::default();
    let mut snapshots = vec![data.clone()];
    for (step, op) in ops.iter().enumerate() {
        let before = data.clone();
        let moved = match op {
            Op::Undo => history.undo(&mut data, now()),
            Op::Redo => history.redo(&mut data, now()),
            _ => match action(op, &data.book, &snapshots) {
                None => false,
                Some(a) => match history.commit(&mut data, a, now()) {
                    Ok(()) => true,
                    Err(e) => {
                        prop_assert!(
                            data == before,
                            "step {} {:?} refused ({:?}) but changed: {}",
                            step,
                            op,
                            e,
                            diff(&data.book, &before.book)
                        );
                        check_refusal(&e);
                        false
                    }
                },
            },
        };
        let broken = violations(&data.book);
        prop_assert!(broken.is_empty(), "step {} {:?} broke {:?}", step, op, broken);
        if moved {
            // Undo then redo is the identity on the book.
            let (mut d, mut h) = (data.clone(), history.clone());
            if h.undo(&mut d, now()) {
                prop_assert!(
                    violations(&d.book).is_empty(),
                    "undo after step {} broke {:?}",
                    step,
                    violations(&d.book)
                );
                prop_assert!(h.redo(&mut d, now()));
                prop_assert!(
                    d.book == data.book,
                    "undo∘redo after step {} {:?}: {}",
                    step,
                    op,
                    diff(&d.book, &data.book)
                );
            }
            if step.is_multiple_of(4) {
                snapshots.push(data.clone());
            }
        }
        let text = to_text(&data).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert!(back == data, "write∘read after step {}: {}", step, diff(&back.book, &data.book));
    }
    // Saved and read back through the folder: from the snapshot beside the text.
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let store = Store::new(dir.path());
    store.write(&data).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(store.has_snapshot());
    match store.load() {
        Loaded::Ok(back) => prop_assert!(back == data, "snapshot: {}", diff(&back.book, &data.book)),
        other => prop_assert!(false, "snapshot read as {other:?}"),
    }
    Ok(())
}

/// Where two books differ, briefly (a whole book's Debug is too long to read).
fn diff(a: &Book, b: &Book) -> String {
    let mut out = Vec::new();
    if a.vouchers != b.vouchers {
        let first = a.vouchers.iter().zip(&b.vouchers).position(|(x, y)| x != y);
        out.push(format!("vouchers ({} vs {}, first differing {first:?})", a.vouchers.len(), b.vouchers.len()));
    }
    if a.donors != b.donors {
        out.push("donors".into());
    }
    if a.award_lists != b.award_lists {
        out.push("award lists".into());
    }
    if a.closed != b.closed {
        out.push(format!("closed {:?} vs {:?}", a.closed, b.closed));
    }
    if a.settings != b.settings {
        out.push("settings".into());
    }
    if a.learning != b.learning {
        out.push("learning".into());
    }
    if out.is_empty() { "the rest of the book".into() } else { out.join(", ") }
}

/// Refusals are the book's rules speaking, never an internal error.
fn check_refusal(e: &ActionError) {
    assert!(!matches!(e, ActionError::NoSuchDonor), "the generator only names donors that exist: {e:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_rules_hold_under_any_sequence(ops in proptest::collection::vec(op(), 1..60)) {
        run(&ops)?;
    }
}

/// The sequences that found bugs while this was written, kept as plain tests.
#[test]
fn a_payment_from_a_general_fund_that_holds_only_earmarked_money_is_refused() {
    let ops = [
        Op::Issue { kind: Kind::Receipt, day: 10, amount: 1000, purpose: 1, in_kind: false, donor: 0 },
        Op::Issue { kind: Kind::Payment, day: 20, amount: 500, purpose: 0, in_kind: false, donor: 0 },
        Op::Undo,
        Op::Undo,
        Op::Redo,
    ];
    run(&ops).expect("holds");
}
