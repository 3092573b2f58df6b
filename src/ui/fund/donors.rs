//! Donors: the list in Vietnamese order with each donor's total per year, the donor form,
//! and who gave last year but not yet this year.

use super::FundPrefs;
use super::FundUi;
use super::export::{ExportDialog, ExportWhat};
use crate::i18n::T;
use crate::model::action::Action;
use crate::model::error::Field;
use crate::model::fund::action::FundAction;
use crate::model::fund::donors::{Donor, DonorType};
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::FundOrigin;
use crate::ui::intent::{Intent, Origin};
use crate::ui::labels;
use crate::ui::widgets::commune_picker;
use crate::ui::widgets::table_header;
use crate::ui::widgets::{Problem, form_error, problem_at, problem_rest, row, text, year_picker};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub struct DonorsUi {
    query: String,
    /// The donors found for a query at one revision.
    rows: Memo<(String, u64), Vec<usize>>,
    /// The list's place for the keyboard (Page Up/Down, Home/End).
    nav: crate::ui::widgets::TableNav,
}

pub struct DonorForm {
    editing: Option<usize>,
    donor: Donor,
    error: Option<Problem>,
}

form_error!(DonorForm);

pub fn show(fund: &mut FundUi, ui: &mut egui::Ui, prefs: &mut FundPrefs, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let year = prefs.donor_year.unwrap_or_else(|| cx.caches.current_year());
    // Side panels come before the rest of the view, or they would draw over it.
    let lapsed: Vec<usize> = cx.caches.lapsed(book, year).to_vec();
    egui::Panel::right("lapsed").default_size(300.0).show(ui, |ui| {
        ui.strong(format!("{} ({})", T::LapsedTitle.get(lang), year));
        ui.add_space(4.0);
        if lapsed.is_empty() {
            ui.label(T::NoLapsed.get(lang));
        }
        ui.push_id("lapsed_table", |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .column(Column::remainder().clip(true))
                .column(Column::auto().at_least(90.0))
                .body(|body| {
                    body.rows(20.0, lapsed.len(), |mut row| {
                        let Some(&d) = lapsed.get(row.index()) else { return };
                        let last = cx.caches.donor_totals.get(&(d, year - 1)).copied().unwrap_or_default();
                        row.col(|ui| {
                            ui.label(book.donors.get(d).map(|d| d.name.as_str()).unwrap_or_default());
                        });
                        row.col(|ui| {
                            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                                ui.weak(last.grouped())
                            });
                        });
                    });
                });
        });
    });
    ui.horizontal(|ui| {
        year_picker(ui, lang, "donor_year", &cx.caches.years, year, &mut prefs.donor_year);
        let l = ui.label(T::Search.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut fund.donors.query)
                .char_limit(crate::model::text::TEXT_MAX)
                .desired_width(240.0),
        )
        .labelled_by(l.id);
        ui.add_enabled_ui(!read_only, |ui| {
            if ui.button(format!("+ {}", T::NewDonor.get(lang))).clicked() {
                fund.donor_form = Some(DonorForm { editing: None, donor: Donor::default(), error: None });
            }
        });
        if ui.button(T::ExportDonors.get(lang)).clicked() {
            fund.export = Some(ExportDialog::new(ExportWhat::Donors { year }));
        }
    });
    let key = (fund.donors.query.clone(), cx.rev());
    let caches = &mut *cx.caches;
    let rows: &[usize] = fund.donors.rows.get(key, |(q, _)| caches.find_donors(book, q, usize::MAX));
    ui.label(format!("{} {}", rows.len(), T::DonorCount.get(lang)));
    let mut edit: Option<usize> = None;
    let ctx = ui.ctx().clone();
    let shows = (&fund.donors.query, year);
    let out = fund
        .donors
        .nav
        .scroll(&ctx, TableBuilder::new(ui), (|| None, rows.len()), &shows)
        .striped(true)
        .resizable(true)
        .column(Column::initial(230.0).at_least(120.0).clip(true))
        .column(Column::initial(170.0).at_least(80.0).clip(true))
        .column(Column::initial(120.0).at_least(60.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::auto().at_least(100.0))
        .column(Column::auto().at_least(100.0))
        .column(Column::remainder().at_least(40.0))
        .header(24.0, |mut h| {
            table_header(&mut h, lang, &[T::Name, T::DonorTypeCol, T::Commune, T::Contact]);
            h.col(|ui| {
                ui.strong(format!("{} {year}", T::TotalYear.get(lang)));
            });
            h.col(|ui| {
                ui.strong(format!("{} {}", T::TotalYear.get(lang), year - 1));
            });
            h.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, rows.len(), |mut row| {
                let Some((i, d)) = rows.get(row.index()).and_then(|&i| Some((i, book.donors.get(i)?))) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(&d.name);
                });
                row.col(|ui| {
                    ui.label(labels::donor_type(d.kind).get(lang));
                });
                row.col(|ui| {
                    ui.label(if d.commune.is_empty() { &d.address } else { &d.commune });
                });
                row.col(|ui| {
                    ui.label(&d.contact);
                });
                for y in [year, year - 1] {
                    row.col(|ui| {
                        let t = cx.caches.donor_totals.get(&(i, y)).copied().unwrap_or_default();
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(t.grouped()));
                    });
                }
                row.col(|ui| {
                    if !read_only && ui.small_button(T::Edit.get(lang)).clicked() {
                        edit = Some(i);
                    }
                });
            });
        });
    fund.donors.nav.seen(ui, &out, 22.0);
    if let Some((i, d)) = edit.and_then(|i| Some((i, book.donors.get(i)?))) {
        fund.donor_form = Some(DonorForm { editing: Some(i), donor: d.clone(), error: None });
    }
}

pub fn show_form(form: &mut Option<DonorForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = form else { return };
    let mut open = true;
    let mut submit = false;
    let mut cancel = false;
    let title = if f.editing.is_some() { T::EditDonor } else { T::NewDonor };
    crate::ui::widgets::dialog(ctx, title.get(lang)).id(egui::Id::unique("donor_form")).open(&mut open).show(
        ctx,
        |ui| {
            egui::Grid::new("donor_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                let name_err = problem_at(&f.error, lang, Field::Name);
                let d = &mut f.donor;
                row(ui, T::Name.get(lang), name_err, |ui, id| text(ui, &mut d.name, id, 320.0, ""));
                row(ui, T::DonorTypeCol.get(lang), None, |ui, id| {
                    egui::ComboBox::from_id_salt("donor_type")
                        .selected_text(labels::donor_type(d.kind).get(lang))
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for t in DonorType::ALL {
                                ui.selectable_value(&mut d.kind, t, labels::donor_type(t).get(lang));
                            }
                        })
                        .response
                        .labelled_by(id);
                });
                row(ui, T::Commune.get(lang), None, |ui, id| {
                    commune_picker(
                        ui,
                        "donor_commune",
                        id,
                        &mut d.commune,
                        &book.communes,
                        Some(T::NoCommune.get(lang)),
                    );
                });
                row(ui, T::Address.get(lang), None, |ui, id| text(ui, &mut d.address, id, 320.0, ""));
                row(ui, T::Contact.get(lang), None, |ui, id| text(ui, &mut d.contact, id, 320.0, ""));
                row(ui, T::Note.get(lang), None, |ui, id| text(ui, &mut d.note, id, 320.0, ""));
            });
            problem_rest(ui, lang, &f.error, &[Field::Name]);
            if let Some(id) = f.editing {
                let years: Vec<String> = cx
                    .caches
                    .donor_totals
                    .range((id, i32::MIN)..=(id, i32::MAX))
                    .map(|((_, y), v)| format!("{y}: {}", v.display()))
                    .collect();
                if !years.is_empty() {
                    ui.separator();
                    ui.label(RichText::new(T::YearTotals.get(lang)).strong());
                    ui.label(years.join(" · "));
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                submit = ui.button(RichText::new(T::Save.get(lang)).strong()).clicked();
                cancel = ui.button(T::Cancel.get(lang)).clicked();
            });
        },
    );
    if cancel || !open {
        *form = None;
        return;
    }
    if submit {
        let action = match f.editing {
            Some(i) => Action::Fund(FundAction::EditDonor(i, f.donor.clone())),
            None => Action::Fund(FundAction::AddDonor(f.donor.clone())),
        };
        cx.act(Intent { action, origin: Origin::Fund(FundOrigin::DonorForm) });
    }
}
