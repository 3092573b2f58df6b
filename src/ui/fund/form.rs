//! The voucher form (receipt or payment, new or edited) and the void dialog. Nothing is
//! stored until every field is valid; messages show beside their fields.

use crate::i18n::T;
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::error::Field;
use crate::model::fund::action::FundAction;
use crate::model::fund::donors::{Donor, DonorType, donor_name, find_by_name, name_key};
use crate::model::fund::ledger::{Category, Kind, Method, Voucher, VoucherDraft, format_number, next_seq};
use crate::model::money::in_words;
use crate::ui::ctx::Ctx;
use crate::ui::intent::FundOrigin;
use crate::ui::intent::{Intent, Origin};
use crate::ui::labels;
use crate::ui::widgets::{Problem, date_field, date_value, error_text, form_error, money_value, problem_at, row, text};
use chrono::Datelike;
use egui::RichText;

pub struct VoucherForm {
    editing: Option<(usize, String)>,
    kind: Kind,
    date: String,
    donor: Option<usize>,
    donor_query: String,
    counterparty: String,
    description: String,
    amount: String,
    method: Method,
    campaign: String,
    purpose: String,
    category: Category,
    tried: bool,
    error: Option<Problem>,
    /// The number a new voucher would get: (year, sequence, ledger length it was read at).
    next_seq: Option<(i32, u32, usize)>,
    /// Put the cursor in the first field when the form opens.
    focus: bool,
    /// The type of a donor added from the form.
    new_donor_kind: DonorType,
    /// The name key of a donor added from the form, until it is in the book and chosen.
    pending_donor: Option<String>,
}

form_error!(VoucherForm, VoidForm);

impl VoucherForm {
    pub fn new(kind: Kind) -> Self {
        Self {
            editing: None,
            kind,
            date: format_date(chrono::Local::now().date_naive()),
            donor: None,
            donor_query: String::new(),
            counterparty: String::new(),
            description: String::new(),
            amount: String::new(),
            method: Method::Cash,
            campaign: String::new(),
            purpose: String::new(),
            category: if kind == Kind::Payment { Category::Scholarship } else { Category::Other },
            tried: false,
            error: None,
            next_seq: None,
            focus: true,
            new_donor_kind: DonorType::Individual,
            pending_donor: None,
        }
    }

    pub fn edit(id: usize, v: &Voucher, book: &Book) -> Self {
        let b = &v.body;
        Self {
            editing: Some((id, v.number.to_string())),
            kind: b.kind,
            date: format_date(b.date),
            donor: b.donor,
            donor_query: b.donor.and_then(|d| book.donors.get(d)).map(|d| d.name.clone()).unwrap_or_default(),
            counterparty: b.counterparty.to_string(),
            description: b.description.to_string(),
            amount: b.amount.grouped(),
            method: b.method,
            campaign: b.campaign.to_string(),
            purpose: b.purpose.to_string(),
            category: b.category,
            tried: false,
            error: None,
            next_seq: None,
            focus: true,
            new_donor_kind: DonorType::Individual,
            pending_donor: None,
        }
    }

    /// Chooses the donor added from the form once the book holds it (found by its name).
    fn take_added_donor(&mut self, book: &Book) {
        let Some(key) = &self.pending_donor else { return };
        if let Some(d) = find_by_name(&book.donors, key) {
            self.donor = Some(d);
            self.donor_query = book.donors.get(d).map(|d| d.name.clone()).unwrap_or_default();
            self.pending_donor = None;
        }
    }
}

/// The answer to adding a donor from the form: on refusal the reason shows in the form.
pub fn donor_added(form: &mut Option<VoucherForm>, result: &Result<(), crate::model::error::ActionError>) {
    if let (Some(f), Err(e)) = (form, result) {
        f.pending_donor = None;
        f.error = Some(Problem::Refused(e.clone()));
    }
}

/// Under the payer of a receipt that names no donor: link the donor of that name, or add the
/// payer as a new donor (without a word of address: "Bà Trần Thị Mai" adds "Trần Thị Mai").
fn payer_as_donor(ui: &mut egui::Ui, f: &mut VoucherForm, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let name = donor_name(&f.counterparty).to_owned();
    if f.kind != Kind::Receipt || f.donor.is_some() || f.pending_donor.is_some() || name.is_empty() {
        return;
    }
    let key = name_key(&name);
    let same = cx
        .caches
        .find_donors(book, &name, 8)
        .into_iter()
        .find(|&d| book.donors.get(d).is_some_and(|d| name_key(&d.name) == key));
    if let Some(d) = same {
        let shown = book.donors.get(d).map(|d| d.name.clone()).unwrap_or_default();
        if ui.link(format!("{} «{shown}»", T::LinkDonor.get(lang))).clicked() {
            f.donor = Some(d);
            f.donor_query = shown;
        }
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(T::DonorFromPayer.get(lang));
        let kind = ui.label(T::DonorTypeCol.get(lang));
        egui::ComboBox::from_id_salt("new_donor_kind")
            .selected_text(labels::donor_type(f.new_donor_kind).get(lang))
            .show_ui(ui, |ui| {
                for t in DonorType::ALL {
                    ui.selectable_value(&mut f.new_donor_kind, t, labels::donor_type(t).get(lang));
                }
            })
            .response
            .labelled_by(kind.id);
        let add = egui::Button::new(format!("+ {} «{name}»", T::AddDonorFromForm.get(lang)));
        if ui.add_enabled(!cx.read_only, add).clicked() {
            f.pending_donor = Some(key);
            let donor = Donor { name, kind: f.new_donor_kind, ..Default::default() };
            cx.act(Intent {
                action: Action::Fund(FundAction::AddDonor(donor)),
                origin: Origin::Fund(FundOrigin::FormDonor),
            });
        }
    });
}

/// A small list of values already in use, beside a text field (labelled by the same label).
fn suggestions(ui: &mut egui::Ui, salt: &str, label: egui::Id, value: &mut String, options: &[String]) {
    if options.is_empty() {
        return;
    }
    egui::ComboBox::from_id_salt(salt)
        .selected_text("")
        .width(24.0)
        .show_ui(ui, |ui| {
            for o in options {
                if ui.selectable_label(value == o, o).clicked() {
                    *value = o.clone();
                }
            }
        })
        .response
        .labelled_by(label);
}

pub fn show(form: &mut Option<VoucherForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let (lang, book) = (cx.lang, cx.book);
    let Some(f) = form else { return };
    f.take_added_donor(book);
    let title = match (&f.editing, f.kind) {
        (Some(_), _) => T::FormEdit,
        (None, Kind::Receipt) => T::FormNewReceipt,
        (None, Kind::Payment) => T::FormNewPayment,
    };
    let mut open = true;
    let mut submit = false;
    let mut cancel = false;
    let date = date_value(lang, &f.date);
    let amount = money_value(lang, &f.amount);
    let field_err = |field: Field| problem_at(&f.error, lang, field);
    let show_parse = |r: Option<&String>, text: &str| r.filter(|_| f.tried || !text.trim().is_empty()).cloned();
    // A closed year is named beside the date before Save is pressed.
    let closed =
        |y: i32| book.closed.contains_key(&y).then(|| T::ErrYearClosed.get(lang).replace("{y}", &y.to_string()));
    let original = f.editing.as_ref().and_then(|(id, _)| book.vouchers.get(*id)).map(|v| v.year());
    let date_err = show_parse(date.as_ref().err(), &f.date)
        .or_else(|| field_err(Field::Date))
        .or_else(|| original.and_then(closed))
        .or_else(|| date.as_ref().ok().and_then(|d| closed(d.year())));
    let amount_err = show_parse(amount.as_ref().err(), &f.amount).or_else(|| field_err(Field::Amount));
    let cp_err = (f.tried && f.counterparty.trim().is_empty())
        .then(|| T::ErrCounterparty.get(lang).to_owned())
        .or_else(|| field_err(Field::Counterparty));
    let donor_err = field_err(Field::Donor);
    let other_err = f.error.as_ref().filter(|e| e.field().is_none()).map(|e| e.text(lang));
    crate::ui::widgets::dialog(ctx, title.get(lang))
        .id(egui::Id::unique("voucher_form"))
        .open(&mut open)
        .resizable(false)
        .show(ctx, |ui| {
            if let Some(y) = original {
                crate::ui::widgets::closed_banner(ui, lang, book, y);
            }
            egui::Grid::new("voucher_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                ui.label(T::Number.get(lang));
                match &f.editing {
                    Some((_, n)) => ui.label(RichText::new(n).strong()),
                    None => {
                        let year = date.as_ref().map(|d| d.year()).unwrap_or_else(|_| chrono::Local::now().year());
                        let pattern = match f.kind {
                            Kind::Receipt => &book.settings.receipt_pattern,
                            Kind::Payment => &book.settings.payment_pattern,
                        };
                        // Scanning the ledger once per year typed, not once per frame.
                        let seq = match f.next_seq {
                            Some((y, n, len)) if y == year && len == book.vouchers.len() => n,
                            _ => {
                                let n = next_seq(&book.vouchers, f.kind, year);
                                f.next_seq = Some((year, n, book.vouchers.len()));
                                n
                            }
                        };
                        ui.label(format!("{} {}", T::NumberAuto.get(lang), format_number(pattern, year, seq)))
                    }
                };
                ui.end_row();
                row(ui, T::Date.get(lang), date_err, |ui, id| date_field(ui, &mut f.date, id, "form_date"));
                if f.kind == Kind::Receipt {
                    row(ui, T::Donor.get(lang), donor_err.clone(), |ui, id| {
                        let r = text(ui, &mut f.donor_query, id, 320.0, T::Search.get(lang));
                        if std::mem::take(&mut f.focus) {
                            r.request_focus();
                        }
                        if r.changed() {
                            f.donor = None;
                        }
                        match f.donor.and_then(|d| book.donors.get(d)) {
                            Some(d) => {
                                ui.label(
                                    RichText::new(format!("✔ {} ({})", d.name, labels::donor_type(d.kind).get(lang)))
                                        .weak(),
                                );
                            }
                            None if !f.donor_query.trim().is_empty() => {
                                for (d, donor) in cx
                                    .caches
                                    .find_donors(book, donor_name(&f.donor_query), 6)
                                    .into_iter()
                                    .filter_map(|d| Some((d, book.donors.get(d)?)))
                                {
                                    let name = &donor.name;
                                    if ui.selectable_label(false, name).clicked() {
                                        f.donor = Some(d);
                                        f.donor_query = name.clone();
                                        if f.counterparty.trim().is_empty() {
                                            f.counterparty = name.clone();
                                        }
                                    }
                                }
                            }
                            None => {
                                ui.weak(T::NoDonor.get(lang));
                            }
                        }
                    });
                }
                row(ui, T::Counterparty.get(lang), cp_err, |ui, id| {
                    let r = text(ui, &mut f.counterparty, id, 320.0, "");
                    if std::mem::take(&mut f.focus) {
                        r.request_focus();
                    }
                    payer_as_donor(ui, f, cx);
                });
                row(ui, T::Description.get(lang), None, |ui, id| text(ui, &mut f.description, id, 320.0, ""));
                row(ui, T::Amount.get(lang), amount_err, |ui, id| {
                    text(ui, &mut f.amount, id, 240.0, T::AmountHint.get(lang));
                    if let Ok(a) = &amount {
                        ui.label(RichText::new(format!("{} · {}", a.display(), in_words(*a))).italics());
                    }
                });
                row(ui, T::Method.get(lang), None, |ui, _| {
                    ui.horizontal(|ui| {
                        for m in Method::ALL {
                            ui.radio_value(&mut f.method, m, labels::method(m).get(lang));
                        }
                    });
                });
                row(ui, T::Campaign.get(lang), None, |ui, id| {
                    ui.horizontal(|ui| {
                        text(ui, &mut f.campaign, id, 290.0, "");
                        suggestions(ui, "campaign_pick", id, &mut f.campaign, &cx.caches.campaigns);
                    });
                });
                row(ui, T::Purpose.get(lang), None, |ui, id| {
                    ui.horizontal(|ui| {
                        text(ui, &mut f.purpose, id, 290.0, T::PurposeHint.get(lang));
                        suggestions(ui, "purpose_pick", id, &mut f.purpose, &cx.caches.purposes);
                    });
                    let p = f.purpose.trim();
                    if !p.is_empty() {
                        let held = cx.caches.purpose_balances.get(p).copied().unwrap_or_default();
                        ui.weak(format!("{} · {} {}", T::Restricted.get(lang), T::Available.get(lang), held.display()));
                    }
                });
                if f.kind == Kind::Payment {
                    row(ui, T::Category.get(lang), None, |ui, id| {
                        egui::ComboBox::from_id_salt("category")
                            .selected_text(labels::category(f.category).get(lang))
                            .show_ui(ui, |ui| {
                                for c in Category::ALL {
                                    ui.selectable_value(&mut f.category, c, labels::category(c).get(lang));
                                }
                            })
                            .response
                            .labelled_by(id);
                    });
                }
            });
            if let Some(e) = &other_err {
                error_text(ui, e);
            }
            ui.separator();
            ui.horizontal(|ui| {
                submit = ui.button(RichText::new(T::Save.get(lang)).strong()).on_hover_text("Ctrl+Enter").clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command);
                cancel = ui.button(T::Cancel.get(lang)).on_hover_text("Esc").clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
        });
    if cancel || !open {
        *form = None;
        return;
    }
    if submit {
        f.tried = true;
        f.error = None;
        let (Ok(date), Ok(amount)) = (date, amount) else {
            return;
        };
        if f.counterparty.trim().is_empty() {
            return;
        }
        let draft = VoucherDraft {
            kind: f.kind,
            date,
            donor: if f.kind == Kind::Receipt { f.donor } else { None },
            counterparty: f.counterparty.as_str().into(),
            description: f.description.as_str().into(),
            amount,
            method: f.method,
            campaign: f.campaign.as_str().into(),
            purpose: f.purpose.as_str().into(),
            category: if f.kind == Kind::Payment { f.category } else { Category::Other },
        };
        let action = match &f.editing {
            Some((id, _)) => Action::Fund(FundAction::EditVoucher(*id, draft)),
            None => Action::Fund(FundAction::Issue(draft)),
        };
        cx.act(Intent { action, origin: Origin::Fund(FundOrigin::VoucherForm) });
    }
}

pub struct VoidForm {
    id: usize,
    number: String,
    date: String,
    reason: String,
    error: Option<Problem>,
}

impl VoidForm {
    pub fn new(id: usize, v: &Voucher) -> Self {
        let today = chrono::Local::now().date_naive().max(v.body.date);
        Self { id, number: v.number.to_string(), date: format_date(today), reason: String::new(), error: None }
    }
}

pub fn show_void(form: &mut Option<VoidForm>, ctx: &egui::Context, cx: &mut Ctx) {
    let lang = cx.lang;
    let Some(f) = form else { return };
    let mut close = false;
    let mut submit = false;
    let date = date_value(lang, &f.date);
    let modal = egui::Modal::new(egui::Id::unique("void_dialog")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(format!("{} {}", T::VoidTitle.get(lang), f.number));
        ui.label(T::VoidText.get(lang));
        ui.add_space(6.0);
        egui::Grid::new("void_grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let date_err = date.as_ref().err().cloned();
            row(ui, T::VoidDate.get(lang), date_err, |ui, id| date_field(ui, &mut f.date, id, "void_date"));
            let err = f.error.as_ref().map(|e| e.text(lang));
            row(ui, T::Reason.get(lang), err, |ui, id| text(ui, &mut f.reason, id, 300.0, ""));
        });
        ui.separator();
        ui.horizontal(|ui| {
            submit = ui.button(RichText::new(T::ConfirmVoid.get(lang)).strong()).clicked();
            close = ui.button(T::Cancel.get(lang)).clicked();
        });
    });
    if close || modal.should_close() {
        *form = None;
        return;
    }
    if submit && let Ok(date) = date {
        let action = Action::Fund(FundAction::Void { id: f.id, date, reason: f.reason.clone() });
        cx.act(Intent { action, origin: Origin::Fund(FundOrigin::Void) });
    }
}
