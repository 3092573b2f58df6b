//! Learning-model actions: criteria sets (a used set is never changed under its sheets:
//! editing makes a new version), subjects, score sheets, decisions, targets.

use crate::model::book::Book;
use crate::model::change::{Change, Slot, Whole};
use crate::model::error::{ActionError, Field};
use crate::model::learning::{CriteriaSet, Decision, ModelKind, ScoreSheet, Subject, Value};
use crate::model::log::Label;
use crate::model::text::{NAME_MAX, clean, fit};

#[derive(Clone, Debug, PartialEq)]
pub enum LearningAction {
    /// A new set (unknown id) or an edit of one: a used or built-in set gets a new version.
    SaveSet(Box<CriteriaSet>),
    CopySet(u32),
    AddSubject(Subject),
    EditSubject(usize, Subject),
    /// Sheets to add or replace (one per subject, year and set): one undo step.
    SaveSheets(Vec<ScoreSheet>),
    AddDecision(Decision),
    SetTargets(Vec<(ModelKind, u32)>),
}

fn clean_subject(s: &Subject) -> Result<Subject, ActionError> {
    let s = Subject {
        name: clean(&s.name),
        commune: clean(&s.commune),
        village: clean(&s.village),
        contact: clean(&s.contact),
        kind: s.kind,
    };
    if s.name.is_empty() {
        return Err(ActionError::EmptyName);
    }
    fit(Field::Name, &s.name, NAME_MAX)?;
    Ok(s)
}

fn check_set(s: &CriteriaSet) -> Result<(), ActionError> {
    if s.name.trim().is_empty() {
        return Err(ActionError::EmptyName);
    }
    if s.item_count() == 0 {
        return Err(ActionError::EmptySet);
    }
    Ok(())
}

pub fn plan(book: &Book, action: LearningAction) -> Result<(Label, Vec<Change>), ActionError> {
    let l = &book.learning;
    Ok(match action {
        LearningAction::SaveSet(set) => {
            let mut set = *set;
            set.name = clean(&set.name);
            check_set(&set)?;
            let existing = l.sets.iter().position(|s| s.id == set.id && set.id != 0);
            match existing {
                // Sheets keep the version they were scored with: a used set, or a built-in
                // one, is never changed in place.
                Some(i) if l.set_in_use(set.id) || l.sets[i].builtin => {
                    let old = &l.sets[i];
                    let new = CriteriaSet {
                        id: l.next_set_id(),
                        version: old.version + 1,
                        parent: Some(old.id),
                        builtin: false,
                        ..set
                    };
                    let c = Change::Set(Slot::added(l.sets.len(), new));
                    (Label::CriteriaSet, vec![c])
                }
                Some(i) => {
                    let c =
                        Change::Set(Slot::new(i, Some(l.sets[i].clone()), Some(CriteriaSet { builtin: false, ..set })));
                    (Label::CriteriaSet, vec![c])
                }
                None => {
                    let new = CriteriaSet { id: l.next_set_id(), version: 1, parent: None, builtin: false, ..set };
                    let c = Change::Set(Slot::added(l.sets.len(), new));
                    (Label::CriteriaSet, vec![c])
                }
            }
        }
        LearningAction::CopySet(id) => {
            let old = l.set(id).ok_or(ActionError::NoSuchSet)?;
            let new = CriteriaSet {
                id: l.next_set_id(),
                name: format!("{} (bản sao)", old.name),
                version: 1,
                parent: None,
                builtin: false,
                ..old.clone()
            };
            let c = Change::Set(Slot::added(l.sets.len(), new));
            (Label::CriteriaSet, vec![c])
        }
        LearningAction::AddSubject(s) => {
            let s = clean_subject(&s)?;
            (Label::LearningSubject, vec![Change::Subject(Slot::added(l.subjects.len(), s))])
        }
        LearningAction::EditSubject(i, s) => {
            let before = l.subjects.get(i).cloned().ok_or(ActionError::NoSuchSubject)?;
            let s = clean_subject(&s)?;
            (Label::LearningSubject, vec![Change::Subject(Slot::new(i, Some(before), Some(s)))])
        }
        LearningAction::SaveSheets(sheets) => {
            if sheets.is_empty() {
                return Err(ActionError::NothingToImport);
            }
            let mut index: std::collections::HashMap<(usize, i32, u32), usize> =
                l.sheets.iter().enumerate().map(|(i, s)| ((s.subject, s.year, s.set), i)).collect();
            let mut changes = Vec::new();
            let n = sheets.len();
            for mut sheet in sheets {
                let set = l.set(sheet.set).ok_or(ActionError::NoSuchSet)?;
                if sheet.subject >= l.subjects.len() {
                    return Err(ActionError::NoSuchSubject);
                }
                sheet.values.resize(set.item_count(), Value::default());
                for (v, (_, item)) in sheet.values.iter_mut().zip(set.items()) {
                    v.score = v.score.min(Value::held(item.max));
                }
                sheet.evidence.tidy(sheet.values.len(), clean);
                sheet.evaluator = clean(&sheet.evaluator).into();
                let key = (sheet.subject, sheet.year, sheet.set);
                match index.get(&key) {
                    Some(&i) => changes.push(Change::Sheet(Slot::new(i, Some(l.sheets[i].clone()), Some(sheet)))),
                    None => {
                        let idx = l.sheets.len() + changes.iter().filter(|c| is_new_sheet(c)).count();
                        index.insert(key, idx);
                        changes.push(Change::Sheet(Slot::new(idx, None, Some(sheet))));
                    }
                }
            }
            (Label::ScoreSheets(n), changes)
        }
        LearningAction::AddDecision(d) => {
            if d.subject >= l.subjects.len() {
                return Err(ActionError::NoSuchSubject);
            }
            let d = Decision {
                number: clean(&d.number).into(),
                authority: clean(&d.authority).into(),
                result: clean(&d.result).into(),
                ..d
            };
            if d.number.is_empty() {
                return Err(ActionError::EmptyName);
            }
            let c = Change::Decision(Slot::added(l.decisions.len(), d));
            (Label::Recognition, vec![c])
        }
        LearningAction::SetTargets(t) => {
            if t.iter().any(|(_, p)| *p > 100) {
                return Err(ActionError::TooLarge);
            }
            (Label::LearningTargets, vec![Change::Targets(Whole::new(l.targets.clone(), t))])
        }
    })
}

fn is_new_sheet(c: &Change) -> bool {
    matches!(c, Change::Sheet(Slot { before: None, .. }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{Action, apply};

    fn act(b: &mut Book, a: LearningAction) -> Result<Vec<Change>, ActionError> {
        apply(b, Action::Learning(a)).map(|(_, c)| c)
    }

    fn undo(b: &mut Book, changes: &[Change]) {
        for c in changes.iter().rev() {
            c.set(b, crate::model::change::Dir::Back);
        }
    }

    #[test]
    fn a_used_set_gets_a_new_version_and_old_sheets_keep_theirs() {
        let mut b = Book::default();
        let family = b.learning.sets[2].clone();
        act(
            &mut b,
            LearningAction::AddSubject(Subject { name: "Gia đình ông Lê Văn Tám".into(), ..Default::default() }),
        )
        .expect("ok");
        let sheet = ScoreSheet { subject: 0, year: 2025, set: family.id, ..Default::default() };
        act(&mut b, LearningAction::SaveSheets(vec![sheet])).expect("ok");
        assert_eq!(b.learning.sheets[0].values.len(), family.item_count(), "values match the set's items");
        let mut edited = family.clone();
        edited.bands[0].min = 75;
        act(&mut b, LearningAction::SaveSet(Box::new(edited))).expect("ok");
        let newest = b.learning.sets.last().expect("a new set");
        assert_eq!((newest.version, newest.parent, newest.builtin), (2, Some(family.id), false));
        assert_ne!(newest.id, family.id);
        assert_eq!(b.learning.set(family.id).map(|s| s.bands[0].min), Some(80), "the old version is untouched");
        assert_eq!(b.learning.sheets[0].set, family.id);
        // An unused user set is edited in place.
        let id = newest.id;
        let mut again = newest.clone();
        again.name = "Gia đình học tập (tỉnh Quảng Trị)".into();
        act(&mut b, LearningAction::SaveSet(Box::new(again))).expect("ok");
        assert_eq!(b.learning.set(id).map(|s| s.name.as_str()), Some("Gia đình học tập (tỉnh Quảng Trị)"));
        assert_eq!(b.learning.sets.len(), 5);
    }

    #[test]
    fn sheets_replace_by_subject_year_and_set_in_one_step() {
        let mut b = Book::default();
        for n in ["A", "B"] {
            act(&mut b, LearningAction::AddSubject(Subject { name: n.into(), ..Default::default() })).expect("ok");
        }
        let set = b.learning.sets[3].id;
        let mk = |subject, score| ScoreSheet {
            subject,
            year: 2025,
            set,
            values: vec![Value { score, ..Default::default() }],
            ..Default::default()
        };
        act(&mut b, LearningAction::SaveSheets(vec![mk(0, 5)])).expect("ok");
        let changes = act(&mut b, LearningAction::SaveSheets(vec![mk(0, 99), mk(1, 7)])).expect("ok");
        assert_eq!(b.learning.sheets.len(), 2);
        assert_eq!(b.learning.sheets[0].values[0].score, 10, "capped at the item's maximum");
        undo(&mut b, &changes);
        assert_eq!(b.learning.sheets.len(), 1);
        assert_eq!(b.learning.sheets[0].values[0].score, 5);
        assert_eq!(act(&mut b, LearningAction::SaveSheets(vec![mk(5, 1)])), Err(ActionError::NoSuchSubject));
    }
}
