//! The fund charts: contributions per month stacked by donor type; this year's running
//! total against the target and last year; share by donor type (donut); top donors;
//! receipts against payments per year. A click on a bar, slice or point lists its vouchers.

use super::FundPrefs;
use crate::i18n::{Lang, T};
use crate::model::action::Action;
use crate::model::book::Book;
use crate::model::date::format_date;
use crate::model::error::Field;
use crate::model::fund::action::FundAction;
use crate::model::fund::donors::DonorType;
use crate::model::fund::ledger::Kind;
use crate::model::fund::stats::{FundStats, Pick, entries_for};
use crate::model::fund::totals::Given;
use crate::model::money::Vnd;
use crate::ui::caches::Memo;
use crate::ui::ctx::Ctx;
use crate::ui::intent::FundOrigin;
use crate::ui::intent::{Intent, Origin};
use crate::ui::labels;
use crate::ui::widgets::{
    PAYMENT, Problem, RECEIPT, form_error, legend, money_value, problem_rest, round_marks, year_picker,
};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, HLine, HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Polygon,
    Text,
};

pub const TYPE_COLORS: [Color32; 6] = [
    Color32::from_rgb(0x2f, 0x6f, 0xb3),
    Color32::from_rgb(0x3a, 0x9d, 0x7a),
    Color32::from_rgb(0xe0, 0x8e, 0x2b),
    Color32::from_rgb(0x8e, 0x5c, 0xb5),
    Color32::from_rgb(0xc8, 0x4b, 0x5a),
    Color32::from_rgb(0x8a, 0x8f, 0x96),
];

#[derive(Default)]
pub struct ChartsUi {
    target: String,
    target_for: Option<i32>,
    error: Option<Problem>,
    /// The clicked element.
    pick: Option<Pick>,
    /// Its vouchers, found for that element at one revision.
    entries: Memo<(Pick, u64), Vec<usize>>,
}

form_error!(ChartsUi);

/// A plot that stays put: clicks pick elements instead of panning or zooming.
fn still_plot(id: &str, height: f32) -> Plot<'static> {
    Plot::new(id).height(height).allow_zoom(false).allow_drag(false).allow_scroll(false)
}

/// What the pointer is over: a click picks it, and hovering shows its figure in a tooltip
/// that the window keeps on screen (the plot's own label is clipped at the chart's edge).
fn hover_pick(
    r: &egui_plot::PlotResponse<Option<PlotPoint>>,
    hit: impl Fn(PlotPoint) -> Option<(Pick, String)>,
    picked: &mut Option<Pick>,
) {
    let Some((pick, text)) = r.inner.and_then(hit) else { return };
    if r.response.clicked() {
        *picked = Some(pick);
    }
    r.response.clone().on_hover_text_at_pointer(text);
}

/// A bar chart's label for one bar.
type BarLabel = Box<dyn Fn(&Bar, &BarChart) -> String>;

/// Bars draw no label of their own: [`hover_pick`] shows it.
fn no_label() -> BarLabel {
    Box::new(|_, _| String::new())
}

fn month_name(lang: Lang, m: usize) -> String {
    T::MONTHS[m.clamp(1, 12) - 1].get(lang).to_owned()
}

/// The money axis in the language's units ("1,2 tỷ đ", "1.2bn ₫").
fn y_money(lang: Lang) -> impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _| lang.short_money(mark.value)
}

fn pick_title(lang: Lang, p: &Pick) -> String {
    match p {
        Pick::Month { year, month, kind } => {
            format!("{} {month}/{year} · {}", T::Month.get(lang), labels::donor_type(*kind).get(lang))
        }
        Pick::Type { year, kind } => format!("{year} · {}", labels::donor_type(*kind).get(lang)),
        Pick::Giver { year, name, .. } => format!("{year} · {name}"),
        Pick::Year { year, kind } => format!("{year} · {}", labels::kind(*kind).get(lang)),
        Pick::UpToDay { year, ordinal0 } => {
            let d = NaiveDate::from_yo_opt(*year, ordinal0 + 1).map(format_date).unwrap_or_default();
            format!("{year} · {} {d}", T::UpTo.get(lang))
        }
    }
}

pub fn show(c: &mut ChartsUi, ui: &mut egui::Ui, prefs: &mut FundPrefs, cx: &mut Ctx) {
    let (lang, book, read_only) = (cx.lang, cx.book, cx.read_only);
    let year = prefs.chart_year.unwrap_or_else(|| cx.caches.current_year());
    let target = book.settings.targets.get(&year).copied();
    if c.target_for != Some(year) {
        c.target = target.map(|t| t.grouped()).unwrap_or_default();
        c.target_for = Some(year);
        c.error = None;
    }
    ui.horizontal(|ui| {
        year_picker(ui, lang, "chart_year", &cx.caches.years, year, &mut prefs.chart_year);
        ui.separator();
        let l = ui.label(format!("{} {year}", T::Target.get(lang)));
        ui.add(
            egui::TextEdit::singleline(&mut c.target)
                .char_limit(crate::model::text::TEXT_MAX)
                .desired_width(140.0)
                .hint_text(T::AmountHint.get(lang)),
        )
        .labelled_by(l.id);
        if ui.add_enabled(!read_only, egui::Button::new(T::SetTarget.get(lang))).clicked() {
            let amount = if c.target.trim().is_empty() { Ok(None) } else { money_value(lang, &c.target).map(Some) };
            match amount {
                Ok(amount) => {
                    c.error = None;
                    cx.act(Intent {
                        action: Action::Fund(FundAction::SetTarget { year, amount }),
                        origin: Origin::Fund(FundOrigin::Target),
                    });
                }
                Err(e) => c.error = Some(Problem::Input(Some(Field::Target), e)),
            }
        }
        problem_rest(ui, lang, &c.error, &[]);
        ui.separator();
        ui.weak(T::ClickHint.get(lang));
    });
    let rev = cx.caches.rev();
    let stats = cx.caches.stats(book, year);
    let mut picked: Option<Pick> = None;
    if let Some(p) = c.pick.as_ref() {
        let rows = c.entries.get((p.clone(), rev), |(p, _)| entries_for(book, p));
        let mut close = false;
        egui::Panel::bottom("chart_entries").resizable(true).default_size(180.0).show(ui, |ui| {
            close = entries_panel(ui, lang, book, p, rows);
        });
        if close {
            c.pick = None;
        }
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        if stats.total == Vnd::ZERO && stats.years.is_empty() {
            ui.label(T::NoData.get(lang));
        }
        ui.columns(2, |cols| {
            cols[0].strong(T::ChartMonthly.get(lang));
            monthly(&mut cols[0], lang, stats, &mut picked);
            cols[1].strong(T::ChartCumulative.get(lang));
            cumulative(&mut cols[1], lang, stats, target, &mut picked);
        });
        ui.add_space(12.0);
        ui.columns(3, |cols| {
            cols[0].strong(T::ChartShare.get(lang));
            donut(&mut cols[0], lang, stats, &mut picked);
            cols[1].strong(T::ChartTop.get(lang));
            top_donors(&mut cols[1], lang, stats, &mut picked);
            cols[2].strong(T::ChartYears.get(lang));
            per_year(&mut cols[2], lang, stats, &mut picked);
        });
    });
    if picked.is_some() {
        c.pick = picked;
    }
}

fn entries_panel(ui: &mut egui::Ui, lang: Lang, book: &Book, p: &Pick, rows: &[usize]) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        let total: Vnd = rows.iter().filter_map(|&i| book.vouchers.get(i)).map(|v| v.body.amount).sum();
        ui.strong(format!(
            "{}: {} — {} {} · {}",
            T::EntriesBehind.get(lang),
            pick_title(lang, p),
            rows.len(),
            T::Rows.get(lang),
            total.display()
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button(T::Close.get(lang)).clicked();
        });
    });
    egui::ScrollArea::vertical().id_salt("pick_rows").auto_shrink(false).show_rows(
        ui,
        20.0,
        rows.len(),
        |ui, range| {
            egui::Grid::new("pick_grid").striped(true).num_columns(4).show(ui, |ui| {
                for v in rows.get(range).unwrap_or(&[]).iter().filter_map(|&i| book.vouchers.get(i)) {
                    ui.label(v.number.as_str());
                    ui.label(format_date(v.body.date));
                    ui.label(v.body.counterparty.as_str());
                    ui.label(v.body.amount.display());
                    ui.end_row();
                }
            });
        },
    );
    close
}

fn monthly(ui: &mut egui::Ui, lang: Lang, s: &FundStats, picked: &mut Option<Pick>) {
    let mut charts: Vec<BarChart> = Vec::new();
    for t in DonorType::ALL {
        let bars: Vec<Bar> = (0..12)
            .map(|m| {
                Bar::new((m + 1) as f64, s.monthly[m][t.index()].0 as f64)
                    .width(0.7)
                    .fill(TYPE_COLORS[t.index()].gamma_multiply(0.9))
                    .name(format!("{} · {}", month_name(lang, m + 1), labels::donor_type(t).get(lang)))
            })
            .collect();
        let mut chart = BarChart::new(labels::donor_type(t).get(lang), bars)
            .color(TYPE_COLORS[t.index()])
            .element_formatter(no_label());
        let below: Vec<&BarChart> = charts.iter().collect();
        chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let year = s.year;
    let names: Vec<(Color32, &str)> =
        DonorType::ALL.iter().map(|t| (TYPE_COLORS[t.index()], labels::donor_type(*t).get(lang))).collect();
    legend(ui, &names);
    let r = still_plot("monthly", 230.0)
        .include_y(0.0)
        .y_grid_spacer(round_marks)
        .x_grid_spacer(|_| (1..=12).map(|m| GridMark { value: m as f64, step_size: 1.0 }).collect())
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(move |m, _| month_name(lang, m.value.round().clamp(1.0, 12.0) as usize))
                .label_spacing(14.0..=20.0),
        ])
        .y_axis_formatter(y_money(lang))
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
            p.pointer_coordinate()
        });
    let hit = |pt: PlotPoint| {
        let m = pt.x.round();
        if !(1.0..=12.0).contains(&m) || (pt.x - m).abs() > 0.35 {
            return None;
        }
        let mut acc = 0.0;
        for t in DonorType::ALL {
            let h = s.monthly[m as usize - 1][t.index()].0 as f64;
            if h > 0.0 && pt.y >= acc && pt.y <= acc + h {
                let text = format!(
                    "{} · {}\n{}",
                    month_name(lang, m as usize),
                    labels::donor_type(t).get(lang),
                    Vnd(h as i64).display()
                );
                return Some((Pick::Month { year, month: m as u32, kind: t }, text));
            }
            acc += h;
        }
        None
    };
    hover_pick(&r, hit, picked);
}

fn cumulative(ui: &mut egui::Ui, lang: Lang, s: &FundStats, target: Option<Vnd>, picked: &mut Option<Pick>) {
    let year = s.year;
    let today = chrono::Local::now().date_naive();
    let upto = if today.year() == year { today.ordinal0() as usize + 1 } else { s.cumulative.len() };
    let this: PlotPoints =
        s.cumulative.iter().take(upto).enumerate().map(|(d, v)| [(d + 1) as f64, v.0 as f64]).collect();
    let last: PlotPoints = s.cumulative_last.iter().enumerate().map(|(d, v)| [(d + 1) as f64, v.0 as f64]).collect();
    // Quarter starts carry dd/mm/yyyy labels; months in between would overlap.
    let quarters: Vec<f64> =
        [1, 4, 7, 10].iter().filter_map(|&m| NaiveDate::from_ymd_opt(year, m, 1)).map(|d| d.ordinal() as f64).collect();
    let this_name = format!("{} {year}", T::ThisYear.get(lang));
    let last_name = format!("{} {}", T::LastYear.get(lang), year - 1);
    let target_name = target.map(|t| format!("{} {}", T::Target.get(lang), lang.short_money(t.0 as f64)));
    let mut names = vec![(RECEIPT, this_name.as_str()), (Color32::GRAY, last_name.as_str())];
    names.extend(target_name.as_deref().map(|t| (PAYMENT, t)));
    legend(ui, &names);
    let r = still_plot("cumulative", 230.0)
        .include_y(0.0)
        .y_grid_spacer(round_marks)
        .include_x(1.0)
        .include_x(366.0)
        .x_grid_spacer(move |_| quarters.iter().map(|v| GridMark { value: *v, step_size: 91.0 }).collect())
        .x_axis_formatter(move |m, _| {
            NaiveDate::from_yo_opt(year, m.value.round().max(1.0) as u32).map(format_date).unwrap_or_default()
        })
        .y_axis_formatter(y_money(lang))
        .label_formatter(move |pos| {
            let (HoverPosition::NearDataPoint { position, .. } | HoverPosition::Elsewhere { position }) = pos;
            let d =
                NaiveDate::from_yo_opt(year, position.x.round().max(1.0) as u32).map(format_date).unwrap_or_default();
            Some(format!("{d}\n{}", lang.short_money(position.y)))
        })
        .show(ui, |p| {
            p.line(Line::new(this_name.as_str(), this).color(RECEIPT).width(2.5));
            p.line(Line::new(last_name.as_str(), last).color(Color32::GRAY).style(LineStyle::dashed_loose()));
            if let Some(t) = target {
                p.add(
                    HLine::new(format!("{} {}", T::Target.get(lang), lang.short_money(t.0 as f64)), t.0 as f64)
                        .color(PAYMENT),
                );
            }
            p.pointer_coordinate()
        });
    if r.response.clicked()
        && let Some(pt) = r.inner
    {
        let day = pt.x.round();
        if day >= 1.0 && (day as usize) <= upto {
            *picked = Some(Pick::UpToDay { year, ordinal0: day as u32 - 1 });
        }
    }
}

fn donut(ui: &mut egui::Ui, lang: Lang, s: &FundStats, picked: &mut Option<Pick>) {
    let total: f64 = s.by_type.iter().map(|v| v.0 as f64).sum();
    let (outer, inner) = (1.0, 0.58);
    let angle_at = |frac: f64| std::f64::consts::FRAC_PI_2 - frac * std::f64::consts::TAU;
    let mut slices: Vec<(DonorType, f64, f64)> = Vec::new();
    let mut acc = 0.0;
    for t in DonorType::ALL {
        let v = s.by_type[t.index()].0 as f64;
        if v > 0.0 && total > 0.0 {
            slices.push((t, acc / total, (acc + v) / total));
            acc += v;
        }
    }
    let year = s.year;
    let r = still_plot("donut", 230.0)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .include_x(-1.1)
        .include_x(1.1)
        .include_y(-1.1)
        .include_y(1.1)
        .show(ui, |p| {
            for (t, f0, f1) in &slices {
                // Convex pieces of at most 4 degrees, so the plot fills them correctly.
                let steps = (((f1 - f0) * 90.0).ceil() as usize).max(1);
                for k in 0..steps {
                    let a0 = angle_at(f0 + (f1 - f0) * k as f64 / steps as f64);
                    let a1 = angle_at(f0 + (f1 - f0) * (k + 1) as f64 / steps as f64);
                    let pts = vec![
                        [outer * a0.cos(), outer * a0.sin()],
                        [outer * a1.cos(), outer * a1.sin()],
                        [inner * a1.cos(), inner * a1.sin()],
                        [inner * a0.cos(), inner * a0.sin()],
                    ];
                    let color = TYPE_COLORS[t.index()];
                    p.polygon(
                        Polygon::new(labels::donor_type(*t).get(lang), pts)
                            .fill_color(color)
                            .stroke(egui::Stroke::new(0.5, color))
                            .allow_hover(false),
                    );
                }
            }
            p.text(Text::new(
                "total",
                PlotPoint::new(0.0, 0.0),
                RichText::new(lang.short_money(total)).strong().size(16.0),
            ));
            p.pointer_coordinate()
        });
    let hit = |pt: PlotPoint| {
        let radius = (pt.x * pt.x + pt.y * pt.y).sqrt();
        if !(inner..=outer).contains(&radius) {
            return None;
        }
        let a = (std::f64::consts::FRAC_PI_2 - pt.y.atan2(pt.x)).rem_euclid(std::f64::consts::TAU);
        let frac = a / std::f64::consts::TAU;
        let (t, f0, f1) = slices.iter().find(|(_, f0, f1)| frac >= *f0 && frac < *f1)?;
        let text = format!(
            "{}\n{} · {}",
            labels::donor_type(*t).get(lang),
            s.by_type[t.index()].display(),
            lang.percent((f1 - f0) * 100.0)
        );
        Some((Pick::Type { year, kind: *t }, text))
    };
    hover_pick(&r, hit, picked);
    for (t, f0, f1) in &slices {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, TYPE_COLORS[t.index()]);
            let text = format!(
                "{} · {} · {}",
                labels::donor_type(*t).get(lang),
                lang.short_money(s.by_type[t.index()].0 as f64),
                lang.percent((f1 - f0) * 100.0)
            );
            if ui.add(egui::Button::new(text).frame(false)).clicked() {
                *picked = Some(Pick::Type { year, kind: *t });
            }
        });
    }
}

fn top_donors(ui: &mut egui::Ui, lang: Lang, s: &FundStats, picked: &mut Option<Pick>) {
    let n = s.top_donors.len();
    let name = |g: &Given| {
        let short: String = g.name.chars().take(22).collect();
        if g.name.chars().count() > 22 { format!("{short}…") } else { short }
    };
    let bars: Vec<Bar> = s
        .top_donors
        .iter()
        .enumerate()
        .map(|(i, g)| Bar::new((n - i) as f64, g.total().0 as f64).width(0.7).fill(TYPE_COLORS[0].gamma_multiply(0.9)))
        .collect();
    let names: Vec<String> = s.top_donors.iter().map(name).collect();
    let year = s.year;
    let r = still_plot("top_donors", 230.0)
        .include_x(0.0)
        .show_y(false)
        .y_grid_spacer(move |_| (1..=n).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect())
        .custom_y_axes(vec![
            AxisHints::new_y()
                .formatter(move |m, _| {
                    let i = n as i64 - m.value.round() as i64;
                    usize::try_from(i).ok().and_then(|i| names.get(i)).cloned().unwrap_or_default()
                })
                .label_spacing(8.0..=12.0),
        ])
        .y_axis_min_width(150.0)
        .x_axis_formatter(y_money(lang))
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new(T::ChartTop.get(lang), bars)
                    .horizontal()
                    .color(TYPE_COLORS[0])
                    .element_formatter(no_label()),
            );
            p.pointer_coordinate()
        });
    let hit = |pt: PlotPoint| {
        let i = n as i64 - pt.y.round() as i64;
        let g = usize::try_from(i).ok().and_then(|i| s.top_donors.get(i))?;
        let on_bar = (pt.y - pt.y.round()).abs() <= 0.35 && pt.x >= 0.0 && pt.x <= g.total().0 as f64;
        let text = format!("{}\n{}", g.name, g.total().display());
        on_bar.then(|| (Pick::Giver { year, key: g.key.clone(), name: g.name.clone() }, text))
    };
    hover_pick(&r, hit, picked);
    for g in s.top_donors.iter().take(5) {
        let b = egui::Button::new(format!("{} · {}", g.name, lang.short_money(g.total().0 as f64))).frame(false);
        if ui.add(b).clicked() {
            *picked = Some(Pick::Giver { year, key: g.key.clone(), name: g.name.clone() });
        }
    }
}

fn per_year(ui: &mut egui::Ui, lang: Lang, s: &FundStats, picked: &mut Option<Pick>) {
    let rec: Vec<Bar> = s
        .years
        .iter()
        .map(|y| {
            Bar::new(y.year as f64 - 0.2, (y.receipts + y.in_kind).0 as f64)
                .width(0.38)
                .fill(RECEIPT.gamma_multiply(0.9))
        })
        .collect();
    let pay: Vec<Bar> = s
        .years
        .iter()
        .map(|y| Bar::new(y.year as f64 + 0.2, y.payments.0 as f64).width(0.38).fill(PAYMENT.gamma_multiply(0.9)))
        .collect();
    legend(ui, &[(RECEIPT, T::Contributions.get(lang)), (PAYMENT, T::Payments.get(lang))]);
    let r = still_plot("per_year", 210.0)
        .include_y(0.0)
        .y_grid_spacer(round_marks)
        .x_grid_spacer(|input| {
            let (a, b) = input.bounds;
            (a.ceil() as i64..=b.floor() as i64).map(|y| GridMark { value: y as f64, step_size: 1.0 }).collect()
        })
        .custom_x_axes(vec![
            AxisHints::new_x().formatter(|m, _| format!("{}", m.value.round() as i64)).label_spacing(30.0..=40.0),
        ])
        .y_axis_formatter(y_money(lang))
        .show(ui, |p| {
            p.bar_chart(BarChart::new(T::Contributions.get(lang), rec).color(RECEIPT).element_formatter(no_label()));
            p.bar_chart(BarChart::new(T::Payments.get(lang), pay).color(PAYMENT).element_formatter(no_label()));
            p.pointer_coordinate()
        });
    let hit = |pt: PlotPoint| {
        let year = pt.x.round();
        let y = s.years.iter().find(|y| y.year as f64 == year)?;
        let (kind, name, amount) = if pt.x < year {
            (Kind::Receipt, T::Contributions, y.receipts + y.in_kind)
        } else {
            (Kind::Payment, T::Payments, y.payments)
        };
        let off = (pt.x - year).abs();
        let on_bar = (0.01..=0.39).contains(&off) && pt.y >= 0.0 && pt.y <= amount.0 as f64;
        on_bar.then(|| {
            (Pick::Year { year: y.year, kind }, format!("{} · {}\n{}", y.year, name.get(lang), amount.display()))
        })
    };
    hover_pick(&r, hit, picked);
    for y in s.years.iter().rev().take(3) {
        ui.horizontal(|ui| {
            ui.label(y.year.to_string());
            if ui
                .add(
                    egui::Button::new(format!(
                        "{} {}",
                        T::Contributions.get(lang),
                        lang.short_money((y.receipts + y.in_kind).0 as f64)
                    ))
                    .frame(false),
                )
                .clicked()
            {
                *picked = Some(Pick::Year { year: y.year, kind: Kind::Receipt });
            }
            if ui
                .add(
                    egui::Button::new(format!("{} {}", T::Payments.get(lang), lang.short_money(y.payments.0 as f64)))
                        .frame(false),
                )
                .clicked()
            {
                *picked = Some(Pick::Year { year: y.year, kind: Kind::Payment });
            }
        });
    }
}
