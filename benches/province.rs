//! Province-scale benchmark: 100,000 ledger entries and 20,000 donors, in release.
//!
//!     cargo bench --bench province
//!
//! Prints medians for: saving and loading the book, the first frame, a Fund-tab frame
//! while the table scrolls and while the charts are shown (against a 100-entry book), and
//! the frame in which a new search text is applied.

use chrono::NaiveDate;
use egui::{Event, MouseWheelUnit, Pos2, RawInput, Rect, Vec2};
use sokh::model::book::Data;
use sokh::model::demo::{Sizes, generate};
use sokh::storage::{Loaded, Store};
use sokh::ui::fund::FundView;
use sokh::ui::nav::Nav;
use sokh::ui::tabs::{TabId as Tab, TabPrefs};
use sokh::{App, Prefs};
use std::time::{Duration, Instant};

fn province(receipts_per_year: usize, donors: usize) -> Data {
    let last_day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    Data::new(generate(&Sizes { first_year: 2017, last_year: 2026, donors, receipts_per_year, last_day }, 42))
}

fn input(t: f64, scroll: bool) -> RawInput {
    let mut raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0))),
        time: Some(t),
        ..Default::default()
    };
    raw.events.push(Event::PointerMoved(Pos2::new(600.0, 450.0)));
    if scroll {
        raw.events.push(Event::MouseWheel {
            unit: MouseWheelUnit::Line,
            delta: Vec2::new(0.0, -3.0),
            modifiers: Default::default(),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
    }
    raw
}

/// One frame as eframe runs it: layout and tessellation (painting is the GPU's).
fn frame(ctx: &egui::Context, app: &mut App, t: f64, scroll: bool) -> Duration {
    let start = Instant::now();
    let out = ctx.run_ui(input(t, scroll), |ui| app.show(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    start.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Median frame of the app on `prefs`, after `setup` and ten frames of warming up.
fn median_frame(data: &Data, prefs: Prefs, setup: impl FnOnce(&mut App), frames: usize, scroll: bool) -> Duration {
    let ctx = egui::Context::default();
    sokh::ui::fonts::install(&ctx);
    let mut app = App::with_data(data.clone(), prefs);
    setup(&mut app);
    let mut t = 0.0;
    for _ in 0..10 {
        t += 0.016;
        frame(&ctx, &mut app, t, false);
    }
    // What is worked out on other threads (the roll-up, the overview's sums) comes in.
    std::thread::sleep(Duration::from_millis(400));
    for _ in 0..5 {
        t += 0.016;
        frame(&ctx, &mut app, t, false);
    }
    let times = (0..frames)
        .map(|_| {
            t += 0.016;
            frame(&ctx, &mut app, t, scroll)
        })
        .collect();
    median(times)
}

/// Preferences opening `tab`, with its own set by `set`.
fn prefs(tab: Tab, set: impl FnOnce(&mut TabPrefs)) -> Prefs {
    let mut p = Prefs { tab, ..Default::default() };
    set(&mut p.tabs);
    p
}

/// Median frame of a Fund view.
fn view_cost(data: &Data, view: FundView, frames: usize, scroll: bool) -> Duration {
    median_frame(data, prefs(Tab::Fund, |t| t.fund.view = view), |_| {}, frames, scroll)
}

/// Median frame of the Awards tab showing one list, scrolling its students.
fn awards_frame(data: &Data, list: usize, frames: usize) -> Duration {
    median_frame(data, Prefs::default(), |app| app.go(Nav::List(list)), frames, true)
}

/// 500 lists with 50,000 students, and a 5,000-row spreadsheet import.
fn awards(big: &Data) {
    use sokh::io::table::{read_sheets, write_xlsx};
    use sokh::model::action::{Action, apply};
    use sokh::model::awards::AwardList;
    use sokh::model::awards::action::AwardAction;
    use sokh::model::awards::import::{accepted, guess_header, guess_mapping, preview};
    use sokh::model::awards::scales::association_example;
    use sokh::model::demo::generate_awards;
    use sokh::report::Cell;

    let mut large = big.clone();
    generate_awards(&mut large.book, 500, 100, 9);
    let small = small_book();
    let students: usize = large.book.award_lists.iter().map(|l| l.awardees.len()).sum();
    let last = |n: usize| move |app: &mut App| app.go(Nav::List(n - 1));
    let (big_last, small_last) = (last(large.book.award_lists.len()), last(small.book.award_lists.len()));
    let still = paired_with(&large, &small, Prefs::default, [&big_last, &small_last], 500);
    println!(
        "awards frame, the last list shown ({} lists of 100 students, {students} in all; 5 of 20): {still}; scrolling the province: {}",
        large.book.award_lists.len(),
        ms(awards_frame(&large, large.book.award_lists.len() - 1, 300))
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("5000.xlsx");
    let header: Vec<String> =
        ["STT", "Họ và tên", "Ngày sinh", "Trường", "Môn", "Giải", "Cấp"].map(String::from).to_vec();
    let rows: Vec<Vec<Cell>> = (0..5_000)
        .map(|i| {
            vec![
                Cell::Text((i + 1).to_string()),
                Cell::Text(format!("Nguyễn Văn Học {i}")),
                Cell::Date(
                    chrono::NaiveDate::from_ymd_opt(2008, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap_or_default(),
                ),
                Cell::Text("Trường THPT Đông Hà".into()),
                Cell::Text(["Toán", "Văn", "Anh", "Lý"][i % 4].into()),
                Cell::Text(["Nhất", "Nhì", "Ba", "KK"][i % 4].into()),
                Cell::Text("Quốc gia".into()),
            ]
        })
        .collect();
    write_xlsx(&path, "DS", &header, &rows).expect("xlsx");
    let mut book = large.book.clone();
    book.award_lists.push(AwardList { title: "Nhập 5000".into(), year: 2026, ..Default::default() });
    let id = book.award_lists.len() - 1;
    let start = Instant::now();
    let sheets = read_sheets(&path).expect("read");
    let rows = &sheets[0].rows;
    let h = guess_header(rows);
    let m = guess_mapping(&rows[h]);
    let scale = association_example(2026);
    let p = preview(&book, &book.award_lists[id], Some(&scale), rows, h, &m);
    let students = accepted(&p, true);
    let n = students.len();
    apply(&mut book, Action::Award(AwardAction::Import { list: id, awardees: students })).expect("import");
    println!(
        "import a 5,000-row XLSX (read, preview against 50,000 students, apply): {} for {n} rows",
        ms(start.elapsed())
    );
}

/// 200,000 score sheets over the 78 communes and 10 years.
fn learning(big: &Data) {
    use sokh::model::demo::generate_learning;
    use sokh::model::learning::rollup::{rollup, shares_by_year};
    use sokh::ui::learning::LearningView;
    let mut data = big.clone();
    let communes: Vec<String> = data.book.communes.iter().map(|c| c.name.clone()).collect();
    generate_learning(&mut data.book.learning, &communes, 2017..=2026, 200, 5, chrono::NaiveDate::MAX);
    let l = &data.book.learning;
    let start = Instant::now();
    let (rows, _) = rollup(l, 2026);
    let shares = shares_by_year(l);
    let refresh = start.elapsed();
    println!(
        "learning roll-up refresh ({} sheets, {} subjects, {} rows): {} ({} models charted)",
        l.sheets.len(),
        l.subjects.len(),
        rows.len(),
        ms(refresh),
        shares.len()
    );
    // SOKH_BENCH_VIEW=Grid (or Scoring, Rollup, Decisions): that view alone on the province (on
    // the 100-entry book with SOKH_BENCH_SMALL set), still, for a long time, to profile it.
    let alone = std::env::var("SOKH_BENCH_VIEW").ok();
    let small = small_book();
    for view in [LearningView::Scoring, LearningView::Grid, LearningView::Rollup, LearningView::Decisions] {
        if alone.as_ref().is_some_and(|a| *a != format!("{view:?}")) {
            continue;
        }
        let prefs = || {
            prefs(Tab::Learning, |t| {
                t.learning.view = view;
                t.learning.year = Some(2026);
            })
        };
        if alone.is_some() {
            let book = if std::env::var_os("SOKH_BENCH_SMALL").is_some() { &small } else { &data };
            println!("learning frame, {view:?} alone: {}", ms(median_frame(book, prefs(), |_| {}, 5_000, false)));
            continue;
        }
        // Still against still: scrolled, the small book's lists reach their end in a few frames
        // and then cost nothing to draw, while the province's bring new rows every frame.
        let still = paired(&data, &small, prefs, 500);
        let scrolling = median_frame(&data, prefs(), |_| {}, 200, true);
        println!("learning frame, {view:?}: {still}; scrolling the province: {}", ms(scrolling));
    }
}

/// A book of 100 entries, for the cost of a view against the province's, its entries in the
/// years the views show (2025 and 2026) and spread as the province's are: about 100 vouchers
/// from 50 donors, 5 award lists of 20, the learning models of 20 communes with one family
/// each (100 subjects), the plans of the demo.
fn small_book() -> Data {
    use sokh::model::demo::{generate_awards, generate_learning};
    let last_day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let mut d = Data::new(generate(
        &Sizes { first_year: 2025, last_year: 2026, donors: 50, receipts_per_year: 45, last_day },
        42,
    ));
    d.book.vouchers.truncate(100);
    generate_awards(&mut d.book, 5, 20, 9);
    let communes: Vec<String> = d.book.communes.iter().take(20).map(|c| c.name.clone()).collect();
    generate_learning(&mut d.book.learning, &communes, 2025..=2026, 1, 5, chrono::NaiveDate::MAX);
    sokh::model::plans::demo::add_demo_plans(&mut d.book);
    d
}

/// A view's frame on the province and on the 100-entry book, still, the two apps drawn in turn
/// frame by frame (the machine varies from moment to moment, and both see the same moments):
/// "big, small with 100 entries (ratio r)" from the medians.
fn paired(big: &Data, small: &Data, prefs: impl Fn() -> Prefs, frames: usize) -> String {
    paired_with(big, small, prefs, [&|_| {}, &|_| {}], frames)
}

/// `paired`, each app set up by its own `setup` first (the province's, the small book's).
fn paired_with(
    big: &Data,
    small: &Data,
    prefs: impl Fn() -> Prefs,
    setup: [&dyn Fn(&mut App); 2],
    frames: usize,
) -> String {
    let mut apps = [(big, setup[0]), (small, setup[1])].map(|(d, setup)| {
        let ctx = egui::Context::default();
        sokh::ui::fonts::install(&ctx);
        let mut app = App::with_data(d.clone(), prefs());
        setup(&mut app);
        (ctx, app)
    });
    let mut t = 0.0;
    let draw =
        |apps: &mut [(egui::Context, App); 2], t: f64| apps.each_mut().map(|(ctx, app)| frame(ctx, app, t, false));
    for _ in 0..10 {
        t += 0.016;
        draw(&mut apps, t);
    }
    // What is worked out on other threads (the roll-up, the overview's sums, the search index)
    // comes in: on two cores, until then it takes from the frames measured.
    std::thread::sleep(Duration::from_millis(1_500));
    for _ in 0..5 {
        t += 0.016;
        draw(&mut apps, t);
    }
    let (mut a, mut b) = (Vec::with_capacity(frames), Vec::with_capacity(frames));
    for _ in 0..frames {
        t += 0.016;
        let [x, y] = draw(&mut apps, t);
        a.push(x);
        b.push(y);
    }
    against(median(a), median(b))
}

/// "big, small with 100 entries (ratio r)".
fn against(big: Duration, small: Duration) -> String {
    format!("{}, {} with 100 entries (ratio {:.2})", ms(big), ms(small), big.as_secs_f64() / small.as_secs_f64())
}

/// Median frame of a tab, not scrolling.
fn tab_frame(data: &Data, prefs: Prefs, frames: usize) -> Duration {
    median_frame(data, prefs, |_| {}, frames, false)
}

/// The books a real launch is measured on (`benches/launch.sh`, `benches/peers.sh`), written
/// under `$SOKH_BENCH_DATA`: `fund/` the fund's ten years alone (100,476 vouchers from 20,000
/// donors, the scale of HomeBank's 100,000-transaction book), `province/` the whole province
/// (the same fund, 500 award lists with 50,000 students, 200,139 score sheets).
fn write_books() {
    use sokh::model::demo::{generate_awards, generate_learning};
    let Some(root) = std::env::var_os("SOKH_BENCH_DATA").map(std::path::PathBuf::from) else {
        return eprintln!("SOKH_BENCH_DATA names the folder to write the books in");
    };
    let mut data = province(9_100, 20_000);
    let write = |name: &str, data: &Data| {
        let store = Store::new(root.join(name).join(".local/share/so-khuyen-hoc"));
        std::fs::create_dir_all(store.dir()).expect("folder");
        store.write(data).expect("write");
        let size = std::fs::metadata(store.file()).map(|m| m.len()).unwrap_or(0);
        println!(
            "{name}: {} vouchers, {:.1} MB in {}",
            data.book.vouchers.len(),
            size as f64 / 1e6,
            store.dir().display()
        );
    };
    write("fund", &data);
    generate_awards(&mut data.book, 500, 100, 9);
    let communes: Vec<String> = data.book.communes.iter().map(|c| c.name.clone()).collect();
    generate_learning(&mut data.book.learning, &communes, 2017..=2026, 200, 5, chrono::NaiveDate::MAX);
    write("province", &data);
}

/// The whole province at once (100,000 entries, 500 award lists, 200,000 score sheets,
/// 40 cooperation documents with 2,000 tasks): the Overview and Plans frames, and the yearly
/// reports built and written.
fn overview_and_reports(big: &Data) {
    use sokh::i18n::Lang;
    use sokh::model::demo::{generate_awards, generate_learning};
    use sokh::model::plans::demo::add_demo_plans;
    use sokh::model::report::Period;
    use sokh::report::{coop, disclosure};
    let mut data = big.clone();
    generate_awards(&mut data.book, 500, 100, 9);
    let communes: Vec<String> = data.book.communes.iter().map(|c| c.name.clone()).collect();
    generate_learning(&mut data.book.learning, &communes, 2017..=2026, 200, 5, chrono::NaiveDate::MAX);
    add_demo_plans(&mut data.book);
    let template = data.book.plans.clone();
    for k in 0..4 {
        for d in &template {
            let mut d = d.clone();
            d.title = format!("{} ({k})", d.title);
            for a in &mut d.areas {
                let t = a.tasks.clone();
                for _ in 0..40 {
                    a.tasks.extend(t.iter().cloned());
                }
            }
            data.book.plans.push(d);
        }
    }
    let tasks: usize = data.book.plans.iter().map(|d| d.tasks().count()).sum();
    let small = small_book();
    // SOKH_BENCH_VIEW=Overview (or Plans, Calendar, Cooperation, Disclosure): that view alone,
    // as for the learning views.
    if let Ok(view) = std::env::var("SOKH_BENCH_VIEW") {
        use sokh::ui::reports::ReportView;
        let report = |v| prefs(Tab::Reports, |t| (t.reports.view, t.reports.year) = (v, Some(2025)));
        let p = match view.as_str() {
            "Plans" => Prefs { tab: Tab::Plans, ..Default::default() },
            "Calendar" => prefs(Tab::Plans, |t| t.plans.view = sokh::ui::plans::PlansView::Calendar),
            "Cooperation" => report(ReportView::Cooperation),
            "Disclosure" => report(ReportView::Disclosure),
            _ => Prefs::default(),
        };
        let book = if std::env::var_os("SOKH_BENCH_SMALL").is_some() { &small } else { &data };
        return println!("{view} alone: {}", ms(tab_frame(book, p, 5_000)));
    }
    let both = |p: &dyn Fn() -> Prefs, frames| paired(&data, &small, p, frames);
    let overview = both(&Prefs::default, 500);
    println!("overview frame ({} documents, {tasks} tasks, everything above): {overview}", data.book.plans.len());
    let plans = both(&|| Prefs { tab: Tab::Plans, ..Default::default() }, 500);
    println!("plans frame (document list, none selected): {plans}");
    let calendar = both(&|| prefs(Tab::Plans, |t| t.plans.view = sokh::ui::plans::PlansView::Calendar), 500);
    println!("year calendar frame: {calendar}");
    for view in [sokh::ui::reports::ReportView::Cooperation, sokh::ui::reports::ReportView::Disclosure] {
        let report = || {
            prefs(Tab::Reports, |t| {
                t.reports.view = view;
                t.reports.year = Some(2025);
            })
        };
        println!("reports frame, {view:?} of 2025 shown: {}", both(&report, 500));
    }

    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    let dir = tempfile::tempdir().expect("temp dir");
    let start = Instant::now();
    let doc = coop::build(&data.book, 2025, today, Lang::Vi);
    let built = start.elapsed();
    let pdf = sokh::io::report_file::doc_pdf(&doc).expect("pdf");
    std::fs::write(dir.path().join("bao-cao.pdf"), &pdf).expect("write");
    sokh::io::report_file::doc_xlsx(&dir.path().join("bao-cao.xlsx"), "Báo cáo", &doc).expect("xlsx");
    println!(
        "yearly cooperation report: built in {}, with its PDF ({} kB) and XLSX written in {}",
        ms(built),
        pdf.len() / 1000,
        ms(start.elapsed())
    );
    let start = Instant::now();
    let doc = disclosure::build(&data.book, Period { year: 2025, quarter: None }, today, Lang::Vi);
    println!("yearly fund disclosure built: {}", ms(start.elapsed()));
    let pdf = sokh::io::report_file::doc_pdf(&doc).expect("pdf");
    println!("yearly fund disclosure with its PDF ({} kB): {}", pdf.len() / 1000, ms(start.elapsed()));
}

/// The peak memory of this process so far (VmHWM), in MiB; 0 where /proc is not there.
fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()))
        .map_or(0, |kb| kb / 1024)
}

/// Importing 100,000 old receipts from a CSV into a new book, each step as the window runs it
/// (reading and the preview on their own thread, the commit on the window's).
fn receipts_import() {
    use sokh::model::fund::import::{build_action, guess_mapping, preview};
    use sokh::model::history::History;
    let old = province(10_000, 14_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("so-cu.csv");
    let mut csv = String::from("Ngày;Họ và tên;Số tiền;Nội dung\n");
    for v in old.book.vouchers.iter().filter(|v| v.body.kind == sokh::model::fund::ledger::Kind::Receipt).take(100_000)
    {
        let b = &v.body;
        csv.push_str(&format!("{};{};{};{}\n", b.date.format("%d/%m/%Y"), b.counterparty, b.amount.0, b.description));
    }
    std::fs::write(&path, &csv).expect("write");
    drop(old);
    let before = peak_mib();
    let t = Instant::now();
    let sheets = sokh::io::table::read_sheets(&path).expect("read");
    let read = t.elapsed();
    let rows = &sheets[0].rows;
    let m = guess_mapping(&rows[0]);
    let mut data = Data::new(Default::default());
    let t = Instant::now();
    let p = preview(&data.book, rows, 0, &m);
    let previewed = t.elapsed();
    let t = Instant::now();
    let action = build_action(&data.book, &p, true).expect("rows");
    let built = t.elapsed();
    let t = Instant::now();
    let (label, changes) = sokh::model::action::prepare(&data.book, action).expect("prepares");
    let prepared = t.elapsed();
    let t = Instant::now();
    let action = sokh::model::action::Action::Prepared { base: 0, label, changes };
    History::default().commit(&mut data, action, chrono::Local::now().naive_local()).expect("imports");
    let committed = t.elapsed();
    println!(
        "import {} receipts from a {:.1} MB CSV: read {}, preview {}, build {}, prepare {} (all off the window's thread); \
         commit {} (on it); peak {} MiB (was {} MiB)",
        data.book.vouchers.len(),
        csv.len() as f64 / 1e6,
        ms(read),
        ms(previewed),
        ms(built),
        ms(prepared),
        ms(committed),
        peak_mib(),
        before
    );
}

fn main() {
    match std::env::var("SOKH_BENCH_ONLY").as_deref() {
        Ok("import") => return receipts_import(),
        Ok("books") => return write_books(),
        _ => {}
    }
    let t = Instant::now();
    let big = province(9_100, 20_000);
    println!("generated {} entries, {} donors in {}", big.book.vouchers.len(), big.book.donors.len(), ms(t.elapsed()));
    // SOKH_BENCH_ONLY=learning (or awards, overview, search, tenfold) runs one part, to compare a change quickly.
    match std::env::var("SOKH_BENCH_ONLY").as_deref() {
        Ok("learning") => return learning(&big),
        Ok("awards") => return awards(&big),
        Ok("overview") => return overview_and_reports(&big),
        Ok("search") => return search_and_change(&big),
        Ok("tenfold") => return tenfold(),
        _ => {}
    }
    // Saving (what the background saver does) and loading. With SOKH_BENCH_DATA set, the
    // book is left in that folder for benches/launch.sh.
    let dir = tempfile::tempdir().expect("temp dir");
    let keep = std::env::var_os("SOKH_BENCH_DATA").map(std::path::PathBuf::from);
    let store = Store::new(keep.clone().unwrap_or_else(|| dir.path().to_path_buf()));
    let t = Instant::now();
    store.write(&big).expect("write");
    let save = t.elapsed();
    let size = std::fs::metadata(store.file()).map(|m| m.len()).unwrap_or(0);
    let text = std::fs::read_to_string(store.file()).expect("read");
    let t = Instant::now();
    let parsed = sokh::storage::parse(&text).expect("parse");
    println!("parse only: {}", ms(t.elapsed()));
    let t = Instant::now();
    let ctx = egui::Context::default();
    sokh::ui::fonts::install(&ctx);
    let mut app = App::with_data(parsed, Prefs { tab: Tab::Fund, ..Default::default() });
    frame(&ctx, &mut app, 0.0, false);
    println!("first frame only: {}", ms(t.elapsed()));
    let mut startups = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let Loaded::Ok(data) = store.load() else { panic!("the book should load") };
        let ctx = egui::Context::default();
        sokh::ui::fonts::install(&ctx);
        let mut app = App::with_data(data, Prefs { tab: Tab::Fund, ..Default::default() });
        frame(&ctx, &mut app, 0.0, false);
        startups.push(t.elapsed());
    }
    println!(
        "save (serialise + atomic write + backup, off the UI thread): {} for {:.1} MB",
        ms(save),
        size as f64 / 1e6
    );
    println!("load the book and draw its first frame: {} (median of 5, from its snapshot)", ms(median(startups)));
    // The first start after an update: no snapshot of this program yet, the text is read.
    let snapshot = std::fs::read(store.snapshot_file()).expect("a snapshot");
    let _ = std::fs::remove_file(store.snapshot_file());
    let t = Instant::now();
    let Loaded::Ok(data) = store.load() else { panic!("the book should load") };
    println!("load from the text (no snapshot): {}", ms(t.elapsed()));
    drop(data);
    // Put back as it was, for benches/launch.sh.
    std::fs::write(store.snapshot_file(), snapshot).expect("put back");

    // Still, the two books drawn in turn (see `paired`); and the province's list scrolling.
    let fund = |view| move || prefs(Tab::Fund, |t| t.fund.view = view);
    let small = small_book();
    for (view, name) in [(FundView::Ledger, "ledger"), (FundView::Charts, "charts"), (FundView::Donors, "donors")] {
        let still = paired(&big, &small, fund(view), 500);
        let scrolling = (view != FundView::Charts)
            .then(|| format!("; scrolling the province: {}", ms(view_cost(&big, view, 300, true))));
        println!("{name} frame: {still}{}", scrolling.unwrap_or_default());
    }

    awards(&big);
    learning(&big);
    overview_and_reports(&big);

    search_and_change(&big);
}

/// The frame that applies a new search text, and the ledger frame after a change.
fn search_and_change(big: &Data) {
    // A new search text: the frame that applies it.
    let ctx = egui::Context::default();
    sokh::ui::fonts::install(&ctx);
    let mut app = App::with_data(big.clone(), Prefs { tab: Tab::Fund, ..Default::default() });
    let mut t = 0.0;
    for _ in 0..5 {
        t += 0.016;
        frame(&ctx, &mut app, t, false);
    }
    // The search index is built off the UI thread after loading; a person reaches the
    // search box later than that.
    std::thread::sleep(Duration::from_millis(300));
    let mut searches = Vec::new();
    for q in ["n", "ng", "ngu", "nguy", "nguyen", "nguyen v", "nguyen van", "tiep suc", "hoc bong", "pt-2025"] {
        app.prefs.tabs.fund.filter.query = q.to_owned();
        t += 0.016;
        searches.push(frame(&ctx, &mut app, t, false));
    }
    let worst = searches.iter().max().copied().unwrap_or_default();
    println!("frame applying a new search text: median {}, worst {}", ms(median(searches)), ms(worst));

    // A change on the ledger: a receipt added, then the frame that shows the book after it.
    app.prefs.tabs.fund.filter.query.clear();
    frame(&ctx, &mut app, t, false);
    let mut after_change = Vec::new();
    for k in 0..7 {
        use sokh::model::fund::ledger::{Category, Kind, Method, VoucherDraft};
        let draft = VoucherDraft {
            kind: Kind::Receipt,
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
            donor: None,
            counterparty: format!("Người ủng hộ {k}").into(),
            description: "Ủng hộ Quỹ Khuyến học".into(),
            amount: sokh::model::money::Vnd(100_000),
            method: Method::Cash,
            campaign: Default::default(),
            purpose: Default::default(),
            category: Category::Other,
        };
        let issue = sokh::model::action::Action::Fund(sokh::model::fund::action::FundAction::Issue(draft));
        if app.commit(issue).is_err() {
            continue;
        }
        t += 0.016;
        after_change.push(frame(&ctx, &mut app, t, false));
        // The search index and whatever else works on other threads let go of the book.
        std::thread::sleep(Duration::from_millis(300));
    }
    let worst = after_change.iter().max().copied().unwrap_or_default();
    println!("ledger frame after a change (a receipt added): median {}, worst {}", ms(median(after_change)), ms(worst));
}

/// Ten times the province's history: 1,000,000 vouchers over 30 years from 200,000 donors,
/// for a user who never archives.
fn tenfold() {
    let last_day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let sizes = Sizes { first_year: 1997, last_year: 2026, donors: 200_000, receipts_per_year: 33_000, last_day };
    let t = Instant::now();
    let big = Data::new(generate(&sizes, 7));
    let (vouchers, donors) = (big.book.vouchers.len(), big.book.donors.len());
    println!("tenfold: generated {vouchers} entries, {donors} donors in {}", ms(t.elapsed()));
    // Kept under $SOKH_BENCH_DATA/tenfold/ when that is set, for a real launch (peers.py).
    let dir = tempfile::tempdir().expect("temp dir");
    let keep = std::env::var_os("SOKH_BENCH_DATA")
        .map(|d| std::path::PathBuf::from(d).join("tenfold/.local/share/so-khuyen-hoc"));
    let store = Store::new(keep.unwrap_or_else(|| dir.path().to_path_buf()));
    std::fs::create_dir_all(store.dir()).expect("folder");
    store.write(&big).expect("write");
    drop(big);
    let size = std::fs::metadata(store.file()).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let Loaded::Ok(data) = store.load() else { panic!("the book should load") };
    let ctx = egui::Context::default();
    sokh::ui::fonts::install(&ctx);
    let mut app = App::with_data(data.clone(), Prefs { tab: Tab::Fund, ..Default::default() });
    frame(&ctx, &mut app, 0.0, false);
    println!("tenfold: load the {:.0} MB book and draw its first frame: {}", size as f64 / 1e6, ms(t.elapsed()));
    let _ = std::fs::remove_file(store.snapshot_file());
    let t = Instant::now();
    let Loaded::Ok(text_read) = store.load() else { panic!("the book should load") };
    println!("tenfold: load from the text (no snapshot): {}", ms(t.elapsed()));
    drop(text_read);
    drop(app);
    let ledger = view_cost(&data, FundView::Ledger, 200, true);
    let charts = view_cost(&data, FundView::Charts, 200, false);
    let donors_frame = view_cost(&data, FundView::Donors, 200, true);
    println!(
        "tenfold: frames, ledger scrolling {}, charts {}, donors scrolling {}",
        ms(ledger),
        ms(charts),
        ms(donors_frame)
    );
    search_and_change(&data);
    println!("tenfold: peak memory of the benchmark process (the book and its copies): {} MiB", peak_mib());
}
