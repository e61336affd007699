//! Minimal SVG plots for the figures: line plots with logarithmic axes (Figs.
//! 3-4) and heat maps on a grid (Figs. 5-8). Plain SVG text, no dependencies.

use std::fmt::Write;

/// A line series.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    pub dashed: bool,
    pub color: &'static str,
}

/// A line plot.
#[derive(Clone, Debug)]
pub struct LinePlot {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub log_x: bool,
    pub log_y: bool,
    pub series: Vec<Series>,
    /// Horizontal reference lines (value, label).
    pub hlines: Vec<(f64, String)>,
}

const W: f64 = 700.0;
const H: f64 = 440.0;
const L: f64 = 80.0;
const R: f64 = 190.0;
const T: f64 = 40.0;
const B: f64 = 60.0;

/// Palette for series.
pub const COLORS: [&str; 6] = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"];

fn tr(v: f64, log: bool) -> Option<f64> {
    if log { (v > 0.0 && v.is_finite()).then(|| v.log10()) } else { v.is_finite().then_some(v) }
}

fn ticks(lo: f64, hi: f64, log: bool) -> Vec<(f64, String)> {
    if log {
        let (a, b) = (lo.floor() as i64, hi.ceil() as i64);
        let step = ((b - a) as f64 / 8.0).ceil().max(1.0) as i64;
        (a..=b)
            .step_by(step as usize)
            .filter(|e| (*e as f64) >= lo - 1e-9 && (*e as f64) <= hi + 1e-9)
            .map(|e| (e as f64, format!("1e{e}")))
            .collect()
    } else {
        let span = hi - lo;
        let raw = span / 6.0;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| span / s <= 7.0).unwrap_or(mag * 10.0);
        let mut v = (lo / step).ceil() * step;
        let mut out = vec![];
        while v <= hi + 1e-12 {
            out.push((v, format!("{:.3}", v).trim_end_matches('0').trim_end_matches('.').to_string()));
            v += step;
        }
        out
    }
}

/// The frame: axes ranges in plot coordinates, tick marks, labels.
struct Frame<'a> {
    x: (f64, f64),
    y: (f64, f64),
    log_x: bool,
    log_y: bool,
    x_label: &'a str,
    y_label: &'a str,
}

impl Frame<'_> {
    fn px(&self, x: f64) -> f64 {
        L + (x - self.x.0) / (self.x.1 - self.x.0) * (W - L - R)
    }
    fn py(&self, y: f64) -> f64 {
        H - B - (y - self.y.0) / (self.y.1 - self.y.0) * (H - T - B)
    }
    /// Ticks and axis labels.
    fn axes(&self, s: &mut String) {
        for (v, lab) in ticks(self.x.0, self.x.1, self.log_x) {
            let _ = writeln!(
                s,
                r#"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="black"/><text x="{0}" y="{3}" text-anchor="middle">{4}</text>"#,
                self.px(v),
                H - B,
                H - B + 5.0,
                H - B + 18.0,
                lab
            );
        }
        for (v, lab) in ticks(self.y.0, self.y.1, self.log_y) {
            let _ = writeln!(
                s,
                r#"<line x1="{1}" y1="{0}" x2="{2}" y2="{0}" stroke="black"/><text x="{3}" y="{4}" text-anchor="end">{5}</text>"#,
                self.py(v),
                L - 5.0,
                L,
                L - 8.0,
                self.py(v) + 4.0,
                lab
            );
        }
        let _ = writeln!(s, r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#, (L + W - R) / 2.0, H - 15.0, esc(self.x_label));
        let _ = writeln!(
            s,
            r#"<text x="18" y="{0}" text-anchor="middle" transform="rotate(-90 18 {0})">{1}</text>"#,
            (T + H - B) / 2.0,
            esc(self.y_label)
        );
    }
}

/// SVG header with background and title.
fn header(s: &mut String, title: &str) {
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r#"<rect width="{W}" height="{H}" fill="white"/>"#);
    let _ = writeln!(s, r#"<text x="{}" y="22" text-anchor="middle" font-size="14">{}</text>"#, (L + W - R) / 2.0, esc(title));
}

impl LinePlot {
    /// Render as SVG. Points that cannot be shown on a log axis are skipped.
    pub fn svg(&self) -> String {
        let pts: Vec<(f64, f64)> = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|(x, y)| Some((tr(*x, self.log_x)?, tr(*y, self.log_y)?))))
            .chain(self.hlines.iter().filter_map(|(v, _)| tr(*v, self.log_y).map(|y| (f64::NAN, y))))
            .collect();
        let fin = |f: &dyn Fn(&(f64, f64)) -> f64| pts.iter().map(f).filter(|v| v.is_finite()).collect::<Vec<f64>>();
        let xs = fin(&|p| p.0);
        let ys = fin(&|p| p.1);
        let (mut x0, mut x1) = (xs.iter().cloned().fold(f64::INFINITY, f64::min), xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
        let (mut y0, mut y1) = (ys.iter().cloned().fold(f64::INFINITY, f64::min), ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
        if !x0.is_finite() || x0 == x1 {
            (x0, x1) = (x0.min(0.0) - 1.0, x1.max(0.0) + 1.0);
        }
        if !y0.is_finite() || y0 == y1 {
            (y0, y1) = (y0.min(0.0) - 1.0, y1.max(0.0) + 1.0);
        }
        let pad = 0.04 * (y1 - y0);
        let (y0, y1) = (y0 - pad, y1 + pad);
        let frame =
            Frame { x: (x0, x1), y: (y0, y1), log_x: self.log_x, log_y: self.log_y, x_label: &self.x_label, y_label: &self.y_label };
        let px = |x: f64| frame.px(x);
        let py = |y: f64| frame.py(y);
        let mut s = String::new();
        header(&mut s, &self.title);
        let _ = writeln!(s, r#"<rect x="{L}" y="{T}" width="{}" height="{}" fill="none" stroke="black"/>"#, W - L - R, H - T - B);
        frame.axes(&mut s);
        for (v, lab) in &self.hlines {
            if let Some(y) = tr(*v, self.log_y) {
                let _ = writeln!(
                    s,
                    r#"<line x1="{L}" y1="{0}" x2="{1}" y2="{0}" stroke="black" stroke-dasharray="2,3"/><text x="{2}" y="{3}" font-size="10">{4}</text>"#,
                    py(y),
                    W - R,
                    W - R + 4.0,
                    py(y) + 3.0,
                    esc(lab)
                );
            }
        }
        for (k, ser) in self.series.iter().enumerate() {
            let path: Vec<String> = ser
                .points
                .iter()
                .filter_map(|(x, y)| Some(format!("{:.2},{:.2}", px(tr(*x, self.log_x)?), py(tr(*y, self.log_y)?))))
                .collect();
            if path.len() >= 2 {
                let dash = if ser.dashed { r#" stroke-dasharray="6,4""# } else { "" };
                let _ =
                    writeln!(s, r#"<polyline fill="none" stroke="{}" stroke-width="1.6"{dash} points="{}"/>"#, ser.color, path.join(" "));
            }
            let ly = T + 14.0 + 16.0 * k as f64;
            let dash = if ser.dashed { r#" stroke-dasharray="6,4""# } else { "" };
            let _ = writeln!(
                s,
                r#"<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}" stroke-width="1.6"{dash}/><text x="{4}" y="{5}" font-size="11">{6}</text>"#,
                W - R + 8.0,
                ly,
                W - R + 30.0,
                ser.color,
                W - R + 34.0,
                ly + 4.0,
                esc(&ser.name)
            );
        }
        s.push_str("</svg>\n");
        s
    }
}

/// A heat map of a function on a rectangular grid (log10 of the value is coloured).
#[derive(Clone, Debug)]
pub struct HeatMap {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub log_x: bool,
    pub log_y: bool,
    /// Cell centres and values: (x, y, value); values <= 0 or not finite are grey.
    pub cells: Vec<(f64, f64, f64)>,
    /// Colour-scale label.
    pub value_label: String,
    /// Cells where `shade` is true are hatched (excluded regions).
    pub shaded: Vec<(f64, f64)>,
    /// Contour-like markers: cells on a line (x, y) drawn as white dashes.
    pub line: Vec<(f64, f64)>,
}

fn colour(t: f64) -> String {
    // viridis-like ramp, t in [0, 1]
    let stops = [(68.0, 1.0, 84.0), (59.0, 82.0, 139.0), (33.0, 145.0, 140.0), (94.0, 201.0, 98.0), (253.0, 231.0, 37.0)];
    let t = t.clamp(0.0, 1.0) * 4.0;
    let i = (t.floor() as usize).min(3);
    let f = t - i as f64;
    let (a, b) = (stops[i], stops[i + 1]);
    format!("rgb({:.0},{:.0},{:.0})", a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1), a.2 + f * (b.2 - a.2))
}

impl HeatMap {
    pub fn svg(&self) -> String {
        let tx = |v: f64| if self.log_x { v.log10() } else { v };
        let ty = |v: f64| if self.log_y { v.log10() } else { v };
        let mut xs: Vec<f64> = self.cells.iter().map(|c| tx(c.0)).collect();
        let mut ys: Vec<f64> = self.cells.iter().map(|c| ty(c.1)).collect();
        xs.sort_by(f64::total_cmp);
        xs.dedup();
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        if xs.is_empty() || ys.is_empty() {
            return String::from("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        }
        let dx = if xs.len() > 1 { (xs[xs.len() - 1] - xs[0]) / (xs.len() - 1) as f64 } else { 1.0 };
        let dy = if ys.len() > 1 { (ys[ys.len() - 1] - ys[0]) / (ys.len() - 1) as f64 } else { 1.0 };
        let (x0, x1, y0, y1) = (xs[0] - dx / 2.0, xs[xs.len() - 1] + dx / 2.0, ys[0] - dy / 2.0, ys[ys.len() - 1] + dy / 2.0);
        let frame =
            Frame { x: (x0, x1), y: (y0, y1), log_x: self.log_x, log_y: self.log_y, x_label: &self.x_label, y_label: &self.y_label };
        let px = |x: f64| frame.px(x);
        let py = |y: f64| frame.py(y);
        let logs: Vec<f64> = self.cells.iter().filter(|c| c.2 > 0.0 && c.2.is_finite()).map(|c| c.2.log10()).collect();
        let (v0, v1) = (logs.iter().cloned().fold(f64::INFINITY, f64::min), logs.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
        let (v0, v1) = if v0.is_finite() && v1 > v0 { (v0, v1) } else { (0.0, 1.0) };
        let mut s = String::new();
        header(&mut s, &self.title);
        let (cw, ch) = (dx / (x1 - x0) * (W - L - R), dy / (y1 - y0) * (H - T - B));
        for c in &self.cells {
            let fill = if c.2 > 0.0 && c.2.is_finite() { colour((c.2.log10() - v0) / (v1 - v0)) } else { "#bbbbbb".into() };
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{fill}"/>"#,
                px(tx(c.0)) - cw / 2.0,
                py(ty(c.1)) - ch / 2.0,
                cw + 0.3,
                ch + 0.3
            );
        }
        for (x, y) in &self.shaded {
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="black" fill-opacity="0.35"/>"#,
                px(tx(*x)) - cw / 2.0,
                py(ty(*y)) - ch / 2.0,
                cw + 0.3,
                ch + 0.3
            );
        }
        for (x, y) in &self.line {
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="white"/>"#,
                px(tx(*x)) - cw / 4.0,
                py(ty(*y)) - ch / 4.0,
                cw / 2.0,
                ch / 2.0
            );
        }
        let _ = writeln!(s, r#"<rect x="{L}" y="{T}" width="{}" height="{}" fill="none" stroke="black"/>"#, W - L - R, H - T - B);
        frame.axes(&mut s);
        // colour bar
        for k in 0..50 {
            let t = k as f64 / 49.0;
            let y = H - B - t * (H - T - B);
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{:.2}" width="16" height="{:.2}" fill="{}"/>"#,
                W - R + 20.0,
                y - (H - T - B) / 49.0,
                (H - T - B) / 49.0 + 0.5,
                colour(t)
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="10">1e{:.1}</text><text x="{}" y="{}" font-size="10">1e{:.1}</text>"#,
            W - R + 40.0,
            T + 8.0,
            v1,
            W - R + 40.0,
            H - B,
            v0
        );
        let _ = writeln!(
            s,
            r#"<text x="{0}" y="{1}" font-size="11" transform="rotate(-90 {0} {1})" text-anchor="middle">{2}</text>"#,
            W - 12.0,
            (T + H - B) / 2.0,
            esc(&self.value_label)
        );
        s.push_str("</svg>\n");
        s
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
