//! Criteria sets: the list (newest versions marked), one set in full with its legal basis
//! and items (unconfirmed ones marked), copy, and the editor (saving a used set makes a new
//! version).

use super::intent;
use crate::i18n::T;
use crate::model::date::format_date;
use crate::model::error::ActionError;
use crate::model::learning::action::LearningAction;
use crate::model::learning::{Band, CriteriaSet, Criterion, Item, Learning, Mark, Scheme};
use crate::ui::ctx::Ctx;
use crate::ui::intent::LearningOrigin;
use crate::ui::labels;
use crate::ui::widgets::{Problem, WARN, dialog, problem_rest, settle};
use egui::RichText;

#[derive(Default)]
pub struct SetsUi {
    selected: Option<u32>,
    editor: Option<(CriteriaSet, Option<Problem>)>,
}

impl SetsUi {
    pub fn settle(&mut self, result: &Result<(), ActionError>) {
        settle(&mut self.editor, result);
    }

    pub fn show(&mut self, ui: &mut egui::Ui, l: &Learning, cx: &mut Ctx) {
        let (lang, read_only) = (cx.lang, cx.read_only);
        egui::Panel::left("sets_list").default_size(330.0).resizable(true).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("sets_scroll").show(ui, |ui| {
                for s in &l.sets {
                    let title = format!("{} · {} {}", s.name, T::Version.get(lang), s.version);
                    let r = ui.selectable_label(self.selected == Some(s.id), title);
                    ui.weak(format!("{} · {}", labels::model(s.model).get(lang), s.basis.number));
                    if r.clicked() {
                        self.selected = Some(s.id);
                    }
                }
            });
        });
        let Some(set) = self.selected.and_then(|id| l.set(id)).or_else(|| l.sets.first()) else { return };
        egui::ScrollArea::vertical().id_salt("set_detail").show(ui, |ui| {
            ui.heading(format!("{} · {} {}", set.name, T::Version.get(lang), set.version));
            let date = set.basis.date.map(format_date).unwrap_or_default();
            ui.label(format!("{}: {} {} · {}", T::Basis.get(lang), set.basis.number, date, set.basis.issuer));
            ui.label(format!("{}: {} · {}", T::InForce.get(lang), set.in_force, labels::model(set.model).get(lang)));
            let scheme = if set.scheme == Scheme::Points { T::SchemePoints } else { T::SchemeLevels };
            ui.label(scheme.get(lang));
            ui.add_enabled_ui(!read_only, |ui| {
                ui.horizontal(|ui| {
                    if ui.button(T::CopySet.get(lang)).clicked() {
                        cx.act(intent(LearningAction::CopySet(set.id), LearningOrigin::Set));
                    }
                    if ui.button(T::EditSet.get(lang)).clicked() {
                        self.editor = Some((set.clone(), None));
                    }
                });
            });
            ui.separator();
            for c in &set.criteria {
                let max = if set.scheme == Scheme::Points {
                    format!(" ({} {})", c.max(), T::MaxPoints.get(lang))
                } else {
                    String::new()
                };
                ui.label(RichText::new(format!("{}{max}", c.title)).strong());
                for i in &c.items {
                    let what = match set.scheme {
                        Scheme::Points => format!("{} đ", i.max),
                        Scheme::Levels => {
                            let t = i.threshold.map(|t| format!(" · ≥ {t} %")).unwrap_or_default();
                            format!("{}{t}", labels::mark(i.mark).get(lang))
                        }
                    };
                    let text = RichText::new(format!("• {} — {what}", i.text));
                    ui.label(if i.unconfirmed { text.color(WARN) } else { text });
                }
            }
            if set.scheme == Scheme::Points {
                ui.separator();
                ui.label(RichText::new(T::Bands.get(lang)).strong());
                for b in &set.bands {
                    ui.label(format!("{} — {} {}", b.name, T::FromPoints.get(lang), b.min));
                }
            } else {
                ui.label(format!("{}: {}", T::Validity.get(lang), set.validity_years));
            }
        });
        self.editor_window(ui.ctx(), l, cx);
    }

    fn editor_window(&mut self, ctx: &egui::Context, l: &Learning, cx: &mut Ctx) {
        let lang = cx.lang;
        let Some((set, error)) = &mut self.editor else { return };
        let (mut open, mut save) = (true, false);
        let in_use = l.set_in_use(set.id) || l.set(set.id).is_some_and(|s| s.builtin);
        dialog(ctx, T::EditSet.get(lang)).id(egui::Id::unique("set_editor")).open(&mut open).default_width(760.0).show(
            ctx,
            |ui| {
                if in_use {
                    ui.label(RichText::new(T::NewVersionNote.get(lang)).italics());
                }
                egui::Grid::new("set_head").num_columns(2).show(ui, |ui| {
                    let l = ui.label(T::Name.get(lang));
                    ui.add(
                        egui::TextEdit::singleline(&mut set.name)
                            .char_limit(crate::model::text::TEXT_MAX)
                            .desired_width(420.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(T::InForce.get(lang));
                    ui.add(
                        egui::TextEdit::singleline(&mut set.in_force)
                            .char_limit(crate::model::text::TEXT_MAX)
                            .desired_width(420.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
                let room = (ctx.content_rect().height() - 300.0).max(200.0);
                egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
                    let points = set.scheme == Scheme::Points;
                    for (ci, c) in set.criteria.iter_mut().enumerate() {
                        ui.separator();
                        let head = ui.label(format!("{} {}", T::Criterion.get(lang), ci + 1));
                        ui.add(
                            egui::TextEdit::singleline(&mut c.title)
                                .char_limit(crate::model::text::TEXT_MAX)
                                .desired_width(600.0),
                        )
                        .labelled_by(head.id);
                        if points {
                            ui.horizontal(|ui| {
                                let l = ui.label(T::MinShare.get(lang));
                                ui.add(egui::DragValue::new(&mut c.min_share).range(0..=100).suffix(" %"))
                                    .labelled_by(l.id);
                            });
                        }
                        let mut remove = None;
                        for (ii, item) in c.items.iter_mut().enumerate() {
                            ui.horizontal(|ui| {
                                let l = ui.label(format!("{}.{}", ci + 1, ii + 1));
                                ui.add(
                                    egui::TextEdit::singleline(&mut item.text)
                                        .char_limit(crate::model::text::TEXT_MAX)
                                        .desired_width(420.0),
                                )
                                .labelled_by(l.id);
                                if points {
                                    ui.add(egui::DragValue::new(&mut item.max).range(0..=100).suffix(" đ"))
                                        .labelled_by(l.id);
                                } else {
                                    egui::ComboBox::from_id_salt(("mark", ci, ii))
                                        .selected_text(labels::mark(item.mark).get(lang))
                                        .show_ui(ui, |ui| {
                                            for m in [Mark::Both, Mark::Level1, Mark::Level2] {
                                                ui.selectable_value(&mut item.mark, m, labels::mark(m).get(lang));
                                            }
                                        })
                                        .response
                                        .labelled_by(l.id);
                                    let mut t = item.threshold.unwrap_or(0);
                                    ui.add(egui::DragValue::new(&mut t).range(0..=100).prefix("≥ ").suffix(" %"))
                                        .labelled_by(l.id);
                                    item.threshold = (t > 0).then_some(t);
                                }
                                if ui.small_button(T::Remove.get(lang)).clicked() {
                                    remove = Some(ii);
                                }
                            });
                        }
                        if let Some(ii) = remove {
                            c.items.remove(ii);
                        }
                        if ui.small_button(format!("+ {}", T::AddItem.get(lang))).clicked() {
                            c.items.push(Item {
                                text: String::new(),
                                max: if points { 10 } else { 0 },
                                ..Default::default()
                            });
                        }
                    }
                    if ui.button(format!("+ {}", T::AddCriterion.get(lang))).clicked() {
                        set.criteria
                            .push(Criterion { title: format!("TC{}", set.criteria.len() + 1), ..Default::default() });
                    }
                    ui.separator();
                    if points {
                        ui.label(
                            RichText::new(format!("{} ({} {})", T::Bands.get(lang), set.max(), T::MaxPoints.get(lang)))
                                .strong(),
                        );
                        let mut remove = None;
                        for (bi, b) in set.bands.iter_mut().enumerate() {
                            ui.horizontal(|ui| {
                                let l = ui.label(format!("{}", bi + 1));
                                ui.add(
                                    egui::TextEdit::singleline(&mut b.name)
                                        .char_limit(crate::model::text::TEXT_MAX)
                                        .desired_width(200.0),
                                )
                                .labelled_by(l.id);
                                ui.add(egui::DragValue::new(&mut b.min).range(0..=1000).prefix("≥ ")).labelled_by(l.id);
                                if ui.small_button(T::Remove.get(lang)).clicked() {
                                    remove = Some(bi);
                                }
                            });
                        }
                        if let Some(bi) = remove {
                            set.bands.remove(bi);
                        }
                        if ui.small_button(format!("+ {}", T::AddBand.get(lang))).clicked() {
                            set.bands.push(Band { name: String::new(), min: 50 });
                        }
                    } else {
                        ui.horizontal(|ui| {
                            let l = ui.label(T::Validity.get(lang));
                            ui.add(egui::DragValue::new(&mut set.validity_years).range(1..=10)).labelled_by(l.id);
                        });
                    }
                });
                problem_rest(ui, lang, error, &[]);
                save = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
            },
        );
        if !open {
            self.editor = None;
            return;
        }
        if save && let Some((set, _)) = &self.editor {
            cx.act(intent(LearningAction::SaveSet(Box::new(set.clone())), LearningOrigin::Set));
        }
    }
}
