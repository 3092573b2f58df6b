//! The scales editor: the built-in national scale to read, the association's own scales of
//! the year to edit (prize amounts by level and prize, scholarships by school level, the
//! ethnic-minority percentage).

use super::intent;
use crate::i18n::{Lang, T};
use crate::model::awards::action::AwardAction;
use crate::model::awards::scales::{PrizeRate, Scale, association_example, national};
use crate::model::awards::{Level, Prize};
use crate::model::book::Book;
use crate::model::error::Field;
use crate::ui::ctx::Ctx;
use crate::ui::intent::AwardsOrigin;
use crate::ui::labels;
use crate::ui::widgets::{Problem, dialog, form_error, money_value, problem_rest};
use egui::RichText;

pub struct ScalesEditor {
    year: i32,
    scales: Vec<Scale>,
    /// Amount texts of the scales being edited: prize lines, then scholarship lines.
    texts: Vec<(Vec<String>, Vec<String>)>,
    error: Option<Problem>,
}

form_error!(ScalesEditor);

fn texts_of(s: &Scale) -> (Vec<String>, Vec<String>) {
    (s.prizes.iter().map(|r| r.amount.grouped()).collect(), s.scholarships.iter().map(|(_, v)| v.grouped()).collect())
}

impl ScalesEditor {
    pub fn new(book: &Book, year: i32) -> Self {
        let scales = book.scales.clone();
        let texts = scales.iter().map(texts_of).collect();
        Self { year, scales, texts, error: None }
    }

    fn add(&mut self, s: Scale) {
        self.texts.push(texts_of(&s));
        self.scales.push(s);
    }
}

fn read_only_scale(ui: &mut egui::Ui, lang: Lang, s: &Scale) {
    egui::Grid::new(("national", s.year)).striped(true).num_columns(4).show(ui, |ui| {
        for r in &s.prizes {
            ui.label(labels::level(r.level).get(lang));
            ui.label(labels::prize(r.prize).get(lang));
            ui.label(&r.competition);
            ui.label(r.amount.display());
            ui.end_row();
        }
    });
}

pub fn show(editor: &mut Option<ScalesEditor>, ctx: &egui::Context, cx: &mut Ctx) {
    let lang = cx.lang;
    let Some(e) = editor else { return };
    let (mut open, mut submit) = (true, false);
    let year = e.year;
    dialog(ctx, T::ScalesTitle.get(lang)).id(egui::Id::unique("scales")).open(&mut open).default_width(720.0).show(
        ctx,
        |ui| {
            // Leave room for the Save button below on any screen.
            let room = (ctx.content_rect().height() - 240.0).max(200.0);
            egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    crate::model::awards::scales::NATIONAL,
                    T::BuiltIn.get(lang)
                ))
                .id_salt("national_scale")
                .show(ui, |ui| read_only_scale(ui, lang, &national(year)));
                let mut remove_line: Option<(usize, usize)> = None;
                let mut add_line: Option<usize> = None;
                let of_year: Vec<usize> = (0..e.scales.len()).filter(|&k| e.scales[k].year == year).collect();
                for k in of_year {
                    let (s, (prize_texts, school_texts)) = (&mut e.scales[k], &mut e.texts[k]);
                    ui.separator();
                    egui::Grid::new(("scale_head", k)).num_columns(2).show(ui, |ui| {
                        let l = ui.label(T::ScaleName.get(lang));
                        ui.add(
                            egui::TextEdit::singleline(&mut s.name)
                                .char_limit(crate::model::text::TEXT_MAX)
                                .desired_width(320.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label(T::MinorityPercent.get(lang));
                        ui.add(egui::DragValue::new(&mut s.minority_percent).range(50..=300).suffix(" %"))
                            .labelled_by(l.id);
                        ui.end_row();
                    });
                    egui::Grid::new(("prizes", k)).striped(true).num_columns(5).show(ui, |ui| {
                        let heads =
                            [T::Level, T::Prize, T::ScaleCompetition, T::Amount].map(|t| ui.strong(t.get(lang)).id);
                        ui.end_row();
                        for (n, r) in s.prizes.iter_mut().enumerate() {
                            egui::ComboBox::from_id_salt(("lvl", k, n))
                                .selected_text(labels::level(r.level).get(lang))
                                .show_ui(ui, |ui| {
                                    for lv in Level::ALL {
                                        ui.selectable_value(&mut r.level, lv, labels::level(lv).get(lang));
                                    }
                                })
                                .response
                                .labelled_by(heads[0]);
                            egui::ComboBox::from_id_salt(("pz", k, n))
                                .selected_text(labels::prize(r.prize).get(lang))
                                .show_ui(ui, |ui| {
                                    for p in Prize::ALL.into_iter().filter(|p| *p != Prize::None) {
                                        ui.selectable_value(&mut r.prize, p, labels::prize(p).get(lang));
                                    }
                                })
                                .response
                                .labelled_by(heads[1]);
                            ui.add(
                                egui::TextEdit::singleline(&mut r.competition)
                                    .char_limit(crate::model::text::TEXT_MAX)
                                    .desired_width(120.0),
                            )
                            .labelled_by(heads[2]);
                            if let Some(t) = prize_texts.get_mut(n) {
                                ui.add_sized(
                                    [110.0, 20.0],
                                    egui::TextEdit::singleline(t).char_limit(crate::model::text::TEXT_MAX),
                                )
                                .labelled_by(heads[3]);
                            }
                            if ui.small_button(T::Remove.get(lang)).clicked() {
                                remove_line = Some((k, n));
                            }
                            ui.end_row();
                        }
                    });
                    if ui.small_button(format!("+ {}", T::AddRow.get(lang))).clicked() {
                        add_line = Some(k);
                    }
                    egui::Grid::new(("schools", k)).num_columns(2).show(ui, |ui| {
                        for (n, (level, _)) in s.scholarships.iter().enumerate() {
                            let l = ui.label(format!(
                                "{} · {}",
                                T::KindScholarship.get(lang),
                                labels::school_level(*level).get(lang)
                            ));
                            if let Some(t) = school_texts.get_mut(n) {
                                ui.add(
                                    egui::TextEdit::singleline(t)
                                        .char_limit(crate::model::text::TEXT_MAX)
                                        .desired_width(110.0),
                                )
                                .labelled_by(l.id);
                            }
                            ui.end_row();
                        }
                    });
                }
                if let Some((k, n)) = remove_line {
                    e.scales[k].prizes.remove(n);
                    e.texts[k].0.remove(n);
                }
                if let Some(k) = add_line {
                    e.scales[k].prizes.push(PrizeRate {
                        level: Level::Provincial,
                        prize: Prize::First,
                        ..Default::default()
                    });
                    e.texts[k].0.push(String::new());
                }
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(format!("+ {} {year}", T::NewScale.get(lang))).clicked() {
                        let mut s = association_example(year);
                        let same = e.scales.iter().filter(|x| x.year == year).count();
                        if same > 0 {
                            s.name = format!("{} ({})", s.name, same + 1);
                        }
                        e.add(s);
                    }
                    let previous = e.scales.iter().rev().find(|s| s.year == year - 1).cloned();
                    if let Some(mut p) = previous
                        && ui.button(T::CopyScale.get(lang)).clicked()
                    {
                        p.year = year;
                        p.name = p.name.replace(&(year - 1).to_string(), &year.to_string());
                        e.add(p);
                    }
                });
            });
            problem_rest(ui, lang, &e.error, &[]);
            submit = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
        },
    );
    if !open {
        *editor = None;
        return;
    }
    if submit {
        let mut scales = e.scales.clone();
        for (s, (prize_texts, school_texts)) in scales.iter_mut().zip(&e.texts) {
            for (r, t) in s.prizes.iter_mut().zip(prize_texts) {
                match money_value(lang, t) {
                    Ok(v) => r.amount = v,
                    Err(msg) => {
                        e.error = Some(Problem::Input(Some(Field::Amount), format!("{}: {msg}", s.name)));
                        return;
                    }
                }
            }
            for ((_, v), t) in s.scholarships.iter_mut().zip(school_texts) {
                match money_value(lang, t) {
                    Ok(x) => *v = x,
                    Err(msg) => {
                        e.error = Some(Problem::Input(Some(Field::Amount), format!("{}: {msg}", s.name)));
                        return;
                    }
                }
            }
        }
        cx.act(intent(AwardAction::SetScales(scales), AwardsOrigin::Scales));
    }
}
