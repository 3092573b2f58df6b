//! Opens the window on the book kept in the app's storage folder.
//!
//! `SOKH_STARTUP_PROBE=1` prints how long the window took to show its first frame of data,
//! then closes: the benchmark of a real launch (see the README). `SOKH_STARTUP_PROBE=stay`
//! prints the same and keeps running, for `benches/peers.sh` to watch the process settle.

use sokh::{APP_ID, App, AppConfig};
use std::time::Instant;

/// Measures a real launch: time to the first drawn frame, then exit.
struct Probe {
    app: App,
    start: Instant,
    frames: u32,
    stay: bool,
}

impl eframe::App for Probe {
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        eframe::App::raw_input_hook(&mut self.app, ctx, raw_input);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        eframe::App::on_exit(&mut self.app, gl);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.frames += 1;
        if self.frames == 2 {
            println!("first frame with data after {:.0} ms", self.start.elapsed().as_secs_f64() * 1000.0);
            if !self.stay {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        if self.frames < 2 {
            ui.ctx().request_repaint();
        }
    }
}

/// glibc raises the size from which a block gets a mapping of its own each time such a block
/// is freed (up to 32 MB); after the load's large lists are freed, the book's are carved from
/// heaps that are never given back, and a book of 100,000 vouchers holds about 7 MB more. A
/// fixed threshold keeps every block of 1 MiB or more in its own mapping, returned when freed.
fn fix_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` sets an allocator parameter before any thread is started; it takes no
    // pointers.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

fn main() -> eframe::Result {
    let start = Instant::now();
    fix_mmap_threshold();
    // A panic writes a crash log beside the book, and the unsaved changes apart from it.
    sokh::storage::crash::install();
    let config = AppConfig::standard().open_early();
    let size = config
        .data_dir
        .as_ref()
        .and_then(|d| sokh::ui::app::read_prefs(&sokh::storage::Store::new(d)))
        .and_then(|p| p.window)
        .unwrap_or([1280.0, 800.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sổ Khuyến học")
            .with_app_id(APP_ID)
            .with_inner_size(size)
            .with_min_inner_size([900.0, 560.0]),
        // The window's size is kept with the preferences, beside the book (eframe's own
        // file is rewritten in place, which a full disk can leave empty).
        persist_window: false,
        ..Default::default()
    };
    let probe = std::env::var_os("SOKH_STARTUP_PROBE");
    let stay = probe.as_deref() == Some("stay".as_ref());
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let app = App::new(cc, config);
            if probe.is_some() { Ok(Box::new(Probe { app, start, frames: 0, stay })) } else { Ok(Box::new(app)) }
        }),
    )
}
