//! Scoring one subject: the subjects of a model on the left, the sheet of the chosen one on
//! the right; total, band or level, and what held it back update as the scores change.

use super::{current_sets, intent};
use crate::i18n::{Lang, T};
use crate::model::date::format_date;
use crate::model::error::{ActionError, Field};
use crate::model::learning::action::LearningAction;
use crate::model::learning::{ModelKind, Scheme, ScoreSheet, Subject, Value, evaluate};
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::LearningOrigin;
use crate::ui::labels;
use crate::ui::widgets::commune_picker;
use crate::ui::widgets::{
    Problem, RECEIPT, date_field, date_value, dialog, error_text, problem_at, problem_rest, row, settle, text,
};
use egui::RichText;

#[derive(Default)]
pub struct ScoringUi {
    model: ModelKind,
    selected: Option<usize>,
    /// The sheet being scored (not yet saved) and the set it uses.
    draft: Option<ScoreSheet>,
    subject_form: Option<(Subject, Option<Problem>)>,
    date_text: String,
    /// The subjects of the chosen model, per data revision.
    ids: Memo<(u64, ModelKind), Vec<usize>>,
    /// A subject's results year by year, per revision and language.
    history: Memo<(u64, usize, Lang), String>,
    error: Option<Problem>,
}

impl ScoringUi {
    pub fn settle_subject(&mut self, result: &Result<(), ActionError>) {
        settle(&mut self.subject_form, result);
    }

    pub fn settle_sheet(&mut self, result: &Result<(), ActionError>) {
        self.error = result.clone().err().map(Problem::Refused);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, year: i32, cx: &mut Ctx) {
        let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
        let rev = cx.rev();
        let l = &book.learning;
        egui::Panel::left("subjects").default_size(300.0).resizable(true).show(ui, |ui| {
            ui.horizontal(|ui| {
                let lab = ui.label(T::ModelCol.get(lang));
                egui::ComboBox::from_id_salt("scoring_model")
                    .selected_text(labels::model(self.model).get(lang))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for m in ModelKind::ALL {
                            ui.selectable_value(&mut self.model, m, labels::model(m).get(lang));
                        }
                    })
                    .response
                    .labelled_by(lab.id);
            });
            if !read_only && ui.button(format!("+ {}", T::NewSubject.get(lang))).clicked() {
                self.subject_form = Some((Subject { kind: self.model, ..Default::default() }, None));
            }
            let ids: &[usize] = self.ids.get((rev, self.model), |&(_, model)| {
                l.subjects.iter().enumerate().filter(|(_, s)| s.kind == model).map(|(i, _)| i).collect()
            });
            if ids.is_empty() {
                ui.label(T::NoSubjects.get(lang));
            }
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            egui::ScrollArea::vertical().id_salt("subject_scroll").show_rows(ui, 20.0, ids.len(), |ui, range| {
                for (i, s) in ids.get(range).unwrap_or(&[]).iter().filter_map(|&i| Some((i, l.subjects.get(i)?))) {
                    if ui.selectable_label(self.selected == Some(i), format!("{} · {}", s.name, s.commune)).clicked() {
                        self.selected = Some(i);
                        self.draft = None;
                        self.date_text.clear();
                    }
                }
            });
        });
        self.subject_window(ui.ctx(), cx);
        let Some((subject, s)) =
            self.selected.and_then(|i| Some((i, l.subjects.get(i)?))).filter(|(_, s)| s.kind == self.model)
        else {
            ui.label(T::PickSubject.get(lang));
            return;
        };
        let sets = current_sets(l, self.model);
        if sets.is_empty() {
            ui.label(T::NoSets.get(lang));
            return;
        }
        // The saved sheet of this year, or a new one on the newest set of the model.
        let stale = self.draft.as_ref().is_none_or(|d| d.subject != subject || d.year != year);
        if stale {
            self.draft =
                Some(l.sheets.iter().find(|s| s.subject == subject && s.year == year).cloned().unwrap_or_else(|| {
                    let set = sets[sets.len() - 1];
                    ScoreSheet {
                        subject,
                        year,
                        set: set.id,
                        values: vec![Value::default(); set.item_count()],
                        ..Default::default()
                    }
                }));
        }
        let Some(draft) = &mut self.draft else { return };
        ui.heading(format!("{} · {year}", s.name));
        ui.weak(format!("{} · {} {}", labels::model(s.kind).get(lang), s.village, s.commune));
        ui.horizontal(|ui| {
            let lab = ui.label(T::SetCol.get(lang));
            let name = l.set(draft.set).map(|s| format!("{} · v{}", s.name, s.version)).unwrap_or_default();
            let mut chosen = draft.set;
            egui::ComboBox::from_id_salt("sheet_set")
                .selected_text(name)
                .width(380.0)
                .show_ui(ui, |ui| {
                    for set in l.sets.iter().filter(|x| x.model == self.model) {
                        ui.selectable_value(&mut chosen, set.id, format!("{} · v{}", set.name, set.version));
                    }
                })
                .response
                .labelled_by(lab.id);
            if chosen != draft.set
                && let Some(set) = l.set(chosen)
            {
                draft.set = chosen;
                draft.values = vec![Value::default(); set.item_count()];
            }
        });
        let Some(set) = l.set(draft.set) else { return };
        draft.values.resize(set.item_count(), Value::default());
        let outcome = evaluate(set, &draft.values);
        let result = labels::outcome(lang, set, &outcome);
        let color = if outcome.recognised { RECEIPT } else { crate::ui::widgets::WARN };
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}: {result}", T::Result.get(lang))).strong().size(17.0).color(color));
            if let Some(c) = outcome.held_back.and_then(|c| set.criteria.get(c)) {
                ui.label(format!("· {} {}", T::HeldBack.get(lang), c.title));
            }
        });
        egui::ScrollArea::vertical().id_salt("sheet_items").max_height(ui.available_height() - 70.0).show(ui, |ui| {
            egui::Grid::new("sheet_grid").striped(true).num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
                // One value per item, in order (the values were just sized to the set).
                let mut values = draft.values.iter_mut().enumerate();
                let evidence = &mut draft.evidence;
                for c in &set.criteria {
                    ui.strong(&c.title);
                    ui.end_row();
                    for item in &c.items {
                        let Some((k, v)) = values.next() else { break };
                        let t = RichText::new(&item.text);
                        let lab = ui.label(if item.unconfirmed { t.color(crate::ui::widgets::WARN) } else { t });
                        ui.add_enabled_ui(!read_only, |ui| match set.scheme {
                            Scheme::Points => {
                                ui.add(
                                    egui::DragValue::new(&mut v.score)
                                        .range(0..=item.max)
                                        .suffix(format!(" / {}", item.max)),
                                )
                                .labelled_by(lab.id);
                            }
                            Scheme::Levels => {
                                ui.horizontal(|ui| {
                                    ui.checkbox(&mut v.met, T::Met.get(lang)).labelled_by(lab.id);
                                    if let Some(t) = item.threshold {
                                        let mut m = v.measured.unwrap_or(0);
                                        ui.add(
                                            egui::DragValue::new(&mut m).range(0..=100).suffix(format!(" % (≥ {t})")),
                                        )
                                        .labelled_by(lab.id);
                                        v.measured = Some(m);
                                    }
                                });
                            }
                        });
                        let mut text = evidence.get(k).to_owned();
                        let edited = ui
                            .add(
                                egui::TextEdit::singleline(&mut text)
                                    .char_limit(crate::model::text::TEXT_MAX)
                                    .hint_text(T::Evidence.get(lang))
                                    .desired_width(200.0),
                            )
                            .labelled_by(lab.id);
                        if edited.changed() {
                            evidence.set(k, text.into());
                        }
                        ui.end_row();
                    }
                }
            });
        });
        ui.horizontal(|ui| {
            let lab = ui.label(T::Evaluator.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut draft.evaluator)
                    .char_limit(crate::model::text::TEXT_MAX)
                    .desired_width(200.0),
            )
            .labelled_by(lab.id);
            let lab = ui.label(T::EvalDate.get(lang));
            if self.date_text.is_empty() {
                self.date_text = format_date(draft.date.unwrap_or_else(|| chrono::Local::now().date_naive()));
            }
            date_field(ui, &mut self.date_text, lab.id, "eval_date");
            let date = date_value(lang, &self.date_text);
            if let Err(e) = &date {
                error_text(ui, e);
            }
            if !read_only
                && ui.button(RichText::new(T::Save.get(lang)).strong()).clicked()
                && let Ok(d) = date
            {
                draft.date = Some(d);
                cx.act(intent(LearningAction::SaveSheets(vec![draft.clone()]), LearningOrigin::Sheet));
            }
        });
        // The subject's history: every year's result and decision (once per change).
        let h = self.history.get((rev, subject, lang), |_| {
            // The subject's decisions gathered in one pass, not looked for again per sheet.
            let decisions: Vec<&crate::model::learning::Decision> =
                l.decisions.iter().filter(|d| d.subject == subject).collect();
            l.sheets
                .iter()
                .filter(|x| x.subject == subject)
                .filter_map(|x| {
                    let set = l.set(x.set)?;
                    let decision = decisions.iter().find(|d| d.year == x.year).map(|d| format!(" · {}", d.number));
                    Some(format!(
                        "{}: {}{}",
                        x.year,
                        labels::outcome(lang, set, &evaluate(set, &x.values)),
                        decision.unwrap_or_default()
                    ))
                })
                .collect::<Vec<String>>()
                .join(" · ")
        });
        if !h.is_empty() {
            ui.label(format!("{}: {h}", T::History.get(lang)));
        }
        problem_rest(ui, lang, &self.error, &[]);
    }

    fn subject_window(&mut self, ctx: &egui::Context, cx: &mut Ctx) {
        let (lang, book) = (cx.lang, cx.book);
        let Some((s, err)) = &mut self.subject_form else { return };
        let (mut open, mut save) = (true, false);
        dialog(ctx, T::NewSubject.get(lang)).id(egui::Id::unique("subject_form")).open(&mut open).show(ctx, |ui| {
            egui::Grid::new("subject_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                row(ui, T::Name.get(lang), problem_at(err, lang, Field::Name), |ui, id| {
                    text(ui, &mut s.name, id, 320.0, "")
                });
                row(ui, T::Commune.get(lang), None, |ui, id| {
                    commune_picker(ui, "subject_commune", id, &mut s.commune, &book.communes, None);
                });
                row(ui, T::Village.get(lang), None, |ui, id| text(ui, &mut s.village, id, 320.0, ""));
                row(ui, T::Contact.get(lang), None, |ui, id| text(ui, &mut s.contact, id, 320.0, ""));
            });
            save = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
        });
        if !open {
            self.subject_form = None;
            return;
        }
        if save && let Some((s, _)) = &self.subject_form {
            cx.act(intent(LearningAction::AddSubject(s.clone()), LearningOrigin::Subject));
        }
    }
}
