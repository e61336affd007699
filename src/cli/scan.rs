//! `cogenesis scan`: the parameter scans of Figs. 5-7 (parallel, resumable, sharded).

use cogenesis::cosmo::scan::{Figure, ScanSpec, collect, run as run_scan};
use cogenesis::render::figures::maps;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Figure to regenerate: 5, 6 or 7.
    #[arg(long)]
    figure: u32,
    /// Grid size n (n x n points).
    #[arg(long, default_value_t = 64)]
    n: usize,
    /// This job's shard, i/N (points k with k mod N = i).
    #[arg(long, default_value = "0/1")]
    shard: String,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Output directory (CSV per shard, SVG maps of everything found there).
    #[arg(long, default_value = "reports/figures")]
    out: PathBuf,
    /// Do not draw a progress bar.
    #[arg(long)]
    quiet: bool,
    /// Compute nothing: merge the shards found in --out into the maps, and
    /// exit 1 if a point of the n x n grid is in none of them (the last step
    /// of a job array; see examples/cluster/).
    #[arg(long, conflicts_with_all = ["shard", "threads"])]
    merge: bool,
}

pub fn run(args: Args, state: &super::State) -> Result<ExitCode, String> {
    let figure = match args.figure {
        5 => Figure::Fig5,
        6 => Figure::Fig6,
        7 => Figure::Fig7,
        f => return Err(format!("scan --figure takes 5, 6 or 7, got {f}")),
    };
    if args.n == 0 || args.n > 4096 {
        return Err(format!("--n must be between 1 and 4096, got {}", args.n));
    }
    let (i, n) = args
        .shard
        .split_once('/')
        .and_then(|(a, b)| Some((a.trim().parse::<usize>().ok()?, b.trim().parse::<usize>().ok()?)))
        .ok_or_else(|| format!("--shard takes i/N, got {:?}", args.shard))?;
    let chem = state.chem()?;
    let bbl = chem.b_over_bl;
    let stem = format!("fig{}", args.figure);
    if args.merge {
        let all: Vec<_> = collect(&args.out, &format!("{stem}_n{}.", args.n));
        let missing = cogenesis::cosmo::scan::missing(&all, args.n * args.n);
        if all.is_empty() {
            return Err(format!("--merge: no shard of Fig. {} with n = {} in {}", args.figure, args.n, args.out.display()));
        }
        draw(figure, &all, bbl, &args.out, args.n)?;
        if !missing.is_empty() {
            let first: Vec<String> = missing.iter().take(8).map(|k| k.to_string()).collect();
            eprintln!(
                "error: {} of {} points are in no shard (indices {}{}); re-run the shards they belong to (point k is in shard k mod N; finished points are skipped)",
                missing.len(),
                args.n * args.n,
                first.join(", "),
                if missing.len() > 8 { ", ..." } else { "" }
            );
            return Ok(ExitCode::from(1));
        }
        println!("merged {} points: the grid is complete", all.len());
        return Ok(ExitCode::SUCCESS);
    }
    let csv = args.out.join(format!("{stem}_n{}.shard-{i}-of-{n}.csv", args.n));
    let threads = args.threads.unwrap_or_else(cogenesis::numerics::pool::all_cores);
    let spec = ScanSpec { figure, n: args.n, shard: (i, n), csv: csv.clone(), threads };
    let bar = if args.quiet { ProgressBar::hidden() } else { ProgressBar::new(0) };
    bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} points, {elapsed} elapsed, eta {eta}").map_err(|e| e.to_string())?);
    let progress = |d: usize, t: usize| {
        bar.set_length(t as u64);
        bar.set_position(d as u64);
    };
    let start = std::time::Instant::now();
    let new = run_scan(&spec, &chem, bbl, &progress).map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    let failed = new.iter().filter(|s| !s.ok).count();
    println!(
        "{} new points in {:.2} s ({} threads), {failed} failed; data in {}",
        new.len(),
        start.elapsed().as_secs_f64(),
        threads,
        csv.display()
    );
    let all: Vec<_> = collect(&args.out, &format!("{stem}_n{}.", args.n));
    draw(figure, &all, bbl, &args.out, args.n)?;
    Ok(ExitCode::SUCCESS)
}

/// The maps of every point found.
fn draw(figure: Figure, all: &[cogenesis::cosmo::scan::Sample], bbl: f64, out: &std::path::Path, n: usize) -> Result<(), String> {
    for (name, bytes) in maps(figure, all, bbl).map_err(|e| e.to_string())? {
        let p = out.join(&name);
        super::write_bytes(&p, &bytes)?;
        println!("wrote {} ({} of {} points available)", p.display(), all.len(), n * n);
    }
    Ok(())
}
