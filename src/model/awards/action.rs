//! The award-list actions: lists, awardees, status, payout into the ledger, scales.

use crate::model::awards::scales::{NATIONAL, Scale};
use crate::model::awards::{AwardList, Awardee, ListKind, ListStatus, checks, sorted_awardees};
use crate::model::book::Book;
use crate::model::change::{Change, Slot, Whole};
use crate::model::error::{ActionError, Field};
use crate::model::fund::ledger::{Category, Kind, Method, VoucherDraft, next_seq};
use crate::model::fund::rules::{issue_with_seq, validate_draft};
use crate::model::log::Label;
use crate::model::money::Vnd;
use crate::model::text::{NAME_MAX, clean, fit};
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Debug, PartialEq)]
pub enum AwardAction {
    AddList(Box<AwardList>),
    /// New title, dates, sponsors…; the awardees, status and payments stay as they are.
    EditList(usize, Box<AwardList>),
    /// Adds an awardee (`index: None`) or replaces one.
    SetAwardee {
        list: usize,
        index: Option<usize>,
        awardee: Box<Awardee>,
    },
    RemoveAwardee {
        list: usize,
        index: usize,
    },
    Import {
        list: usize,
        awardees: Vec<Awardee>,
    },
    SetStatus {
        list: usize,
        status: ListStatus,
    },
    /// Takes an approved list back to draft; the reason stays in the change log.
    Reopen {
        list: usize,
        reason: String,
    },
    /// Creates the payment vouchers: one per awardee, or one for the whole list.
    Pay {
        list: usize,
        per_awardee: bool,
        date: NaiveDate,
    },
    SetScales(Vec<Scale>),
}

fn clean_awardee(a: &Awardee) -> Awardee {
    Awardee {
        name: clean(&a.name),
        ethnicity: clean(&a.ethnicity).into(),
        school: clean(&a.school).into(),
        class: clean(&a.class).into(),
        commune: clean(&a.commune).into(),
        old_place: clean(&a.old_place).into(),
        competition: clean(&a.competition).into(),
        subject: clean(&a.subject).into(),
        circumstances: clean(&a.circumstances).into(),
        override_reason: clean(&a.override_reason).into(),
        note: clean(&a.note).into(),
        ..a.clone()
    }
}

fn check_awardee(a: &Awardee) -> Result<(), ActionError> {
    if a.name.is_empty() {
        return Err(ActionError::EmptyName);
    }
    fit(Field::Name, &a.name, NAME_MAX)?;
    if a.amount.0 < 0 || a.amount.0 > crate::model::money::MAX_AMOUNT {
        return Err(ActionError::TooLarge);
    }
    Ok(())
}

fn list_change(book: &Book, id: usize, after: AwardList) -> Change {
    let before = book.award_lists.get(id).cloned().map(Box::new);
    Change::List(Slot { id, before, after: Some(Box::new(after)) })
}

/// The list, if it exists and may still change.
fn editable(book: &Book, id: usize) -> Result<&AwardList, ActionError> {
    let l = book.award_lists.get(id).ok_or(ActionError::NoSuchList)?;
    if l.status.frozen() {
        return Err(ActionError::Frozen);
    }
    Ok(l)
}

pub fn plan(book: &Book, action: AwardAction) -> Result<(Label, Vec<Change>), ActionError> {
    Ok(match action {
        AwardAction::AddList(l) => {
            let l = AwardList {
                title: clean(&l.title),
                status: ListStatus::Draft,
                vouchers: Vec::new(),
                voided: Vec::new(),
                awardees: l.awardees.iter().map(clean_awardee).collect(),
                ..*l
            };
            if l.title.is_empty() {
                return Err(ActionError::EmptyTitle);
            }
            fit(Field::Title, &l.title, NAME_MAX)?;
            let change = Change::List(Slot::added(book.award_lists.len(), l));
            (Label::AddList, vec![change])
        }
        AwardAction::EditList(id, info) => {
            let old = editable(book, id)?;
            let title = clean(&info.title);
            if title.is_empty() {
                return Err(ActionError::EmptyTitle);
            }
            fit(Field::Title, &title, NAME_MAX)?;
            let after = AwardList {
                title,
                school_year: clean(&info.school_year),
                campaign: clean(&info.campaign),
                sponsors: clean(&info.sponsors),
                purpose: clean(&info.purpose),
                decision_no: clean(&info.decision_no),
                awardees: old.awardees.clone(),
                status: old.status,
                reopen_reason: old.reopen_reason.clone(),
                vouchers: old.vouchers.clone(),
                voided: old.voided.clone(),
                ..*info
            };
            (Label::EditList, vec![list_change(book, id, after)])
        }
        AwardAction::SetAwardee { list, index, awardee } => {
            let mut after = editable(book, list)?.clone();
            let a = clean_awardee(&awardee);
            check_awardee(&a)?;
            match index {
                Some(i) => *after.awardees.get_mut(i).ok_or(ActionError::NoSuchAwardee)? = a,
                None => after.awardees.push(a),
            }
            (Label::Awardee, vec![list_change(book, list, after)])
        }
        AwardAction::RemoveAwardee { list, index } => {
            let mut after = editable(book, list)?.clone();
            if index >= after.awardees.len() {
                return Err(ActionError::NoSuchAwardee);
            }
            after.awardees.remove(index);
            (Label::Awardee, vec![list_change(book, list, after)])
        }
        AwardAction::Import { list, awardees } => {
            let mut after = editable(book, list)?.clone();
            if awardees.is_empty() {
                return Err(ActionError::NothingToImport);
            }
            let n = awardees.len();
            for a in &awardees {
                let a = clean_awardee(a);
                check_awardee(&a)?;
                after.awardees.push(a);
            }
            (Label::ImportAwardees(n), vec![list_change(book, list, after)])
        }
        AwardAction::SetStatus { list, status } => {
            let l = book.award_lists.get(list).ok_or(ActionError::NoSuchList)?;
            use ListStatus::*;
            let allowed = matches!(
                (l.status, status),
                (Draft, Agreed)
                    | (Agreed, Draft)
                    | (Agreed, Approved)
                    | (Draft | Agreed, Cancelled)
                    | (Cancelled, Draft)
            );
            if !allowed {
                return Err(ActionError::BadStatus);
            }
            if status == Approved {
                let blocking = checks(book, list).iter().filter(|i| i.blocking()).count();
                if blocking > 0 || l.awardees.is_empty() {
                    return Err(ActionError::ChecksFailed(blocking));
                }
            }
            let after = AwardList { status, ..l.clone() };
            (Label::ListStatus, vec![list_change(book, list, after)])
        }
        AwardAction::Reopen { list, reason } => {
            let l = book.award_lists.get(list).ok_or(ActionError::NoSuchList)?;
            if l.status != ListStatus::Approved {
                return Err(ActionError::BadStatus);
            }
            // Students already paid cannot be edited or removed: void their vouchers first.
            if !l.vouchers.is_empty() {
                return Err(ActionError::HasPayments);
            }
            let reason = clean(&reason);
            if reason.is_empty() {
                return Err(ActionError::EmptyReason);
            }
            let after = AwardList { status: ListStatus::Draft, reopen_reason: reason, ..l.clone() };
            (Label::Reopen, vec![list_change(book, list, after)])
        }
        AwardAction::Pay { list, per_awardee, date } => plan_pay(book, list, per_awardee, date)?,
        AwardAction::SetScales(scales) => {
            let mut seen = std::collections::HashSet::new();
            let mut cleaned = Vec::new();
            for s in scales {
                let s = Scale { name: clean(&s.name), ..s };
                if s.name.is_empty() || s.name == NATIONAL {
                    return Err(ActionError::EmptyName);
                }
                if !seen.insert((s.name.clone(), s.year)) {
                    return Err(ActionError::DuplicateCommune(s.name));
                }
                cleaned.push(s);
            }
            (Label::Scales, vec![Change::Scales(Whole::new(book.scales.clone(), cleaned))])
        }
    })
}

fn plan_pay(book: &Book, id: usize, per_awardee: bool, date: NaiveDate) -> Result<(Label, Vec<Change>), ActionError> {
    let l = book.award_lists.get(id).ok_or(ActionError::NoSuchList)?;
    if l.status != ListStatus::Approved {
        return Err(ActionError::NotApproved);
    }
    let unpaid: Vec<usize> = sorted_awardees(l).into_iter().filter(|&i| l.awardees[i].voucher.is_none()).collect();
    let total: Vnd = unpaid.iter().map(|&i| l.awardees[i].amount).sum();
    if unpaid.is_empty() || total.0 <= 0 {
        return Err(ActionError::NothingToPay);
    }
    let category = match l.kind {
        ListKind::Prize => Category::Award,
        ListKind::Scholarship => Category::Scholarship,
        ListKind::Hardship => Category::Support,
    };
    let draft = |counterparty: String, description: String, amount: Vnd| VoucherDraft {
        kind: Kind::Payment,
        date,
        donor: None,
        counterparty: counterparty.into(),
        description: description.into(),
        amount,
        method: Method::Bank,
        campaign: l.campaign.as_str().into(),
        purpose: l.purpose.as_str().into(),
        category,
    };
    // The fund's balances are checked on the whole payout once it is worked out (`apply`).
    validate_draft(book, &draft(l.title.clone(), l.title.clone(), total))?;
    let mut seq = next_seq(&book.vouchers, Kind::Payment, date.year());
    let mut changes = Vec::new();
    let mut after = l.clone();
    let mut push = |d: VoucherDraft, changes: &mut Vec<Change>| -> usize {
        let id = book.vouchers.len() + changes.len();
        let v = issue_with_seq(book, d, seq);
        seq += 1;
        changes.push(Change::Voucher(Slot::new(id, None, Some(v))));
        id
    };
    if per_awardee {
        for &i in &unpaid {
            let a = &l.awardees[i];
            let what = [a.competition.as_str(), a.subject.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            let description = if what.is_empty() { l.title.clone() } else { format!("{} — {what}", l.title) };
            let v = push(draft(a.name.clone(), description, a.amount), &mut changes);
            after.awardees[i].voucher = Some(v);
            after.vouchers.push(v);
        }
    } else {
        let who = l.sponsor_names().first().cloned().unwrap_or_else(|| format!("{} học sinh", unpaid.len()));
        let v = push(draft(format!("Chi theo danh sách ({who})"), l.title.clone(), total), &mut changes);
        for &i in &unpaid {
            after.awardees[i].voucher = Some(v);
        }
        after.vouchers.push(v);
    }
    after.status = ListStatus::Paid;
    changes.push(list_change(book, id, after));
    Ok((Label::PayList, changes))
}

/// When a payment voucher of a list is voided, the list goes back to approved and its
/// awardees lose the link, so they can be paid again.
pub fn unlink_voided(book: &Book, voucher: usize) -> Vec<Change> {
    book.award_lists
        .iter()
        .enumerate()
        .filter(|(_, l)| l.vouchers.contains(&voucher))
        .map(|(id, l)| {
            let mut after = l.clone();
            after.vouchers.retain(|&v| v != voucher);
            after.voided.push(voucher);
            for a in &mut after.awardees {
                if a.voucher == Some(voucher) {
                    a.voucher = None;
                }
            }
            if after.status == ListStatus::Paid {
                after.status = ListStatus::Approved;
            }
            list_change(book, id, after)
        })
        .collect()
}

/// The list a voucher pays, if any.
pub fn list_of_voucher(book: &Book, voucher: usize) -> Option<usize> {
    book.award_lists.iter().position(|l| l.vouchers.contains(&voucher))
}

/// The list a voucher pays or, voided since, had paid.
pub fn list_paid_by(book: &Book, voucher: usize) -> Option<usize> {
    book.award_lists.iter().position(|l| l.vouchers.contains(&voucher) || l.voided.contains(&voucher))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};
    use crate::model::awards::Prize;
    use crate::model::awards::tests::{list, student};
    use crate::model::fund::action::FundAction;
    use crate::model::fund::ledger::tests::{day, draft};

    fn funded_book() -> Book {
        let mut b = Book::default();
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 5), 50_000_000, ""))))
            .expect("ok");
        apply(&mut b, Action::Fund(FundAction::Issue(draft(Kind::Receipt, day(2025, 1, 6), 3_000_000, "Giải HSG"))))
            .expect("ok");
        let l = list(
            "HSG quốc gia 2025",
            vec![student("Trần An", Prize::Second, 2_000_000), student("Lê Bình", Prize::Third, 1_000_000)],
        );
        apply(&mut b, Action::Award(AwardAction::AddList(Box::new(l)))).expect("ok");
        b
    }

    fn act(b: &mut Book, a: AwardAction) -> Result<Vec<Change>, ActionError> {
        apply(b, Action::Award(a)).map(|(_, c)| c)
    }

    #[test]
    fn status_goes_draft_agreed_approved_and_approved_is_frozen() {
        let mut b = funded_book();
        let approve = AwardAction::SetStatus { list: 0, status: ListStatus::Approved };
        assert_eq!(act(&mut b, approve.clone()), Err(ActionError::BadStatus), "agree with the Department first");
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Agreed }).expect("agreed");
        act(&mut b, approve).expect("approved");
        let edit = AwardAction::SetAwardee {
            list: 0,
            index: None,
            awardee: Box::new(student("Võ Cường", Prize::First, 4_000_000)),
        };
        assert_eq!(act(&mut b, edit.clone()), Err(ActionError::Frozen));
        assert_eq!(act(&mut b, AwardAction::Reopen { list: 0, reason: " ".into() }), Err(ActionError::EmptyReason));
        act(&mut b, AwardAction::Reopen { list: 0, reason: "Bổ sung học sinh".into() }).expect("reopened");
        assert_eq!(b.award_lists[0].status, ListStatus::Draft);
        assert_eq!(b.award_lists[0].reopen_reason, "Bổ sung học sinh");
        act(&mut b, edit).expect("editable again");
        assert_eq!(b.award_lists[0].awardees.len(), 3);
    }

    #[test]
    fn approval_is_refused_while_checks_fail() {
        let mut b = funded_book();
        let dup = student("trần an", Prize::Second, 2_000_000);
        act(&mut b, AwardAction::SetAwardee { list: 0, index: None, awardee: Box::new(dup) }).expect("added");
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Agreed }).expect("agreed");
        let approve = AwardAction::SetStatus { list: 0, status: ListStatus::Approved };
        assert_eq!(act(&mut b, approve), Err(ActionError::ChecksFailed(1)));
    }

    #[test]
    fn payout_creates_linked_vouchers_and_voiding_returns_to_approved() {
        let mut b = funded_book();
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Agreed }).expect("ok");
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Approved }).expect("ok");
        let pay = AwardAction::Pay { list: 0, per_awardee: true, date: day(2025, 10, 2) };
        let changes = act(&mut b, pay).expect("paid");
        assert_eq!(changes.len(), 3, "two vouchers and the list");
        let l = &b.award_lists[0];
        assert_eq!(l.status, ListStatus::Paid);
        assert_eq!(l.vouchers, vec![2, 3]);
        // Sorted by given name: An before Bình.
        assert_eq!(b.vouchers[2].body.counterparty, "Trần An");
        assert_eq!(b.vouchers[2].number, "PC-2025-0001");
        assert_eq!(b.vouchers[2].body.category, Category::Award);
        assert_eq!(l.awardees[0].voucher, Some(2));
        assert_eq!(list_of_voucher(&b, 3), Some(0));
        // Editing a paid voucher would split it from its list: void it instead.
        let edit = Action::Fund(FundAction::EditVoucher(3, b.vouchers[3].body.clone()));
        assert_eq!(apply(&mut b, edit), Err(ActionError::LinkedToList));
        apply(&mut b, Action::Fund(FundAction::Void { id: 3, date: day(2025, 10, 3), reason: "Sai tài khoản".into() }))
            .expect("void");
        let l = &b.award_lists[0];
        assert_eq!(l.status, ListStatus::Approved);
        assert_eq!(l.awardees[1].voucher, None);
        assert_eq!(l.awardees[0].voucher, Some(2), "the other payment stands");
        assert_eq!(l.voided, vec![3], "the voided payout still names its list");
        assert_eq!((list_of_voucher(&b, 3), list_paid_by(&b, 3)), (None, Some(0)));
        // Paying again pays only the one left, as a single voucher.
        act(&mut b, AwardAction::Pay { list: 0, per_awardee: false, date: day(2025, 10, 5) }).expect("paid");
        assert_eq!(b.vouchers[4].body.amount, Vnd(1_000_000));
        assert_eq!(b.award_lists[0].status, ListStatus::Paid);
        assert_eq!((list_of_voucher(&b, 4), list_paid_by(&b, 3)), (Some(0), Some(0)));
        assert_eq!(crate::model::check::violations(&b), Vec::new());
    }

    #[test]
    fn a_voided_payout_keeps_its_list_through_undo_and_redo_and_an_undone_payout_is_as_if_never_paid() {
        use crate::model::book::Data;
        use crate::model::history::History;
        let mut data = Data::new(funded_book());
        let mut h = History::default();
        let at = day(2025, 10, 2).and_hms_opt(9, 0, 0).expect("time");
        let mut commit = |data: &mut Data, a: Action| h.commit(data, a, at).expect("ok");
        for status in [ListStatus::Agreed, ListStatus::Approved] {
            commit(&mut data, Action::Award(AwardAction::SetStatus { list: 0, status }));
        }
        let approved = data.book.award_lists[0].clone();
        let pay = AwardAction::Pay { list: 0, per_awardee: true, date: day(2025, 10, 2) };
        commit(&mut data, Action::Award(pay));
        let void = FundAction::Void { id: 2, date: day(2025, 10, 3), reason: "Sai tên".into() };
        commit(&mut data, Action::Fund(void));
        let voided = data.book.clone();
        assert_eq!(voided.award_lists[0].voided, vec![2]);
        assert!(h.undo(&mut data, at));
        assert_eq!(list_of_voucher(&data.book, 2), Some(0), "the void undone: it pays again");
        assert!(data.book.award_lists[0].voided.is_empty());
        assert!(h.redo(&mut data, at));
        assert_eq!(data.book, voided, "redo is exact");
        assert_eq!(list_paid_by(&data.book, 2), Some(0));
        // Undo the void and the payout: the list is as it was before it was paid.
        assert!(h.undo(&mut data, at) && h.undo(&mut data, at));
        assert_eq!(data.book.award_lists[0], approved);
        assert!(data.book.vouchers[2..].iter().all(|v| !v.is_live()), "the numbers stay taken, voided");
        assert_eq!(crate::model::check::violations(&data.book), Vec::new());
    }

    #[test]
    fn payout_respects_the_restricted_purpose() {
        let mut b = funded_book();
        let mut info = b.award_lists[0].clone();
        info.purpose = "Giải HSG".into();
        act(&mut b, AwardAction::EditList(0, Box::new(info))).expect("ok");
        act(
            &mut b,
            AwardAction::SetAwardee {
                list: 0,
                index: Some(1),
                awardee: Box::new(student("Lê Bình", Prize::Third, 1_500_000)),
            },
        )
        .expect("ok");
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Agreed }).expect("ok");
        assert_eq!(
            act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Approved }),
            Err(ActionError::ChecksFailed(1)),
            "3.500.000 asked, 3.000.000 held"
        );
        b.settings.enforce_restricted = false;
        act(&mut b, AwardAction::SetStatus { list: 0, status: ListStatus::Approved }).expect("checks off");
        b.settings.enforce_restricted = true;
        let pay = AwardAction::Pay { list: 0, per_awardee: false, date: day(2025, 10, 2) };
        assert!(matches!(act(&mut b, pay), Err(ActionError::FundShort { .. })));
        assert_eq!(b.vouchers.len(), 2, "nothing paid");
    }

    #[test]
    fn scales_need_distinct_names_and_cannot_replace_the_national_one() {
        let mut b = Book::default();
        let s = crate::model::awards::scales::association_example(2025);
        assert_eq!(
            act(&mut b, AwardAction::SetScales(vec![s.clone(), s.clone()])),
            Err(ActionError::DuplicateCommune(s.name.clone()))
        );
        let national = crate::model::awards::scales::national(2025);
        assert_eq!(act(&mut b, AwardAction::SetScales(vec![national])), Err(ActionError::EmptyName));
        act(&mut b, AwardAction::SetScales(vec![s])).expect("ok");
        assert_eq!(b.scales.len(), 1);
    }
}
