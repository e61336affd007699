//! Figures drawn with `plotters` (SVG and PNG backends): line plots (Figs. 3-4)
//! and maps with a colour bar (Figs. 5-8) whose boundaries are true contour
//! lines from the marching squares of the `contour` crate, labelled in the
//! plot. Log axes are labelled 10^n; legends sit beside the plot, never on the
//! data. Text in PNGs uses the bundled DejaVu Sans (`assets/fonts/`), so the
//! output does not depend on the fonts of the machine.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::colors::colormaps::ViridisRGB;
use thiserror::Error;

/// A figure could not be drawn.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum PlotError {
    #[error("drawing {title:?} failed: {message}")]
    Draw { title: String, message: String },
    #[error("encoding {title:?} as PNG failed: {message}")]
    Png { title: String, message: String },
    #[error("the bundled font assets/fonts/DejaVuSans.ttf cannot be read")]
    Font,
    #[error("{title:?}: the grid has {xs} x {ys} points but {values} values")]
    Grid { title: String, xs: usize, ys: usize, values: usize },
}

/// The output formats of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

/// Every format a figure is written in.
pub const FORMATS: [Format; 2] = [Format::Svg, Format::Png];

/// Palette for series.
pub const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
];

const SIZE: (u32, u32) = (900, 540);
const FONT: &str = "sans-serif";

fn register_font() -> Result<(), PlotError> {
    static ONCE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ok = *ONCE.get_or_init(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, include_bytes!("../../assets/fonts/DejaVuSans.ttf")).is_ok()
    });
    if ok { Ok(()) } else { Err(PlotError::Font) }
}

/// The exponent n as superscript digits (for 10^n labels).
pub fn superscript(n: i64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '-' => '\u{207B}',
            '0' => '\u{2070}',
            '1' => '\u{00B9}',
            '2' => '\u{00B2}',
            '3' => '\u{00B3}',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
        })
        .collect()
}

/// The label of a point of a log10 axis: 10^n at whole decades, nothing
/// between them when the axis spans a decade or more; on a shorter axis the
/// value itself (2 significant digits, `a.b x 10^n`).
pub fn log_label(v: f64, span: f64) -> String {
    let n = v.round();
    if span >= 1.0 {
        return if (v - n).abs() < 1e-6 { format!("10{}", superscript(n as i64)) } else { String::new() };
    }
    let x = 10f64.powf(v);
    let e = x.log10().floor();
    let m = x / 10f64.powf(e);
    if e == 0.0 { format!("{m:.1}") } else { format!("{m:.1}\u{00D7}10{}", superscript(e as i64)) }
}

fn linear_label(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The tick labels of an axis in plot coordinates (log10 of the value on a log axis).
fn axis_label(log: bool, span: f64) -> impl Fn(&f64) -> String {
    move |v: &f64| if log { log_label(*v, span) } else { linear_label(*v) }
}

/// A chart on linear f64 axes.
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The chart of a figure: caption, margins and label areas, on linear axes in
/// plot coordinates (log10 already taken where an axis is logarithmic).
fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    font_size: u32,
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    ChartBuilder::on(area)
        .caption(title, (FONT, font_size))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(x0..x1, y0..y1)
}

fn to_axis(v: f64, log: bool) -> Option<f64> {
    if log { (v > 0.0 && v.is_finite()).then(|| v.log10()) } else { v.is_finite().then_some(v) }
}

fn draw_err<E: std::fmt::Debug>(title: &str) -> impl Fn(E) -> PlotError + '_ {
    move |e| PlotError::Draw { title: title.to_string(), message: format!("{e:?}") }
}

/// Render `draw` on the backend of `format`: SVG text or PNG bytes.
fn render(
    title: &str,
    format: Format,
    draw: impl Fn(DrawingArea<SVGBackend, Shift>) -> Result<(), PlotError>,
    draw_png: impl Fn(DrawingArea<BitMapBackend, Shift>) -> Result<(), PlotError>,
) -> Result<Vec<u8>, PlotError> {
    register_font()?;
    match format {
        Format::Svg => {
            let mut s = String::new();
            {
                let root = SVGBackend::with_string(&mut s, SIZE).into_drawing_area();
                draw(root)?;
            }
            Ok(s.into_bytes())
        }
        Format::Png => {
            let mut buf = vec![0u8; (SIZE.0 * SIZE.1 * 3) as usize];
            {
                let root = BitMapBackend::with_buffer(&mut buf, SIZE).into_drawing_area();
                draw_png(root)?;
            }
            let img = image::RgbImage::from_raw(SIZE.0, SIZE.1, buf)
                .ok_or_else(|| PlotError::Png { title: title.into(), message: "buffer size".into() })?;
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Png).map_err(|e| PlotError::Png { title: title.into(), message: e.to_string() })?;
            Ok(out.into_inner())
        }
    }
}

/// A text label at pixel `pos` of `area` (left-aligned, or right-aligned when
/// `right`), drawn over a dark outline so that it reads on any colour.
fn label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    pos: (i32, i32),
    color: RGBColor,
    right: bool,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let anchor = Pos::new(if right { HPos::Right } else { HPos::Left }, VPos::Center);
    let outline = (FONT, 14).into_font().color(&BLACK).pos(anchor);
    for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
        area.draw(&Text::new(text.to_string(), (pos.0 + dx, pos.1 + dy), outline.clone()))?;
    }
    area.draw(&Text::new(text.to_string(), pos, (FONT, 14).into_font().color(&color).pos(anchor)))
}

/// A line series.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    pub dashed: bool,
    pub color: RGBColor,
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
    /// Horizontal reference lines (value, label), labelled in the plot.
    pub hlines: Vec<(f64, String)>,
}

impl LinePlot {
    /// Draw the plot in `format`. Points that a log axis cannot show are skipped.
    ///
    /// # Errors
    /// The backend fails, or the PNG cannot be encoded.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, PlotError> {
        render(&self.title, format, |a| self.draw(a), |a| self.draw(a))
    }

    fn ranges(&self) -> ((f64, f64), (f64, f64)) {
        let pts: Vec<(f64, f64)> = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|(x, y)| Some((to_axis(*x, self.log_x)?, to_axis(*y, self.log_y)?))))
            .collect();
        let ys_h: Vec<f64> = self.hlines.iter().filter_map(|(v, _)| to_axis(*v, self.log_y)).collect();
        let span = |v: &mut dyn Iterator<Item = f64>| {
            let (lo, hi) = v.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
            if lo.is_finite() && hi > lo {
                (lo, hi)
            } else if lo.is_finite() {
                (lo - 1.0, lo + 1.0)
            } else {
                (0.0, 1.0)
            }
        };
        let x = span(&mut pts.iter().map(|p| p.0));
        let y = span(&mut pts.iter().map(|p| p.1).chain(ys_h.iter().copied()));
        let pad = 0.05 * (y.1 - y.0);
        (x, (y.0 - pad, y.1 + pad))
    }

    fn draw<DB: DrawingBackend>(&self, root: DrawingArea<DB, Shift>) -> Result<(), PlotError> {
        let e = draw_err(&self.title);
        root.fill(&WHITE).map_err(&e)?;
        let (plot, legend) = root.split_horizontally(SIZE.0 - 210);
        let ((x0, x1), (y0, y1)) = self.ranges();
        let mut chart = frame(&plot, &self.title, 17, (x0, x1), (y0, y1)).map_err(&e)?;
        let (lx, ly) = (self.log_x, self.log_y);
        let (fx, fy) = (axis_label(lx, x1 - x0), axis_label(ly, y1 - y0));
        chart
            .configure_mesh()
            .x_desc(&self.x_label)
            .y_desc(&self.y_label)
            .x_label_formatter(&fx)
            .y_label_formatter(&fy)
            .x_labels(12)
            .y_labels(12)
            .light_line_style(WHITE)
            .label_style((FONT, 14))
            .axis_desc_style((FONT, 15))
            .draw()
            .map_err(&e)?;
        let data: Vec<(f64, f64)> =
            self.series.iter().flat_map(|s| s.points.iter().filter_map(|(x, y)| Some((to_axis(*x, lx)?, to_axis(*y, ly)?)))).collect();
        for (v, label) in &self.hlines {
            if let Some(y) = to_axis(*v, ly) {
                chart.draw_series(DashedLineSeries::new(vec![(x0, y), (x1, y)], 3, 4, BLACK.stroke_width(1))).map_err(&e)?;
                // the label sits just above the line where the fewest data points would cover it
                let (w, h) = (0.012 * label.chars().count() as f64 * (x1 - x0), 0.07 * (y1 - y0));
                let covered =
                    |xa: f64| data.iter().filter(|(x, yv)| *x >= xa && *x <= xa + w && *yv >= y - 0.01 * (y1 - y0) && *yv <= y + h).count();
                let xa = (0..=16)
                    .map(|k| x0 + 0.01 * (x1 - x0) + (x1 - x0 - w - 0.02 * (x1 - x0)).max(0.0) * k as f64 / 16.0)
                    .min_by_key(|xa| covered(*xa))
                    .unwrap_or(x0);
                let pos = (xa, y + 0.045 * (y1 - y0));
                chart.draw_series(std::iter::once(Text::new(label.clone(), pos, (FONT, 13).into_font().color(&BLACK)))).map_err(&e)?;
            }
        }
        for s in &self.series {
            let pts: Vec<(f64, f64)> = s.points.iter().filter_map(|(x, y)| Some((to_axis(*x, lx)?, to_axis(*y, ly)?))).collect();
            let style = s.color.stroke_width(2);
            if s.dashed {
                chart.draw_series(DashedLineSeries::new(pts, 7, 5, style)).map_err(&e)?;
            } else {
                chart.draw_series(LineSeries::new(pts, style)).map_err(&e)?;
            }
        }
        // the legend, beside the plot
        for (k, s) in self.series.iter().enumerate() {
            let y = 60 + 24 * k as i32;
            let style = s.color.stroke_width(2);
            if s.dashed {
                for seg in 0..3 {
                    legend.draw(&PathElement::new(vec![(10 + 12 * seg, y), (17 + 12 * seg, y)], style)).map_err(&e)?;
                }
            } else {
                legend.draw(&PathElement::new(vec![(10, y), (42, y)], style)).map_err(&e)?;
            }
            legend.draw(&Text::new(s.name.clone(), (50, y - 8), (FONT, 14))).map_err(&e)?;
        }
        root.present().map_err(&e)?;
        Ok(())
    }
}

/// Values on a rectangular grid: `values[j * xs.len() + i]` at `(xs[i], ys[j])`;
/// NaN marks a point without a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub values: Vec<f64>,
}

impl Field {
    /// A field from samples (x, y, value) on a grid; a missing point is NaN.
    pub fn from_samples(samples: &[(f64, f64, f64)]) -> Field {
        let mut xs: Vec<f64> = samples.iter().map(|s| s.0).collect();
        let mut ys: Vec<f64> = samples.iter().map(|s| s.1).collect();
        for v in [&mut xs, &mut ys] {
            v.sort_by(f64::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() <= 1e-12 * b.abs().max(1e-300));
        }
        let mut values = vec![f64::NAN; xs.len() * ys.len()];
        for (x, y, v) in samples {
            let i = xs.partition_point(|a| *a < *x - 1e-12 * x.abs());
            let j = ys.partition_point(|a| *a < *y - 1e-12 * y.abs());
            if i < xs.len() && j < ys.len() {
                values[j * xs.len() + i] = *v;
            }
        }
        Field { xs, ys, values }
    }

    /// The level curves `value = level` as polylines in data coordinates
    /// (marching squares of the `contour` crate, linear interpolation between
    /// grid points; missing points take the mean of their neighbours).
    pub fn contour(&self, level: f64) -> Vec<Vec<(f64, f64)>> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        if nx < 2 || ny < 2 || self.values.len() != nx * ny {
            return vec![];
        }
        let filled: Vec<f64> = (0..nx * ny)
            .map(|k| {
                let v = self.values[k];
                if v.is_finite() {
                    return v;
                }
                let (i, j) = ((k % nx) as i64, (k / nx) as i64);
                let nb: Vec<f64> = [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
                    .iter()
                    .filter(|(a, b)| *a >= 0 && *b >= 0 && (*a as usize) < nx && (*b as usize) < ny)
                    .map(|(a, b)| self.values[*b as usize * nx + *a as usize])
                    .filter(|v| v.is_finite())
                    .collect();
                if nb.is_empty() { level } else { nb.iter().sum::<f64>() / nb.len() as f64 }
            })
            .collect();
        let Ok(lines) = contour::ContourBuilder::new(nx, ny, true).lines(&filled, &[level]) else { return vec![] };
        // grid index k sits at contour coordinate k + 0.5; the frame of the grid closes each ring: drop it
        let at = |c: f64, axis: &[f64]| {
            let t = (c - 0.5).clamp(0.0, (axis.len() - 1) as f64);
            let k = (t.floor() as usize).min(axis.len() - 2);
            axis[k] + (t - k as f64) * (axis[k + 1] - axis[k])
        };
        let on_frame = |x: f64, y: f64| x <= 0.5 || y <= 0.5 || x >= nx as f64 - 0.5 || y >= ny as f64 - 0.5;
        let mut out = vec![];
        for l in &lines {
            for ring in l.geometry().0.iter() {
                let mut run: Vec<(f64, f64)> = vec![];
                for c in ring.0.iter() {
                    if on_frame(c.x, c.y) {
                        if run.len() >= 2 {
                            out.push(std::mem::take(&mut run));
                        }
                        run.clear();
                    } else {
                        run.push((at(c.x, &self.xs), at(c.y, &self.ys)));
                    }
                }
                if run.len() >= 2 {
                    out.push(run);
                }
            }
        }
        out
    }
}

/// A boundary drawn as a contour line of a field, labelled in the plot.
#[derive(Clone, Debug)]
pub struct Boundary {
    pub field: Field,
    pub level: f64,
    pub label: String,
    pub dashed: bool,
    pub color: RGBColor,
}

/// A map: a field coloured (log10 of its magnitude when `log_values`), with a
/// colour bar, shaded cells and labelled contour lines.
#[derive(Clone, Debug)]
pub struct MapPlot {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub log_x: bool,
    pub log_y: bool,
    pub field: Field,
    pub log_values: bool,
    pub value_label: String,
    /// Points whose cells are shaded (an excluded region).
    pub shaded: Vec<(f64, f64)>,
    pub boundaries: Vec<Boundary>,
}

impl MapPlot {
    /// Draw the map in `format`.
    ///
    /// # Errors
    /// The grid does not match its values, the backend fails, or the PNG cannot be encoded.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, PlotError> {
        let f = &self.field;
        if f.values.len() != f.xs.len() * f.ys.len() {
            return Err(PlotError::Grid { title: self.title.clone(), xs: f.xs.len(), ys: f.ys.len(), values: f.values.len() });
        }
        render(&self.title, format, |a| self.draw(a), |a| self.draw(a))
    }

    fn colour_value(&self, v: f64) -> Option<f64> {
        if self.log_values { (v != 0.0 && v.is_finite()).then(|| v.abs().log10()) } else { v.is_finite().then_some(v) }
    }

    fn draw<DB: DrawingBackend>(&self, root: DrawingArea<DB, Shift>) -> Result<(), PlotError> {
        let e = draw_err(&self.title);
        root.fill(&WHITE).map_err(&e)?;
        let (plot, bar) = root.split_horizontally(SIZE.0 - 130);
        let f = &self.field;
        let ax = |v: &[f64], log: bool| v.iter().map(|x| to_axis(*x, log).unwrap_or(f64::NAN)).collect::<Vec<f64>>();
        let (xs, ys) = (ax(&f.xs, self.log_x), ax(&f.ys, self.log_y));
        // cell edges halfway between grid points
        let edges = |v: &[f64]| {
            let n = v.len();
            let mut e = vec![0.0; n + 1];
            for k in 1..n {
                e[k] = 0.5 * (v[k - 1] + v[k]);
            }
            e[0] = if n > 1 { v[0] - 0.5 * (v[1] - v[0]) } else { v[0] - 0.5 };
            e[n] = if n > 1 { v[n - 1] + 0.5 * (v[n - 1] - v[n - 2]) } else { v[0] + 0.5 };
            e
        };
        let (ex, ey) = (edges(&xs), edges(&ys));
        let (x0, x1, y0, y1) = (ex[0], ex[xs.len()], ey[0], ey[ys.len()]);
        let cvals: Vec<f64> = f.values.iter().filter_map(|v| self.colour_value(*v)).collect();
        let (v0, v1) = cvals.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(*x), b.max(*x)));
        let (v0, v1) = if v0.is_finite() && v1 > v0 {
            (v0, v1)
        } else if v0.is_finite() {
            (v0 - 0.5, v0 + 0.5)
        } else {
            (0.0, 1.0)
        };
        let mut chart = frame(&plot, &self.title, 16, (x0, x1), (y0, y1)).map_err(&e)?;
        let (lx, ly) = (self.log_x, self.log_y);
        let (fx, fy) = (axis_label(lx, x1 - x0), axis_label(ly, y1 - y0));
        let nx = xs.len();
        chart
            .draw_series(f.values.iter().enumerate().map(|(k, v)| {
                let (i, j) = (k % nx, k / nx);
                let colour = match self.colour_value(*v) {
                    Some(c) => ViridisRGB::get_color_normalized(c, v0, v1),
                    None => RGBColor(190, 190, 190),
                };
                Rectangle::new([(ex[i], ey[j]), (ex[i + 1], ey[j + 1])], colour.filled())
            }))
            .map_err(&e)?;
        let shade = BLACK.mix(0.35).filled();
        chart
            .draw_series(self.shaded.iter().filter_map(|(x, y)| {
                let (tx, ty) = (to_axis(*x, lx)?, to_axis(*y, ly)?);
                let i = xs.iter().position(|a| (a - tx).abs() <= 1e-9 * a.abs().max(1.0))?;
                let j = ys.iter().position(|a| (a - ty).abs() <= 1e-9 * a.abs().max(1.0))?;
                Some(Rectangle::new([(ex[i], ey[j]), (ex[i + 1], ey[j + 1])], shade))
            }))
            .map_err(&e)?;
        let lines: Vec<Vec<Vec<(f64, f64)>>> = self
            .boundaries
            .iter()
            .map(|b| {
                b.field
                    .contour(b.level)
                    .iter()
                    .map(|line| line.iter().filter_map(|(x, y)| Some((to_axis(*x, lx)?, to_axis(*y, ly)?))).collect())
                    .collect()
            })
            .collect();
        for (k, b) in self.boundaries.iter().enumerate() {
            let mut longest: Vec<(f64, f64)> = vec![];
            for pts in lines[k].iter().cloned() {
                let style = b.color.stroke_width(3);
                if b.dashed {
                    chart.draw_series(DashedLineSeries::new(pts.clone(), 9, 6, style)).map_err(&e)?;
                } else {
                    chart.draw_series(LineSeries::new(pts.clone(), style)).map_err(&e)?;
                }
                if pts.len() > longest.len() {
                    longest = pts;
                }
            }
            // the label goes where the other boundaries are farthest (in fractions of the plot)
            let others: Vec<(f64, f64)> =
                lines.iter().enumerate().filter(|(m, _)| *m != k).flat_map(|(_, l)| l.iter().flatten().copied()).collect();
            let clearance = |p: &(f64, f64)| {
                others.iter().map(|q| ((p.0 - q.0) / (x1 - x0)).hypot((p.1 - q.1) / (y1 - y0))).fold(f64::INFINITY, f64::min)
            };
            let n = longest.len();
            let spot =
                (n / 5..=(4 * n / 5).min(n.saturating_sub(1))).max_by(|a, b| clearance(&longest[*a]).total_cmp(&clearance(&longest[*b])));
            if let Some(p) = spot.and_then(|i| longest.get(i)) {
                // to the right of the line, or to its left where the label would leave the plot
                let (px, py) = chart.backend_coord(p);
                let (right_end, _) = chart.backend_coord(&(x1, y1));
                let left = px + 8 + 8 * b.label.chars().count() as i32 > right_end;
                label(&plot, &b.label, (if left { px - 8 } else { px + 8 }, py), b.color, left).map_err(&e)?;
            }
        }
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc(&self.x_label)
            .y_desc(&self.y_label)
            .x_label_formatter(&fx)
            .y_label_formatter(&fy)
            .x_labels(16)
            .y_labels(16)
            .label_style((FONT, 14))
            .axis_desc_style((FONT, 15))
            .draw()
            .map_err(&e)?;
        // the colour bar, beside the plot
        let fv = axis_label(self.log_values, v1 - v0);
        let mut cb = ChartBuilder::on(&bar)
            .margin_top(46)
            .margin_bottom(57)
            .margin_right(8)
            .y_label_area_size(0)
            .right_y_label_area_size(70)
            .build_cartesian_2d(0.0..1.0, v0..v1)
            .map_err(&e)?;
        let n = 120;
        cb.draw_series((0..n).map(|k| {
            let (a, b) = (v0 + (v1 - v0) * k as f64 / n as f64, v0 + (v1 - v0) * (k + 1) as f64 / n as f64);
            Rectangle::new([(0.0, a), (1.0, b)], ViridisRGB::get_color_normalized(0.5 * (a + b), v0, v1).filled())
        }))
        .map_err(&e)?;
        cb.configure_mesh()
            .disable_mesh()
            .disable_x_axis()
            .y_desc(&self.value_label)
            .y_label_formatter(&fv)
            .y_labels(12)
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 14))
            .draw()
            .map_err(&e)?;
        root.present().map_err(&e)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_log_axes() {
        assert_eq!(log_label(-5.0, 7.0), "10\u{207B}\u{2075}");
        assert_eq!(log_label(12.0, 7.0), "10\u{00B9}\u{00B2}");
        assert_eq!(log_label(-5.8, 7.0), "");
        // less than a decade: the value itself
        assert_eq!(log_label(2.0f64.log10() - 11.0, 0.5), "2.0\u{00D7}10\u{207B}\u{00B9}\u{00B9}");
        assert_eq!(superscript(-30), "\u{207B}\u{00B3}\u{2070}");
    }

    #[test]
    fn contour_of_a_plane_is_the_straight_line() {
        // v = x + 2 y on a 9 x 7 grid: the level 5 is the line x = 5 - 2 y
        let xs: Vec<f64> = (0..9).map(|i| i as f64 * 0.5).collect();
        let ys: Vec<f64> = (0..7).map(|j| j as f64 * 0.3).collect();
        let values = ys.iter().flat_map(|y| xs.iter().map(move |x| x + 2.0 * y)).collect();
        let f = Field { xs, ys, values };
        let lines = f.contour(5.0);
        assert!(!lines.is_empty());
        for l in &lines {
            for (x, y) in l {
                assert!((x + 2.0 * y - 5.0).abs() < 1e-9, "({x}, {y})");
            }
        }
    }

    #[test]
    fn figures_render_in_both_formats() {
        let plot = LinePlot {
            title: "t".into(),
            x_label: "x".into(),
            y_label: "y".into(),
            log_x: true,
            log_y: true,
            series: vec![Series {
                name: "a".into(),
                points: vec![(1.0, 1e-10), (10.0, 1e-9), (100.0, 2e-9)],
                dashed: true,
                color: COLORS[0],
            }],
            hlines: vec![(5e-10, "observed".into())],
        };
        let svg = String::from_utf8(plot.render(Format::Svg).unwrap()).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("observed") && svg.contains("10\u{207B}\u{2079}"));
        let png = plot.render(Format::Png).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let samples: Vec<(f64, f64, f64)> =
            (0..5).flat_map(|j| (0..6).map(move |i| (10f64.powi(i), j as f64, 10f64.powf(i as f64 - 8.0)))).collect();
        let field = Field::from_samples(&samples);
        let map = MapPlot {
            title: "m".into(),
            x_label: "x".into(),
            y_label: "y".into(),
            log_x: true,
            log_y: false,
            field: field.clone(),
            log_values: true,
            value_label: "v".into(),
            shaded: vec![(1.0, 0.0)],
            boundaries: vec![Boundary {
                field: Field { values: field.values.iter().map(|v| v.log10() + 5.5).collect(), ..field.clone() },
                level: 0.0,
                label: "edge".into(),
                dashed: true,
                color: WHITE,
            }],
        };
        let svg = String::from_utf8(map.render(Format::Svg).unwrap()).unwrap();
        assert!(svg.contains("edge") && svg.contains("polyline"));
        assert_eq!(&map.render(Format::Png).unwrap()[1..4], b"PNG");
    }
}
