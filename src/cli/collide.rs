//! `cogenesis collide`: one collision integral of App. A, closed form against
//! high-precision quadrature.

use cogenesis::numerics::collision::{energy_density, number_density, working_bits};
use rug::Float;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Power k of the monomial kernel W(s) = s^k.
    #[arg(long)]
    k: u32,
    /// Decimal digits requested.
    #[arg(long, default_value_t = 30)]
    digits: u32,
    /// Temperatures T1,T2 of the two initial states (Eq. 72); one value for --energy.
    #[arg(long, value_delimiter = ',', default_value = "1")]
    temperatures: Vec<String>,
    /// The energy-transfer integral (Eqs. 76-77) instead of the number density (Eqs. 72, 75).
    #[arg(long)]
    energy: bool,
}

fn parse_t(s: &str, prec: u32) -> Result<Float, String> {
    let v = Float::parse(s.trim()).map_err(|e| format!("temperature {s:?}: {e}"))?;
    Ok(Float::with_val(prec, v))
}

pub fn run(args: Args, _state: &super::State) -> Result<ExitCode, String> {
    let prec = working_bits(args.digits.clamp(1, 10_000));
    let ts: Vec<Float> = args.temperatures.iter().map(|s| parse_t(s, prec)).collect::<Result<_, _>>()?;
    let (t1, t2) = match ts.as_slice() {
        [t] => (t.clone(), t.clone()),
        [a, b] => (a.clone(), b.clone()),
        _ => return Err("--temperatures takes one or two values".into()),
    };
    if args.energy && t1 != t2 {
        return Err("the energy-transfer integral (Eq. 76) is stated for both initial states at one temperature T; give one value".into());
    }
    let start = Instant::now();
    let r = if args.energy { energy_density(args.k, &t1, args.digits) } else { number_density(args.k, &t1, &t2, args.digits) }
        .map_err(|e| e.to_string())?;
    let elapsed = start.elapsed();
    let show = |x: &Float| x.to_string_radix(10, Some(args.digits as usize));
    println!("integral:     {}", if args.energy { "[C_E], Eq. (76), W = s^k" } else { "[C_n], Eq. (72), W = s^k" });
    println!("k:            {}", args.k);
    println!("temperatures: {}", if args.energy { show(&t1) } else { format!("{}, {}", show(&t1), show(&t2)) });
    println!("closed form:  {}   (Eq. {})", show(&r.closed), if args.energy { 77 } else { 75 });
    println!("quadrature:   {}", show(&r.quadrature));
    println!(
        "agreement:    {:.1} digits (requested {}; quadrature error estimate {:.1} digits)",
        r.digits.min(prec as f64 / std::f64::consts::LOG2_10),
        args.digits,
        r.estimated
    );
    println!("evaluations:  {}", r.evaluations);
    println!("time:         {:.3} ms", elapsed.as_secs_f64() * 1e3);
    if r.digits + 0.5 < args.digits as f64 {
        eprintln!("cogenesis: only {:.1} of the {} requested digits agree", r.digits, args.digits);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
