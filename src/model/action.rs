//! Actions: the only way the book changes. `apply` validates, performs, and returns the
//! changes it made so they can be undone, redone and logged.

use crate::model::awards::action::AwardAction;
use crate::model::book::{Book, Commune, Settings};
use crate::model::change::{Change, Dir, Slot, Whole};
use crate::model::error::{ActionError, Field};
use crate::model::fund::action::FundAction;
use crate::model::fund::ledger::Funds;
use crate::model::learning::action::LearningAction;
use crate::model::log::Label;
use crate::model::plans::action::PlanAction;
use crate::model::text::{NAME_MAX, PATTERN_MAX, clean, fit};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Vouchers, donors and the yearly target (see `fund::action`).
    Fund(FundAction),
    SetSettings(Settings),
    SetCommunes(Vec<Commune>),
    /// Another book in place of this one, with its own change log (the import itself is
    /// logged on top; undo brings back this book and its log).
    ReplaceBook {
        book: Box<Book>,
        log: Vec<crate::model::log::LogEntry>,
    },
    Award(AwardAction),
    Learning(LearningAction),
    Plan(PlanAction),
    /// Locks a reported year; `date` is the day it is closed.
    CloseYear {
        year: i32,
        date: NaiveDate,
    },
    ReopenYear {
        year: i32,
        reason: String,
    },
    /// An action already worked out and checked by `prepare` off the window's thread, on the
    /// book of revision `base` (an import of 100,000 rows): it goes in only on that book.
    Prepared {
        base: u64,
        label: Label,
        changes: Vec<Change>,
    },
}

/// Validates and performs an action. On error the book is unchanged.
///
/// After the action no part of the fund is lower than zero in cash (or lower than it was,
/// in a book that came in that way), and no closed year reports anything different.
/// A whole-book replace is the user's confirmed choice of another book and is not compared.
pub fn apply(book: &mut Book, action: Action) -> Result<(Label, Vec<Change>), ActionError> {
    let (label, changes) = prepare(book, action)?;
    Ok((label, settle(book, changes)?))
}

/// Makes prepared changes: the last step of `apply`, once the log has read them.
pub fn settle(book: &mut Book, changes: Vec<Change>) -> Result<Vec<Change>, ActionError> {
    let indirect = !book.closed.is_empty() && changes.iter().any(Change::indirect);
    let changes: Vec<Change> = changes.into_iter().map(|c| c.settle(book)).collect();
    if indirect && let Some(year) = crate::model::closing::changed_years(book).first().copied() {
        for c in changes.iter().rev() {
            c.set(book, Dir::Back);
        }
        return Err(ActionError::ClosedFigures(year));
    }
    Ok(changes)
}

/// Works out an action's changes and checks everything that can be checked without making
/// them: the rules of each kind of action, closed years, text bounds and the fund's parts.
/// It reads the book only, so it can run off the window's thread on a shared book.
pub fn prepare(book: &Book, action: Action) -> Result<(Label, Vec<Change>), ActionError> {
    if let Action::Prepared { label, changes, .. } = action {
        // Checked already, on this same book (the app compares the revision).
        return Ok((label, changes));
    }
    let replace = matches!(action, Action::ReplaceBook { .. });
    let (label, changes) = plan(book, action)?;
    crate::model::closing::check(book, &changes)?;
    crate::model::limits::check(&changes)?;
    if !replace && changes.iter().any(|c| matches!(c, Change::Voucher(_))) {
        let before = Funds::of(&book.vouchers);
        let mut after = before.clone();
        for c in &changes {
            if let Change::Voucher(Slot { before: was, after: now, .. }) = c {
                // A voucher's earlier self leaves the fund, its new self comes in.
                if let Some(v) = was {
                    after.take(v);
                }
                if let Some(v) = now {
                    after.add(v);
                }
            }
        }
        if let Some((fund, available, after)) = Funds::shortfall(&before, &after, book.settings.enforce_restricted) {
            return Err(ActionError::FundShort { fund, available, after });
        }
    }
    Ok((label, changes))
}

/// Works out the changes an action makes without touching the book.
fn plan(book: &Book, action: Action) -> Result<(Label, Vec<Change>), ActionError> {
    Ok(match action {
        Action::Fund(a) => crate::model::fund::action::plan(book, a)?,
        Action::SetSettings(s) => {
            let ok = |p: &str| crate::model::fund::ledger::valid_pattern(p);
            if !ok(&s.receipt_pattern) || !ok(&s.payment_pattern) || s.receipt_pattern == s.payment_pattern {
                return Err(ActionError::BadPattern);
            }
            if crate::model::fund::rules::patterns_clash(book, &s) {
                return Err(ActionError::BadPattern);
            }
            if s.enforce_restricted
                && !book.settings.enforce_restricted
                && let Some((fund, balance)) = Funds::of(&book.vouchers).negative(true).into_iter().next()
            {
                return Err(ActionError::ChecksBroken { fund, balance });
            }
            let s = Settings { org_name: clean(&s.org_name), ..s };
            fit(Field::OrgName, &s.org_name, NAME_MAX)?;
            fit(Field::Pattern, &s.receipt_pattern, PATTERN_MAX)?;
            fit(Field::Pattern, &s.payment_pattern, PATTERN_MAX)?;
            (Label::Settings, vec![Change::Settings(Whole::new(Box::new(book.settings.clone()), Box::new(s)))])
        }
        Action::SetCommunes(list) => {
            let mut seen = std::collections::HashSet::new();
            let mut cleaned = Vec::new();
            for c in list {
                let c = Commune { kind: clean(&c.kind), name: clean(&c.name) };
                if c.name.is_empty() {
                    return Err(ActionError::EmptyName);
                }
                fit(Field::Commune, &c.name, NAME_MAX)?;
                if !seen.insert(c.name.clone()) {
                    return Err(ActionError::DuplicateCommune(c.name));
                }
                cleaned.push(c);
            }
            (Label::Communes, vec![Change::Communes(Whole::new(book.communes.clone(), cleaned))])
        }
        Action::Award(a) => crate::model::awards::action::plan(book, a)?,
        Action::Learning(a) => crate::model::learning::action::plan(book, a)?,
        Action::Plan(a) => crate::model::plans::action::plan(book, a)?,
        Action::CloseYear { year, date } => crate::model::closing::close(book, year, date)?,
        Action::ReopenYear { year, reason } => crate::model::closing::reopen(book, year, &reason)?,
        Action::Prepared { label, changes, .. } => (label, changes),
        Action::ReplaceBook { book: new, .. } => {
            (Label::ReplaceBook, vec![Change::Book(Whole::new(Box::new(book.clone()), new))])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fund::donors::Donor;
    use crate::model::fund::ledger::Kind;
    use crate::model::fund::ledger::Void;
    use crate::model::fund::ledger::tests::{day, draft};
    use crate::model::fund::ledger::{Fund, Method, UNDO_REASON};
    use crate::model::money::Vnd;

    fn book() -> Book {
        Book::default()
    }

    fn undo(book: &mut Book, changes: &[Change]) {
        for c in changes.iter().rev() {
            c.set(book, Dir::Back);
        }
    }

    #[test]
    fn numbers_are_gapless_and_an_undone_number_is_never_given_again() {
        use crate::model::book::Data;
        use crate::model::history::History;
        let at = day(2025, 4, 2).and_hms_opt(9, 0, 0).expect("time");
        let mut data = Data::default();
        let mut h = History::default();
        let issue = |data: &mut Data, h: &mut History, kind, date, amount| {
            h.commit(data, Action::Fund(FundAction::Issue(draft(kind, date, amount, ""))), at).expect("issues")
        };
        issue(&mut data, &mut h, Kind::Receipt, day(2025, 3, 1), 500_000);
        issue(&mut data, &mut h, Kind::Receipt, day(2025, 3, 2), 200_000);
        issue(&mut data, &mut h, Kind::Payment, day(2025, 3, 3), 100_000);
        let numbers: Vec<&str> = data.book.vouchers.iter().map(|v| v.number.as_str()).collect();
        assert_eq!(numbers, ["PT-2025-0001", "PT-2025-0002", "PC-2025-0001"]);
        issue(&mut data, &mut h, Kind::Receipt, day(2025, 4, 1), 1);
        let issued = data.book.clone();
        assert!(h.undo(&mut data, at));
        let undone = &data.book.vouchers[3];
        assert_eq!(undone.number, "PT-2025-0003", "the number stays, voided");
        assert_eq!(undone.void.as_deref(), Some(&Void { date: day(2025, 4, 2), reason: UNDO_REASON.into() }));
        assert!(h.redo(&mut data, at));
        assert_eq!(data.book, issued, "redo brings it back exactly");
        assert!(h.undo(&mut data, at));
        issue(&mut data, &mut h, Kind::Receipt, day(2025, 4, 1), 1);
        assert_eq!(data.book.vouchers[4].number, "PT-2025-0004", "never PT-2025-0003 again");
        issue(&mut data, &mut h, Kind::Receipt, day(2026, 1, 1), 1);
        assert_eq!(data.book.vouchers[5].number, "PT-2026-0001");
    }

    #[test]
    fn voiding_keeps_the_number_and_needs_a_reason() {
        let mut b = book();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 1), 500_000, "")))).expect("ok");
        let no_reason = Action::Fund(FundAction::Void { id: 0, date: day(2025, 3, 5), reason: "  ".into() });
        assert_eq!(apply(&mut b, no_reason), Err(ActionError::EmptyReason));
        let early = Action::Fund(FundAction::Void { id: 0, date: day(2025, 2, 5), reason: "Sai".into() });
        assert_eq!(apply(&mut b, early), Err(ActionError::VoidBeforeIssue));
        let (_, ch) =
            apply(&mut b, Action::Fund(FundAction::Void { id: 0, date: day(2025, 3, 5), reason: "Ghi trùng".into() }))
                .expect("ok");
        assert_eq!(b.vouchers.len(), 1);
        assert_eq!(b.vouchers[0].number, "PT-2025-0001");
        assert_eq!(b.vouchers[0].void.as_ref().map(|v| v.reason.as_str()), Some("Ghi trùng"));
        let again = Action::Fund(FundAction::Void { id: 0, date: day(2025, 3, 6), reason: "x".into() });
        assert_eq!(apply(&mut b, again), Err(ActionError::AlreadyVoid));
        let edit = Action::Fund(FundAction::EditVoucher(0, draft(Kind::Receipt, day(2025, 3, 1), 1, "")));
        assert_eq!(apply(&mut b, edit), Err(ActionError::EditVoided));
        undo(&mut b, &ch);
        assert!(b.vouchers[0].void.is_none());
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 9), 1, "")))).expect("ok");
        assert_eq!(b.vouchers[1].number, "PT-2025-0002", "a voided number is never reused");
    }

    #[test]
    fn restricted_purpose_cannot_go_below_zero() {
        let mut b = book();
        apply(
            &mut b,
            Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 1), 1_000_000, "Học bổng vùng cao"))),
        )
        .expect("ok");
        let too_much = draft(Kind::Payment, day(2025, 4, 1), 1_500_000, "Học bổng vùng cao");
        assert_eq!(
            apply(&mut b, Action::Fund(FundAction::Issue(too_much.clone()))),
            Err(ActionError::FundShort {
                fund: Fund::Purpose("Học bổng vùng cao".into()),
                available: Vnd(1_000_000),
                after: Vnd(-500_000)
            })
        );
        assert_eq!(b.vouchers.len(), 1, "nothing saved");
        apply(
            &mut b,
            Action::Fund(FundAction::Issue(draft(Kind::Payment, day(2025, 4, 1), 600_000, "Học bổng vùng cao"))),
        )
        .expect("ok");
        // Voiding the receipt would leave the purpose at -600.000.
        let void = Action::Fund(FundAction::Void { id: 0, date: day(2025, 5, 1), reason: "Sai".into() });
        assert!(matches!(apply(&mut b, void), Err(ActionError::FundShort { .. })));
        // Editing the payment up to the whole purpose is allowed; beyond it is not.
        let edit = draft(Kind::Payment, day(2025, 4, 1), 1_000_000, "Học bổng vùng cao");
        assert!(apply(&mut b, Action::Fund(FundAction::EditVoucher(1, edit))).is_ok());
        // The check can be switched off for funds not under NĐ 93: then only the whole fund
        // counts, and it holds nothing more.
        b.settings.enforce_restricted = false;
        assert!(matches!(
            apply(&mut b, Action::Fund(FundAction::Issue(too_much.clone()))),
            Err(ActionError::FundShort { fund: Fund::Total, .. })
        ));
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 4, 2), 2_000_000, ""))))
            .expect("ok");
        assert!(apply(&mut b, Action::Fund(FundAction::Issue(too_much))).is_ok());
    }

    #[test]
    fn earmarked_money_is_not_spent_by_a_general_payment_nor_edited_away() {
        let mut b = book();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 1), 1_000_000, "Học bổng"))))
            .expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 2), 300_000, "")))).expect("ok");
        // A payment without a purpose may spend the 300.000 given without one, no more.
        let general = draft(Kind::Payment, day(2025, 4, 1), 500_000, "");
        assert_eq!(
            apply(&mut b, Action::Fund(FundAction::Issue(general))),
            Err(ActionError::FundShort { fund: Fund::Unrestricted, available: Vnd(300_000), after: Vnd(-200_000) })
        );
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Payment, day(2025, 4, 1), 800_000, "Học bổng"))))
            .expect("ok");
        let before = b.clone();
        // The restricted receipt cannot be lowered, moved to another purpose or made in kind
        // below what was spent from it.
        let lower = draft(Kind::Receipt, day(2025, 3, 1), 700_000, "Học bổng");
        assert!(matches!(
            apply(&mut b, Action::Fund(FundAction::EditVoucher(0, lower))),
            Err(ActionError::FundShort { .. })
        ));
        let moved = draft(Kind::Receipt, day(2025, 3, 1), 1_000_000, "Sách");
        assert!(matches!(
            apply(&mut b, Action::Fund(FundAction::EditVoucher(0, moved))),
            Err(ActionError::FundShort { .. })
        ));
        let mut in_kind = draft(Kind::Receipt, day(2025, 3, 1), 1_000_000, "Học bổng");
        in_kind.method = Method::InKind;
        assert!(matches!(
            apply(&mut b, Action::Fund(FundAction::EditVoucher(0, in_kind))),
            Err(ActionError::FundShort { .. })
        ));
        assert_eq!(b, before, "each refusal changed nothing");
        let fine = draft(Kind::Receipt, day(2025, 3, 1), 800_000, "Học bổng");
        assert!(
            apply(&mut b, Action::Fund(FundAction::EditVoucher(0, fine))).is_ok(),
            "down to what was spent is fine"
        );
    }

    #[test]
    fn in_kind_payment_needs_no_cash() {
        let mut b = book();
        let mut gift = draft(Kind::Payment, day(2025, 4, 1), 900_000, "Sách");
        gift.method = Method::InKind;
        assert!(apply(&mut b, Action::Fund(FundAction::Issue(gift))).is_ok());
    }

    #[test]
    fn bad_input_changes_nothing() {
        let mut b = book();
        let mut d = draft(Kind::Receipt, day(2025, 3, 1), 0, "");
        assert_eq!(apply(&mut b, Action::Fund(FundAction::Issue(d.clone()))), Err(ActionError::ZeroAmount));
        d.amount = Vnd(5);
        d.counterparty = "   ".into();
        assert_eq!(apply(&mut b, Action::Fund(FundAction::Issue(d))), Err(ActionError::EmptyCounterparty));
        assert_eq!(apply(&mut b, Action::Fund(FundAction::AddDonor(Donor::default()))), Err(ActionError::EmptyName));
        assert_eq!(b, Book::default());
    }

    #[test]
    fn text_is_stored_as_nfc() {
        let mut b = book();
        let mut d = draft(Kind::Receipt, day(2025, 3, 1), 5, "");
        d.counterparty = "Nguye\u{0302}\u{0303}n  Va\u{0306}n An ".into();
        apply(&mut b, Action::Fund(FundAction::Issue(d))).expect("ok");
        assert_eq!(b.vouchers[0].body.counterparty, "Nguyễn Văn An");
    }

    #[test]
    fn import_is_one_step_with_new_donors_and_continues_numbering() {
        let mut b = book();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2024, 3, 1), 5, "")))).expect("ok");
        let mut d1 = draft(Kind::Receipt, day(2024, 5, 1), 10, "");
        d1.donor = Some(0);
        let d2 = draft(Kind::Receipt, day(2025, 5, 1), 20, "");
        let donor = Donor { name: "Công ty Sao Mai".into(), ..Default::default() };
        let (label, changes) =
            apply(&mut b, Action::Fund(FundAction::ImportReceipts { donors: vec![donor], drafts: vec![d1, d2] }))
                .expect("ok");
        assert_eq!(label, Label::Import(2));
        assert_eq!(changes.len(), 3);
        let numbers: Vec<&str> = b.vouchers.iter().map(|v| v.number.as_str()).collect();
        assert_eq!(numbers, ["PT-2024-0001", "PT-2024-0002", "PT-2025-0001"]);
        undo(&mut b, &changes);
        assert_eq!((b.vouchers.len(), b.donors.len()), (1, 0));
    }

    #[test]
    fn settings_need_a_sequence_and_a_year() {
        let mut b = book();
        let s = Settings { receipt_pattern: "PT-{yyyy}".into(), ..Settings::default() };
        assert_eq!(apply(&mut b, Action::SetSettings(s)), Err(ActionError::BadPattern));
        let s = Settings { receipt_pattern: "{nnn}/PT/{yyyy}".into(), ..Settings::default() };
        assert!(apply(&mut b, Action::SetSettings(s)).is_ok());
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 3, 1), 5, "")))).expect("ok");
        assert_eq!(b.vouchers[0].number, "001/PT/2025");
    }
}
