//! Cooperation documents on the left; the selected one on the right with its legal bases,
//! content areas and tasks (overdue ones in red, those due this week in amber).

use super::forms::{AreaForm, DocForm, TaskForm};
use super::{PlansUi, intent};
use crate::i18n::{Lang, T};
use crate::labels;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::plans::action::PlanAction;
use crate::model::plans::{DocStatus, Document, Link, Task};
use crate::ui::ctx::Ctx;
use crate::ui::intent::PlansOrigin;
use crate::ui::nav::Nav;
use crate::ui::widgets::{ERROR, RECEIPT, WARN};
use chrono::NaiveDate;
use egui::{Color32, RichText};

fn status_color(s: DocStatus) -> Color32 {
    match s {
        DocStatus::Draft => Color32::GRAY,
        DocStatus::InForce => RECEIPT,
        DocStatus::Completed => Color32::from_rgb(0x2f, 0x6f, 0xb3),
        DocStatus::Superseded => WARN,
    }
}

/// "68/CTrPH-HKH-SDGĐT" or, for a draft without a number, its title.
pub fn link_text(lang: Lang, book: &Book, link: &Link) -> String {
    match link {
        Link::AwardList(i) => book.award_lists.get(*i).map(|l| l.title.clone()).unwrap_or_default(),
        Link::ListToMake(title) => match list_named(book, title) {
            Some(_) => title.clone(),
            None => format!("{title} ({})", T::ListToMake.get(lang)),
        },
        Link::Campaign(c) => c.clone(),
        Link::Learning { model, year } => format!("{} {year}", labels::model(*model).get(lang)),
    }
}

/// The award list of this title, once made.
fn list_named(book: &Book, title: &str) -> Option<usize> {
    let key = crate::model::text::fold(title.trim());
    book.award_lists.iter().position(|l| crate::model::text::fold(l.title.trim()) == key)
}

/// Where a task's link leads.
fn nav(book: &Book, link: &Link) -> Nav {
    match link {
        Link::AwardList(i) => Nav::List(*i),
        Link::ListToMake(title) => list_named(book, title).map_or(Nav::Awards, Nav::List),
        Link::Campaign(c) => Nav::Campaign(c.clone()),
        Link::Learning { year, .. } => Nav::Learning(*year),
    }
}

/// A document's entry in the list: its name, title, status and `meta`; the name selects it.
fn entry(ui: &mut egui::Ui, selected: bool, d: &Document, meta: &str, lang: Lang) -> egui::Response {
    let r = ui.selectable_label(selected, RichText::new(d.name()).strong());
    // The number names it; the title (trích yếu) says what it is.
    if !d.number.is_empty() && !d.title.is_empty() {
        ui.add(egui::Label::new(&d.title).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(labels::doc_status(d.status).get(lang)).color(status_color(d.status)));
        ui.weak(meta);
    });
    ui.add_space(4.0);
    r
}

/// A document's kind, period and progress, as its entry in the list shows them (worked out
/// once a change: the progress goes over every task).
fn meta(d: &Document, lang: Lang) -> String {
    let mut meta = labels::doc_kind(d.kind).get(lang).to_owned();
    if let Some((a, b)) = d.period {
        meta.push_str(&format!(" · {a}–{b}"));
    }
    if let Some(p) = d.progress() {
        meta.push_str(&format!(" · {}", lang.percent(f64::from(p))));
    }
    meta
}

pub fn show(s: &mut PlansUi, ui: &mut egui::Ui, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let order = s.doc_order.get((cx.rev(), s.doc_query.clone(), lang), |(_, query, lang)| {
        let words = crate::model::text::query_words(query);
        let mut order: Vec<(usize, &Document)> =
            book.plans.iter().enumerate().filter(|(_, d)| d.matches(&words)).collect();
        // Newest first, drafts not yet signed (a copy just made) at the top.
        order.sort_by_key(|(_, d)| (d.signed.is_some(), std::cmp::Reverse(d.signed)));
        order.into_iter().map(|(i, d)| (i, meta(d, *lang))).collect()
    });
    let order: Vec<(usize, &Document, &str)> =
        order.iter().filter_map(|(i, meta)| book.plans.get(*i).map(|d| (*i, d, meta.as_str()))).collect();
    egui::Panel::left("plan_docs").default_size(330.0).resizable(true).show(ui, |ui| {
        if !read_only && ui.button(format!("+ {}", T::NewDocument.get(lang))).clicked() {
            s.doc_form = Some(DocForm::new(None, Document::default()));
        }
        if book.plans.is_empty() {
            ui.label(T::NoDocuments.get(lang));
        } else {
            ui.horizontal(|ui| {
                let l = ui.label(T::SearchDocs.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut s.doc_query)
                        .desired_width(f32::INFINITY)
                        .hint_text(T::SearchDocsHint.get(lang)),
                )
                .labelled_by(l.id);
            });
            if order.is_empty() {
                ui.weak(T::NoDocMatch.get(lang));
            }
        }
        // Only the entries in view are laid out; the others take the height they took when
        // last laid out (every entry is, once a change, search, language or width).
        let width = ui.available_width().round() as u32;
        let heights = s.doc_heights.get((cx.rev(), s.doc_query.clone(), lang, width), |_| vec![None; order.len()]);
        egui::ScrollArea::vertical().id_salt("docs_scroll").show_viewport(ui, |ui, viewport| {
            let mut y = 0.0;
            for (k, &(i, d, meta)) in order.iter().enumerate() {
                let known = heights.get(k).copied().flatten();
                if let Some(h) = known.filter(|h| y + h < viewport.min.y || y > viewport.max.y) {
                    ui.add_space(h);
                    y += h;
                    continue;
                }
                let top = ui.cursor().min.y;
                if entry(ui, s.selected == Some(i), d, meta, lang).clicked() {
                    s.selected = Some(i);
                    s.highlight = None;
                }
                let h = ui.cursor().min.y - top;
                if let Some(slot) = heights.get_mut(k) {
                    *slot = Some(h);
                }
                y += h;
            }
        });
    });
    let Some(id) = s.selected.filter(|&i| book.plans.get(i).is_some()) else {
        ui.add_space(20.0);
        ui.label(T::PickDocument.get(lang));
        return;
    };
    let today = chrono::Local::now().date_naive();
    egui::ScrollArea::both().id_salt("doc_detail").show(ui, |ui| {
        detail(s, ui, id, today, cx);
    });
}

fn detail(s: &mut PlansUi, ui: &mut egui::Ui, id: usize, today: NaiveDate, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let Some(d) = book.plans.get(id) else { return };
    let t = |k: T| k.get(lang);
    ui.label(RichText::new(format!("{} {}", labels::doc_kind(d.kind).get(lang), d.number)).size(17.0).strong());
    ui.label(RichText::new(&d.title).size(15.0));
    egui::Grid::new("doc_fields").num_columns(2).spacing([14.0, 4.0]).show(ui, |ui| {
        ui.weak(t(T::Signed));
        match d.signed {
            Some(day) => ui.label(format_date(day)),
            // A draft (a copy for the next period) waits for its number and signing day.
            None => ui.label(RichText::new(format!("⚠ {}", t(T::NotSignedYet))).color(WARN)),
        };
        ui.end_row();
        ui.weak(t(T::Signatories));
        let mut who: Vec<&str> = Vec::new();
        if d.by_department {
            who.push(t(T::PDepartment));
        }
        if d.by_association {
            who.push(t(T::PAssociation));
        }
        if !d.others.is_empty() {
            who.push(&d.others);
        }
        ui.label(who.join(", "));
        ui.end_row();
        ui.weak(t(T::Period));
        ui.label(d.period.map(|(a, b)| format!("{a}–{b}")).unwrap_or_default());
        ui.end_row();
        ui.weak(t(T::Status));
        ui.horizontal(|ui| {
            ui.label(RichText::new(labels::doc_status(d.status).get(lang)).color(status_color(d.status)));
            if let Some(n) = d.superseded_by.filter(|_| d.status == DocStatus::Superseded)
                && let Some(other) = book.plans.get(n)
                && ui.link(format!("→ {}", other.name())).clicked()
            {
                s.selected = Some(n);
            }
        });
        ui.end_row();
        ui.weak(t(T::Bases));
        ui.vertical(|ui| {
            for &b in &d.bases {
                if let Some(basis) = book.plans.get(b)
                    && ui.link(format!("{} – {}", basis.name(), basis.title)).clicked()
                {
                    s.selected = Some(b);
                }
            }
        });
        ui.end_row();
    });
    if !read_only {
        ui.horizontal(|ui| {
            if ui.button(t(T::EditDocument)).clicked() {
                s.doc_form = Some(DocForm::new(Some(id), d.clone()));
            }
            if ui.button(t(T::CopyNext)).on_hover_text(t(T::CopyNextHint)).clicked() {
                cx.act(intent(PlanAction::CopyDoc(id), PlansOrigin::Copy));
            }
            if ui.button(format!("+ {}", t(T::AddArea))).clicked() {
                s.area_form = Some(AreaForm { doc: id, area: None, title: String::new(), error: None });
            }
            if ui.button(t(T::DeleteDoc)).clicked() {
                s.delete_ask = Some(id);
            }
        });
    }
    for (a, area) in d.areas.iter().enumerate() {
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}. {}", a + 1, area.title)).strong().size(14.0));
            if !read_only {
                if ui.small_button(t(T::Edit)).clicked() {
                    s.area_form = Some(AreaForm { doc: id, area: Some(a), title: area.title.clone(), error: None });
                }
                if ui.small_button(format!("+ {}", t(T::AddTask))).clicked() {
                    s.task_form = Some(TaskForm::new(id, a, None, &Task::default()));
                }
            }
        });
        if area.tasks.is_empty() {
            ui.weak(t(T::NoTasks));
            continue;
        }
        egui::Grid::new(("tasks", id, a)).striped(true).num_columns(7).spacing([12.0, 4.0]).show(ui, |ui| {
            ui.label("");
            for h in [T::TaskTitle, T::Responsible, T::StartDate, T::DueDate, T::Status, T::Progress] {
                ui.strong(t(h));
            }
            ui.end_row();
            for (k, task) in area.tasks.iter().enumerate() {
                task_row(s, ui, (id, a, k), task, today, cx);
            }
        });
    }
}

fn task_row(
    s: &mut PlansUi,
    ui: &mut egui::Ui,
    at: (usize, usize, usize),
    task: &Task,
    today: NaiveDate,
    cx: &mut Ctx,
) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    if read_only {
        ui.label("");
    } else if ui.small_button(T::Edit.get(lang)).on_hover_text(T::EditTask.get(lang)).clicked() {
        s.task_form = Some(TaskForm::new(at.0, at.1, Some(at.2), task));
    }
    let title = RichText::new(&task.title);
    let title =
        if s.highlight == Some(at) { title.strong().background_color(ui.visuals().selection.bg_fill) } else { title };
    // The title, and under it what the task links to.
    ui.vertical(|ui| {
        ui.set_min_width(300.0);
        ui.set_max_width(380.0);
        ui.add(egui::Label::new(title).wrap_mode(egui::TextWrapMode::Wrap));
        if let Some(link) = &task.link {
            let text = RichText::new(format!("→ {}", link_text(lang, book, link))).small();
            if ui.add(egui::Link::new(text)).on_hover_text(T::OpenLink.get(lang)).clicked() {
                cx.go(nav(book, link));
            }
        }
    });
    let party = if task.party_name.is_empty() {
        labels::party(task.party).get(lang).to_owned()
    } else {
        format!("{} ({})", labels::party(task.party).get(lang), task.party_name)
    };
    ui.label(party);
    ui.label(task.start.map(format_date).unwrap_or_default());
    let due = RichText::new(task.due.map(format_date).unwrap_or_default());
    ui.label(if task.overdue(today) {
        due.color(ERROR).strong()
    } else if task.due_soon(today) {
        due.color(WARN)
    } else {
        due
    });
    ui.label(labels::task_status(task.status).get(lang));
    ui.add(egui::ProgressBar::new(f32::from(task.progress()) / 100.0).desired_width(90.0).show_percentage());
    ui.end_row();
}
