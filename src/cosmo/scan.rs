//! Parameter scans for Figs. 5-7: a grid of points evaluated in parallel on the
//! process's rayon pool of the requested size ([`crate::numerics::pool`]; no Symbolica
//! on the workers), written row by row to
//! CSV so that a re-run skips finished points, and split into shards for batch
//! schedulers (`--shard i/N` takes the points k with k mod N = i).

use crate::cosmo::error::CosmoError;
use crate::cosmo::evolution::{Settings, evolve, hubble};
use crate::cosmo::point::{Chem, Point};
use crate::derive::benchmarks::Benchmark;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which figure a scan regenerates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Y_B and Y_Dchi in the (M1, |lambda1|) plane, B1, x_RH = 30.
    Fig5,
    /// Y_B and Y_Dchi in the (M1, x_RH) plane, B1, |lambda1| = 1.
    Fig6,
    /// xi in the (|lambda1|, x_RH) plane, B1, M1 = 1e10 GeV.
    Fig7,
}

/// One grid point and its result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub index: usize,
    pub m1: f64,
    pub lambda1: f64,
    pub x_rh: f64,
    pub xi: f64,
    pub y_bl: f64,
    pub y_lx: f64,
    /// Left side of Eq. (61) at u - 1 = 1.
    pub strong_washout: f64,
    pub ok: bool,
}

/// CSV columns; Y_Dchi is the paper's Y_Dchi = Y_Lx (Sec. 4.4; see text.final-yields in the audit).
pub const CSV_HEADER: &str = "index,M1_GeV,lambda1,x_RH,xi,Y_BminusL,Y_Lx,Y_B,Y_Dchi,strong_washout_eq61,status";

impl Sample {
    /// Whether the point evolved and gives at least the observed |Y_B| (Y_B = b_over_bl Y_{B-L}).
    pub fn reaches_observed(&self, b_over_bl: f64) -> bool {
        self.ok && (b_over_bl * self.y_bl).abs() >= crate::cosmo::constants::Y_B_OBSERVED
    }

    /// A CSV row; a failed point has empty value fields (never NaN).
    pub fn csv(&self, b_over_bl: f64) -> String {
        if !self.ok || ![self.xi, self.y_bl, self.y_lx, self.strong_washout].iter().all(|v| v.is_finite()) {
            return format!("{},{:.6e},{:.6e},{:.6e},,,,,,,failed", self.index, self.m1, self.lambda1, self.x_rh);
        }
        format!(
            "{},{:.6e},{:.6e},{:.6e},{:.8e},{:.8e},{:.8e},{:.8e},{:.8e},{:.6e},{}",
            self.index,
            self.m1,
            self.lambda1,
            self.x_rh,
            self.xi,
            self.y_bl,
            self.y_lx,
            b_over_bl * self.y_bl,
            self.y_lx,
            self.strong_washout,
            if self.ok { "ok" } else { "failed" }
        )
    }
    /// Parse a CSV row written by [`Sample::csv`].
    pub fn parse(line: &str) -> Option<Sample> {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 11 {
            return None;
        }
        let g = |i: usize| f[i].parse::<f64>().ok();
        // a row cut short by a killed job ("...,o", "...,fai") is no sample
        let ok = match f[10].trim() {
            "ok" => true,
            "failed" => false,
            _ => return None,
        };
        let v = |i: usize| if ok { g(i) } else { Some(f64::NAN) };
        Some(Sample {
            index: f[0].parse().ok()?,
            m1: g(1)?,
            lambda1: g(2)?,
            x_rh: g(3)?,
            xi: v(4)?,
            y_bl: v(5)?,
            y_lx: v(6)?,
            strong_washout: v(9)?,
            ok,
        })
    }
}

/// The grid of a figure: (M1, |lambda1|, x_RH) per index, n x n points.
pub fn grid(fig: Figure, n: usize) -> Vec<(f64, f64, f64)> {
    let lin = |a: f64, b: f64, k: usize| if n == 1 { a } else { a + (b - a) * k as f64 / (n - 1) as f64 };
    let log = |a: f64, b: f64, k: usize| 10f64.powf(lin(a.log10(), b.log10(), k));
    let mut out = vec![];
    for j in 0..n {
        for i in 0..n {
            out.push(match fig {
                Figure::Fig5 => (log(1e8, 1e15, i), log(1e-2, 3.0, j), 30.0),
                Figure::Fig6 => (log(1e8, 1e15, i), 1.0, lin(25.0, 100.0, j)),
                Figure::Fig7 => (1e10, log(1e-2, 3.0, i), lin(25.0, 100.0, j)),
            });
        }
    }
    out
}

/// Evaluate one point (benchmark B1, maximal |y1|).
pub fn evaluate(index: usize, m1: f64, lambda1: f64, x_rh: f64, chem: &Chem) -> Sample {
    let (a, b) = Benchmark::B1.phases();
    let failed = Sample { index, m1, lambda1, x_rh, xi: f64::NAN, y_bl: f64::NAN, y_lx: f64::NAN, strong_washout: f64::NAN, ok: false };
    let Ok(p) = Point::benchmark(m1, lambda1, a, b, None) else { return failed };
    let settings = Settings { x_rh, u_max: 1e6, samples: 60, ..Settings::default() };
    match evolve(&p, chem, &settings) {
        Ok(tr) => {
            // Eq. (61) at u - 1 = 1
            let row2 = tr.rows.iter().min_by(|r, s| (r.u - 2.0).abs().total_cmp(&(s.u - 2.0).abs())).copied().unwrap_or(tr.last());
            let w = p.omega(1, row2.xi, chem);
            let strong = m1 / hubble(m1) * w[1][1] / x_rh;
            let last = tr.last();
            Sample { index, m1, lambda1, x_rh, xi: last.xi, y_bl: last.y_bl, y_lx: last.y_lx, strong_washout: strong, ok: true }
        }
        Err(_) => failed,
    }
}

/// The lowest T_RH = M1/x_RH among the points that give the observed Y_B (Sec. 4.4), if any.
pub fn lowest_trh<'a>(samples: impl IntoIterator<Item = &'a Sample>, b_over_bl: f64) -> Option<f64> {
    samples.into_iter().filter(|s| s.reaches_observed(b_over_bl)).map(|s| s.m1 / s.x_rh).min_by(f64::total_cmp)
}

/// The grids the paper's lowest T_RH is read from (Figs. 5 and 6): the
/// headline's T_RH bound and text.trh-bound.
pub const TRH_BOUND_FIGURES: [Figure; 2] = [Figure::Fig5, Figure::Fig6];

/// [`lowest_trh`] over the `n` x `n` grids of `figs` under `chem`, evolving only
/// the points it needs.
///
/// # Method
/// The points of all the grids are taken in ascending T_RH = M1/x_RH and evaluated
/// in batches on the pool of `threads` workers ([`evaluate`], as
/// [`evaluate_grid`] does). After the first batch with a point that reaches the
/// observed Y_B, every point left has a T_RH at least as high as that point's, so
/// none can lower the minimum and none is evolved: the value is [`lowest_trh`] of
/// the whole grids, bit for bit (the same evolutions of the same points; tested).
/// Where no point reaches, every point is evolved.
pub fn lowest_trh_ascending(figs: &[Figure], n: usize, chem: &Chem, threads: usize) -> Option<f64> {
    let mut pts: Vec<(f64, f64, f64)> = figs.iter().flat_map(|f| grid(*f, n)).collect();
    pts.sort_by(|a, b| (a.0 / a.2).total_cmp(&(b.0 / b.2)));
    let batch = 8 * threads.max(1);
    crate::numerics::pool::install(threads, || {
        use rayon::prelude::*;
        for chunk in pts.chunks(batch) {
            let done: Vec<Sample> = chunk.par_iter().map(|(m1, l1, x)| evaluate(0, *m1, *l1, *x, chem)).collect();
            if let Some(t) = lowest_trh(&done, chem.b_over_bl) {
                return Some(t);
            }
        }
        None
    })
}

/// A scan: which shard, where to write, how many threads.
#[derive(Clone, Debug)]
pub struct ScanSpec {
    pub figure: Figure,
    pub n: usize,
    pub shard: (usize, usize),
    pub csv: PathBuf,
    pub threads: usize,
}

/// Indices already in a CSV file (resume).
pub fn finished(csv: &Path) -> HashSet<usize> {
    std::fs::read_to_string(csv).map(|t| t.lines().skip(1).filter_map(Sample::parse).map(|s| s.index).collect()).unwrap_or_default()
}

/// An I/O failure on a scan file.
fn io(path: &Path, e: std::io::Error) -> CosmoError {
    CosmoError::Io { path: path.to_path_buf(), message: e.to_string() }
}

/// Run (or resume) a scan; `progress` is called after each point with (done, total).
pub fn run(spec: &ScanSpec, chem: &Chem, b_over_bl: f64, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Vec<Sample>, CosmoError> {
    let (i, nsh) = spec.shard;
    if nsh == 0 || i >= nsh {
        return Err(CosmoError::Shard { index: i, count: nsh });
    }
    let all = grid(spec.figure, spec.n);
    let done = finished(&spec.csv);
    let todo: Vec<(usize, (f64, f64, f64))> = all.iter().copied().enumerate().filter(|(k, _)| k % nsh == i && !done.contains(k)).collect();
    if let Some(dir) = spec.csv.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    }
    let new_file = !spec.csv.exists();
    let file = std::fs::OpenOptions::new().create(true).append(true).open(&spec.csv).map_err(|e| io(&spec.csv, e))?;
    let writer = std::sync::Mutex::new(std::io::BufWriter::new(file));
    if new_file {
        writeln!(writer.lock().expect("not poisoned"), "{CSV_HEADER}").map_err(|e| io(&spec.csv, e))?;
    } else if std::fs::read(&spec.csv).is_ok_and(|b| b.last().is_some_and(|c| *c != b'\n')) {
        // a job killed in the middle of a line: end it, so that the new rows start on their own
        // (the cut line is not a sample and its point is computed again)
        writeln!(writer.lock().expect("not poisoned")).map_err(|e| io(&spec.csv, e))?;
    }
    let total = todo.len();
    let counter = std::sync::atomic::AtomicUsize::new(0);
    let pool = crate::numerics::pool::get(spec.threads).map_err(CosmoError::ThreadPool)?;
    let results: Vec<Sample> = pool.install(|| {
        use rayon::prelude::*;
        todo.par_iter()
            .map(|(k, (m1, l1, x))| {
                let s = evaluate(*k, *m1, *l1, *x, chem);
                {
                    let mut w = writer.lock().expect("not poisoned");
                    let _ = writeln!(w, "{}", s.csv(b_over_bl));
                    let _ = w.flush();
                }
                let d = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(d, total);
                s
            })
            .collect()
    });
    Ok(results)
}

/// All samples of a figure found in the CSV files of a directory (every shard).
pub fn collect(dir: &Path, stem: &str) -> Vec<Sample> {
    let mut out: Vec<Sample> = vec![];
    let mut seen = HashSet::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut files: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(stem) && n.ends_with(".csv")))
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                for s in t.lines().skip(1).filter_map(Sample::parse) {
                    if seen.insert(s.index) {
                        out.push(s);
                    }
                }
            }
        }
    }
    out.sort_by_key(|s| s.index);
    out
}

/// The indices of a grid of `total` points that no sample has (what a merge of
/// shards still lacks).
pub fn missing(samples: &[Sample], total: usize) -> Vec<usize> {
    let have: HashSet<usize> = samples.iter().map(|s| s.index).collect();
    (0..total).filter(|k| !have.contains(k)).collect()
}

/// Evaluate a whole grid in memory on the pool of `threads` workers (no files).
pub fn evaluate_grid(fig: Figure, n: usize, chem: &Chem, threads: usize) -> Vec<Sample> {
    let pts = grid(fig, n);
    crate::numerics::pool::install(threads, || {
        use rayon::prelude::*;
        pts.par_iter().enumerate().map(|(k, (m1, l1, x))| evaluate(k, *m1, *l1, *x, chem)).collect()
    })
}
