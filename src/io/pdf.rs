//! The fonts a printed document is set in and the drawing it needs: a Times-New-Roman-
//! compatible serif (Liberation Serif, SIL OFL, bundled so Vietnamese prints the same
//! anywhere) in regular, bold and italic, measured for wrapping and alignment.

use krilla::geom::{PathBuilder, Point};
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.0;
pub(super) const PAGE_H: f32 = 842.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Regular,
    Bold,
    Italic,
}

impl Style {
    fn index(self) -> usize {
        self as usize
    }
}

pub(super) struct Measure<'a> {
    font: skrifa::FontRef<'a>,
}

impl Measure<'_> {
    fn width(&self, text: &str, size: f32) -> f32 {
        let charmap = self.font.charmap();
        let metrics = self.font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars().filter_map(|c| charmap.map(c)).filter_map(|g| metrics.advance_width(g)).sum()
    }
}

pub(super) struct Writer<'a> {
    fonts: [Font; 3],
    measures: [Measure<'a>; 3],
}

impl Writer<'_> {
    pub(super) fn width(&self, style: Style, text: &str, size: f32) -> f32 {
        self.measures[style.index()].width(text, size)
    }

    /// Breaks text into lines no wider than `width`, at spaces where possible.
    pub(super) fn wrap(&self, style: Style, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if self.width(style, &candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_owned();
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    pub(super) fn text(&self, s: &mut Surface, style: Style, x: f32, y: f32, size: f32, text: &str) {
        let font = self.fonts[style.index()].clone();
        s.draw_text(Point::from_xy(x, y), font, size, text, false, TextDirection::Auto);
    }

    pub(super) fn centred(&self, s: &mut Surface, style: Style, (left, width): (f32, f32), y: f32, size: f32, t: &str) {
        let w = self.width(style, t, size);
        self.text(s, style, left + (width - w) / 2.0, y, size, t);
    }

    pub(super) fn right(&self, s: &mut Surface, style: Style, right: f32, y: f32, size: f32, text: &str) {
        let w = self.width(style, text, size);
        self.text(s, style, right - w, y, size, text);
    }

    pub(super) fn rule(&self, s: &mut Surface, x0: f32, y0: f32, x1: f32, y1: f32) {
        let mut p = PathBuilder::new();
        p.move_to(x0, y0);
        p.line_to(x1, y1);
        if let Some(path) = p.finish() {
            s.set_stroke(Some(Stroke { width: 0.6, ..Default::default() }));
            s.set_fill(None);
            s.draw_path(&path);
            s.set_stroke(None);
            s.set_fill(Some(Default::default()));
        }
    }
}

/// The bundled fonts, ready to write and measure with.
pub(super) fn writer() -> Result<Writer<'static>, String> {
    let font = |bytes: &'static [u8]| Font::new(bytes.to_vec().into(), 0).ok_or("font");
    let measure = |bytes: &'static [u8]| skrifa::FontRef::new(bytes).map(|font| Measure { font });
    Ok(Writer {
        fonts: [font(REGULAR)?, font(BOLD)?, font(ITALIC)?],
        measures: [
            measure(REGULAR).map_err(|e| e.to_string())?,
            measure(BOLD).map_err(|e| e.to_string())?,
            measure(ITALIC).map_err(|e| e.to_string())?,
        ],
    })
}
