//! Checks of the dark-sector claims (Secs. 2.5, 3.1, 5.1).

use super::{Context, lower_claim, printed_text, relation_verdict};
use crate::algebra::{int, rat, var};
use crate::claims::Claim;
use crate::couplings::Setup;
use crate::dark::{delta_n_eff, inverse_gev2_in_cm3_per_s, load_dof, xi_cmb_bound};
use crate::error::TranscriptionError;
use crate::lower::{Letters, Scope, lower};
use crate::verdict::{Status, Verdict};
use symbolica::atom::{Atom, AtomCore};

pub(super) fn sym(n: &str) -> Atom {
    var(symbolica::symbol!(n))
}


fn dof(c: &Claim) -> Result<Vec<crate::dark::Dof>, TranscriptionError> {
    let dir = c.location.file.parent().unwrap_or(std::path::Path::new("."));
    let f = c.quoted.get("file").map(|q| q.text.clone()).unwrap_or_else(|| "species/dof.toml".into());
    load_dof(&dir.join(f)).map_err(|e| c.error(e))
}

fn decimal(c: &Claim, k: &str) -> Result<(f64, usize), TranscriptionError> {
    c.quoted_decimal(k)
}

/// g_*, g_*x, g_*s,x(T_CMB) from the field content.
pub fn gstar(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let d = dof(c)?;
    let get = |n: &str| d.iter().find(|x| x.name == n).ok_or_else(|| c.error(format!("no sector {n:?} in the dof file")));
    let (vis, dark, dark_cmb) = (get("visible")?.g_star, get("dark")?.g_star, get("dark at recombination")?.g_star_s.to_f64());
    let mut bad = vec![];
    for (k, v) in [("visible", vis), ("dark", dark), ("dark_cmb", dark_cmb)] {
        let (p, dec) = decimal(c, k)?;
        if (p - v).abs() > crate::prec::printed_half_ulp(dec) {
            bad.push(format!("{k}: printed {p}, derived {v}"));
        }
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("{}, {}, {}", c.quoted["visible"].text, c.quoted["dark"].text, c.quoted["dark_cmb"].text))
        .derived(format!("g_* = {vis}, g_*x = {dark}, g_*s,x(T_CMB) = {dark_cmb}"));
    let how = "Sum of internal states with 7/8 for fermions over the fields listed in derivations/species/dof.toml.";
    Ok(if bad.is_empty() { v.status(Status::Confirmed).detail(how) } else { v.status(Status::Discrepancy).detail(format!("{}. {how}", bad.join("; "))) })
}

/// Eq. (26): two-body decay of a scalar to a Dirac fermion and a massless Weyl fermion.
pub fn eq26(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let printed = lower_claim(c, &Scope::new(Setup::PAPER, Letters::Defined))?;
    let (y, mphi, mchi) = (sym("y_chi"), sym("m_phi"), sym("m_chi"));
    // spin sum of the chiral Yukawa y phi* chi^c-bar P_L eta: y^2 Tr[pchi P_L peta P_R] = 2 y^2 pchi.peta;
    // momentum conservation m_phi^2 = m_chi^2 + 2 pchi.peta (eta massless)
    let pdot = (mphi.clone().pow(int(2)) - mchi.clone().pow(int(2))) / int(2);
    let m2 = int(2) * y.pow(int(2)) * pdot;
    // |p| = lambda^(1/2)(m_phi^2, m_chi^2, 0)/(2 m_phi) = (m_phi^2 - m_chi^2)/(2 m_phi) for m_phi > m_chi
    let p = (mphi.clone().pow(int(2)) - mchi.pow(int(2))) / (int(2) * mphi.clone());
    // Gamma = |M|^2 |p| / (8 pi m_phi^2) for a two-body decay
    let gamma = (m2 * p / (int(8) * var(crate::symbols::S.pi) * mphi.pow(int(2)))).expand();
    Ok(relation_verdict(
        c,
        &printed.expand(),
        &gamma,
        "Gamma = |M|^2 |p|/(8 pi m_phi^2) with the spin-summed |M|^2 = 2 y_chi^2 p_chi.p_eta of the chiral coupling (Eq. 25) and \
         two-body kinematics with massless eta.",
    ))
}

/// Eq. (28): the low-velocity series of sigma v from the printed kernel of Eq. (27)
/// (symbolic, [`crate::dark::sigma_v_series`]), its s-wave term against the printed
/// one, a numerical limit as a second route, and 7.2e-21 cm^3/s.
pub fn eq28(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let scope = Scope::new(Setup::PAPER, Letters::Defined).declare(&c.symbols).declare(&["AA".to_string()]);
    let printed = lower_claim(c, &scope)?;
    let kernel = lower(&c.quoted_expression("kernel")?, &scope).map_err(|e| c.error(format!("quoted.kernel: {e}")))?;
    let aa = lower(&c.quoted_expression("AA")?, &scope).map_err(|e| c.error(format!("quoted.AA: {e}")))?;
    let g: i64 = c.quoted.get("g_chi").and_then(|q| q.text.parse().ok()).ok_or_else(|| c.error("quoted.g_chi"))?;
    let series = crate::dark::sigma_v_series(&kernel, "AA", &aa, g, 1).map_err(|e| c.error(e))?;
    let symbolic_ok = (printed.clone() - &series[0]).together().is_zero();
    // second route: W/(s g^2) evaluated at s = 4 m^2/(1 - b^2), b -> 0, at several masses
    let mut worst = 0.0f64;
    for (mphi, mchi) in [(1.5, 1.0), (3.0, 1.0), (10.0, 2.0)] {
        let b = 1e-4f64;
        let s = 4.0 * mchi * mchi / (1.0 - b * b);
        let mut vals = crate::numeric::Values::new();
        vals.set("y_chi", 1.0.into()).set("m_phi", (mphi as f64).into()).set("m_chi", (mchi as f64).into()).set("s", s.into());
        let a = crate::numeric::eval(&aa, &vals).map_err(|e| c.error(e.to_string()))?.re;
        vals.set("AA", a.into());
        let sv = eval_with_log(&kernel, &vals).map_err(|e| c.error(e))? / (s * (g * g) as f64);
        let p = crate::numeric::eval(&printed, &vals).map_err(|e| c.error(e.to_string()))?.re;
        worst = worst.max(((sv - p) / p).abs());
    }
    // the number: y = 0.5, m_chi = 1 GeV, unit conversion (hbar c)^2 c
    let coeff_gev = 0.5f64.powi(4) / (32.0 * std::f64::consts::PI);
    let cm3 = coeff_gev * inverse_gev2_in_cm3_per_s();
    let (pq, dec) = {
        let t = &c.quoted.get("cm3_per_s").ok_or_else(|| c.error("quoted.cm3_per_s"))?.text;
        let mant = t.split(['e', 'E']).next().unwrap_or("");
        let decs = mant.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
        (t.parse::<f64>().map_err(|_| c.error("quoted.cm3_per_s is not a number"))?, decs)
    };
    let exp10 = pq.abs().log10().floor();
    let tol = crate::prec::printed_half_ulp(dec) * 10f64.powf(exp10);
    let number_ok = (cm3 - pq).abs() <= tol;
    let limit_ok = symbolic_ok && worst < 1e-6;
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("{}; {} cm^3/s", printed_text(c), c.quoted["cm3_per_s"].text))
        .derived(format!(
            "sigma v = {} + b^2 ({}) + O(b^4) (b: speed of each chi in the CM frame); numerically at b = 1e-4 the kernel agrees with the printed s-wave term to {worst:.1e}; y^4/(32 pi) GeV^-2 at y = 0.5 is {cm3:.4e} cm^3/s",
            crate::algebra::plain(&series[0]),
            crate::algebra::plain(&series[1])
        ));
    let how = "Series in b of sigma v = W/(4 E1 E2 g_chi^2) = W/(s g_chi^2) (after Eq. 11) with W of Eq. (27) as printed, s = 4 m_chi^2/(1 - b^2), \
        g_chi = 2 spin states (Symbolica series expansion; the odd powers vanish); unit conversion 1 GeV^-2 = (hbar c)^2 c = 1.1673e-17 cm^3/s \
        (CODATA hbar c = 197.3269804 MeV fm).";
    Ok(match (limit_ok, number_ok) {
        (true, true) => v.status(Status::Confirmed).detail(how),
        (true, false) => v.status(Status::Discrepancy).detail(format!(
            "The s-wave formula agrees; the number is {cm3:.3e} cm^3/s, which rounds to {:.1e}, not the printed {} (off by {:.1}%). {how}",
            cm3,
            c.quoted["cm3_per_s"].text,
            100.0 * (pq - cm3) / cm3
        )),
        _ => v.status(Status::Discrepancy).detail(format!(
            "The s-wave term of Eq. (27) differs from the printed Eq. (28) (symbolic: {}; numerical limit: {worst:.2e}). {how}",
            if symbolic_ok { "equal" } else { "different" }
        )),
    })
}

/// Numerical value of an atom that may contain log(...) and powers (f64).
fn eval_with_log(a: &Atom, vals: &crate::numeric::Values) -> Result<f64, String> {
    use symbolica::atom::AtomView;
    fn walk(v: AtomView<'_>, vals: &crate::numeric::Values) -> Result<f64, String> {
        match v {
            AtomView::Fun(f) if f.get_symbol().get_stripped_name() == "log" => {
                let arg = f.iter().next().ok_or("log without argument")?;
                Ok(walk(arg, vals)?.ln())
            }
            AtomView::Add(s) => s.iter().try_fold(0.0, |acc, t| Ok(acc + walk(t, vals)?)),
            AtomView::Mul(m) => m.iter().try_fold(1.0, |acc, t| Ok(acc * walk(t, vals)?)),
            AtomView::Pow(p) => Ok(walk(p.get_base(), vals)?.powf(walk(p.get_exp(), vals)?)),
            other => crate::numeric::eval(&other.to_owned(), vals).map(|z| z.re).map_err(|e| e.to_string()),
        }
    }
    walk(a.as_view(), vals)
}

/// Eq. (62): the printed formula against rho_eta/rho_nu.
pub fn eq62(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let printed = lower_claim(c, &Scope::new(Setup::PAPER, Letters::Defined))?;
    // rho_eta / rho_nu = (T_x/T_nu)^4, T_nu = (4/11)^(1/3) T_gamma, T_x = xi_CMB T_gamma (same statistics, two states each)
    let derived = (sym("xi_CMB").pow(int(4)) * rat(11, 4).pow(rat(4, 3))).expand();
    Ok(relation_verdict(
        c,
        &printed.expand(),
        &derived,
        "Delta N_eff = rho_eta/rho_nu for one neutrino species: both Weyl fermions with two states, so the ratio is (T_x/T_nu)^4 with \
         T_nu = (4/11)^(1/3) T_gamma; the bounds quoted after Eq. (62) (eq62.bounds) follow the derived form.",
    ))
}

/// The bounds on xi_CMB quoted after Eq. (62).
pub fn eq62_bounds(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let mut rows = vec![];
    let mut ok = true;
    for (b, x) in [("current", "xi_current"), ("future", "xi_future")] {
        let (bound, _) = decimal(c, b)?;
        let (xp, dec) = decimal(c, x)?;
        let xd = xi_cmb_bound(bound);
        ok &= (xd - xp).abs() <= crate::prec::printed_half_ulp(dec);
        rows.push(format!("Delta N_eff < {bound}: xi_CMB < {xd:.4} (printed {xp}; with the printed Eq. 62 it would be {:.4})", (bound / (4.0f64 / 11.0).powf(4.0 / 3.0)).powf(0.25)));
    }
    let _ = delta_n_eff;
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.title.clone())
        .derived(rows.join("; "))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail("From Delta N_eff = xi_CMB^4 (11/4)^(4/3) (as derived, eq62)."))
}

/// Eq. (63): separate entropy conservation.
pub fn eq63(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let printed = lower_claim(c, &Scope::new(Setup::PAPER, Letters::Defined))?;
    // s_x a^3 and s a^3 constant: g_sx T_x^3 / (g_s T^3) = const -> xi^3 = xi_FI^3 (g_sx_FI/g_s_FI)(g_s_T/g_sx_T)
    let xi3 = (sym("xi_FI").pow(int(3)) * sym("gsx_FI") / sym("gs_FI") * sym("gs_T") / sym("gsx_T")).expand();
    Ok(relation_verdict(
        c,
        &printed.pow(int(3)).expand(),
        &xi3,
        "Compared as xi^3: entropy s = 2 pi^2 g_*s T^3/45 conserved separately in each sector after freeze-in.",
    ))
}

/// Eq. (64): the bounds on xi at freeze-in.
pub fn eq64(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let d = dof(c)?;
    let get = |n: &str| d.iter().find(|x| x.name == n).map(|x| x.g_star_s.to_f64()).ok_or_else(|| c.error(format!("no sector {n:?}")));
    let (gs_fi, gsx_fi, gs_cmb, gsx_cmb) = (get("visible")?, get("dark")?, get("visible at recombination")?, get("dark at recombination")?);
    let ratio = crate::dark::xi_evolved(1.0, gs_fi, gsx_fi, gs_cmb, gsx_cmb);
    let mut rows = vec![];
    let mut ok = true;
    for (b, x) in [("current", "xi_current"), ("future", "xi_future")] {
        let (bound, _) = decimal(c, b)?;
        let (xp, dec) = decimal(c, x)?;
        let xd = xi_cmb_bound(bound) / ratio;
        ok &= (xd - xp).abs() <= crate::prec::printed_half_ulp(dec);
        rows.push(format!("Delta N_eff < {bound}: xi < {xd:.4} (printed {xp})"));
    }
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.title.clone())
        .derived(format!("xi_CMB/xi = {ratio:.4} (g_*s: {gs_fi} -> {gs_cmb:.4}, g_*s,x: {gsx_fi} -> {gsx_cmb}); {}", rows.join("; ")))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail("Eq. (63) with g_*s from derivations/species/dof.toml (neutrinos at T_nu = (4/11)^(1/3) T at recombination) and the xi_CMB bounds of eq62.bounds."))
}

/// Eq. (27): the printed kernel against the angular integral of the spin-summed
/// amplitude of the t-channel phi exchange.
pub fn eq27(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    use quadrature::double_exponential::integrate;
    let scope = Scope::new(Setup::PAPER, Letters::Defined).declare(&c.symbols);
    let printed = lower_claim(c, &scope)?;
    let aa = lower(&c.quoted_expression("AA")?, &scope).map_err(|e| c.error(format!("quoted.AA: {e}")))?;
    let mut worst = 0.0f64;
    let mut rows = vec![];
    for (mphi, mchi, s) in [(1.5f64, 1.0f64, 4.4f64), (3.0, 1.0, 10.0), (10.0, 2.0, 17.0), (1.2, 1.0, 40.0)] {
        // chi(p1) chi-bar(p2) -> eta(k1) eta-bar(k2): one t-channel diagram, t = (p1 - k2)^2;
        // spin sums of the two chiral vertices give (2 p1.k2)(2 p2.k1) = (m^2 - t)^2, so
        // |M|^2 = y^4 (m^2 - t)^2/(t - m_phi^2)^2 with m^2 - t = (s/2)(1 - beta c) in the CM frame.
        let beta = (1.0 - 4.0 * mchi * mchi / s).sqrt();
        let delta = mphi * mphi - mchi * mchi;
        let integrand = |cth: f64| {
            let x = s / 2.0 * (1.0 - beta * cth);
            x * x / ((x + delta) * (x + delta))
        };
        let ang = integrate(integrand, -1.0, 1.0, 1e-14).integral;
        // W = int dPhi_2 |M|^2 = (1/(16 pi)) int dcos(theta) |M|^2 (massless final states), y = 1
        let direct = ang / (16.0 * std::f64::consts::PI);
        let mut vals = crate::numeric::Values::new();
        vals.set("y_chi", 1.0.into()).set("m_phi", mphi.into()).set("m_chi", mchi.into()).set("s", s.into());
        let a = crate::numeric::eval(&aa, &vals).map_err(|e| c.error(e.to_string()))?.re;
        vals.set("AA", a.into());
        let p = eval_with_log(&printed, &vals).map_err(|e| c.error(e))?;
        let rel = ((p - direct) / direct).abs();
        worst = worst.max(rel);
        rows.push(format!("(m_phi, m_chi, s) = ({mphi}, {mchi}, {s}): printed {p:.10e}, direct {direct:.10e}"));
    }
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(printed_text(c))
        .derived(rows.join("; "))
        .status(if worst < crate::prec::F64_REL { Status::Confirmed } else { Status::Discrepancy })
        .detail(format!(
            "W = int dPhi_2 |M|^2 with the spin-summed |M|^2 = y^4 (m_chi^2 - t)^2/(t - m_phi^2)^2 of the single t-channel diagram \
             (chiral vertices of Eq. 25, massless eta), integrated over the angle by double-exponential quadrature; largest relative \
             difference {worst:.1e}."
        )))
}

/// Two-component spinor bookkeeping in the Weyl basis (Peskin-Schroeder gamma
/// matrices, epsilon^{12} = -epsilon_{12} = 1): a field's components are symbols
/// `name_1`, `name_2` with lower indices, `name_b_1`, `name_b_2` for the conjugate
/// (lower dotted). Products keep one order (left spinor first), so no Grassmann signs arise.
mod weyl {
    use crate::algebra::{int, var};
    use symbolica::atom::{Atom, AtomCore};

    pub fn comp(name: &str, i: usize) -> Atom {
        var(symbolica::symbol!(&format!("{name}_{i}")))
    }
    /// psi^alpha = epsilon^{alpha beta} psi_beta: (psi_2, -psi_1).
    pub fn raise(name: &str) -> [Atom; 2] {
        [comp(name, 2), -comp(name, 1)]
    }
    /// Component-wise conjugation: name_i <-> name_b_i.
    pub fn conj(a: &Atom, names: &[&str]) -> Atom {
        let mut out = a.clone();
        let tmp = |n: &str, i: usize| var(symbolica::symbol!(&format!("tmpconj_{n}_{i}")));
        for n in names {
            for i in 1..=2 {
                let (x, xb) = (comp(n, i), comp(&format!("{n}_b"), i));
                out = crate::algebra::subs(&out, &x, &tmp(n, i));
                out = crate::algebra::subs(&out, &xb, &x);
                out = crate::algebra::subs(&out, &tmp(n, i), &xb);
            }
        }
        out
    }
    /// Dirac spinor (xi_alpha, eta-dagger^alpha-dot) as four components.
    pub fn dirac(xi: &str, eta: &str) -> [Atom; 4] {
        let [a, b] = raise(&format!("{eta}_b"));
        [comp(xi, 1), comp(xi, 2), a, b]
    }
    /// Psi^c = -i gamma^2 Psi* (Peskin-Schroeder (3.145) up to a phase), Weyl basis:
    /// gamma^2 = [[0, sigma^2], [-sigma^2, 0]]; -i gamma^2 = [[0, -i sigma^2], [i sigma^2, 0]]
    /// with i sigma^2 = [[0, 1], [-1, 0]]. Conjugating a raised dotted component gives a
    /// raised undotted one, which is lowered back.
    pub fn charge_conjugate(psi: &[Atom; 4], names: &[&str]) -> [Atom; 4] {
        let c: Vec<Atom> = psi.iter().map(|a| conj(a, names)).collect();
        // c = (xi-dagger_1dot, xi-dagger_2dot, eta^1, eta^2) up to the lowering
        let isig = |v: [&Atom; 2]| [v[1].clone(), -v[0].clone()];
        let up = isig([&c[2], &c[3]]);
        let lo = isig([&c[0], &c[1]]);
        [-up[0].clone(), -up[1].clone(), lo[0].clone(), lo[1].clone()]
    }
    /// bar(Psi) = Psi-dagger gamma^0 with gamma^0 = [[0, 1], [1, 0]] (a row).
    pub fn bar(psi: &[Atom; 4], names: &[&str]) -> [Atom; 4] {
        let c: Vec<Atom> = psi.iter().map(|a| conj(a, names)).collect();
        [c[2].clone(), c[3].clone(), c[0].clone(), c[1].clone()]
    }
    pub fn dot(row: &[Atom; 4], col: &[Atom; 4]) -> Atom {
        let mut s = int(0);
        for i in 0..4 {
            s = s + row[i].clone() * col[i].clone();
        }
        s.expand()
    }
    /// P_L = diag(1, 1, 0, 0), P_R = diag(0, 0, 1, 1).
    pub fn project(p: &str, psi: &[Atom; 4]) -> Option<[Atom; 4]> {
        let z = int(0);
        match p {
            "P_L" => Some([psi[0].clone(), psi[1].clone(), z.clone(), z]),
            "P_R" => Some([z.clone(), z, psi[2].clone(), psi[3].clone()]),
            _ => None,
        }
    }
}

/// Eq. (24): the charge conjugate of the Dirac chi = (chi, chi^c dagger) is
/// (chi^c, chi dagger), and eta = (eta, 0) is left-handed.
pub fn eq24(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let q = |k: &str| c.quoted.get(k).map(|x| x.text.trim().to_string()).ok_or_else(|| c.error(format!("missing quoted.{k}")));
    let (cu, cl, eu, el) = (q("chi_upper")?, q("chi_lower")?, q("eta_upper")?, q("eta_lower")?);
    let names = ["chi", "chic", "eta"];
    // the printed chi: upper entry a left-handed field, lower entry a daggered one
    let lower_name = cl.strip_suffix("_dagger").ok_or_else(|| c.error(format!("quoted.chi_lower {cl:?} is not a daggered field")))?;
    let chi = weyl::dirac(&cu, lower_name);
    let cc = weyl::charge_conjugate(&chi, &names);
    let expect = weyl::dirac(lower_name, &cu);
    let conj_ok = cc.iter().zip(&expect).all(|(a, b)| (a.clone() - b.clone()).expand().is_zero());
    let eta = [weyl::comp(&eu, 1), weyl::comp(&eu, 2), int(0), int(0)];
    let left = el == "0" && weyl::project("P_L", &eta).is_some_and(|p| p.iter().zip(&eta).all(|(a, b)| (a.clone() - b.clone()).is_zero()));
    let ok = conj_ok && left && cu == "chi" && lower_name == "chic";
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("chi = ({cu}, {cl}), eta = ({eu}, {el})"))
        .derived(format!(
            "-i gamma^2 chi* = ({}, {}, {}, {}); P_L eta = eta: {left}",
            crate::algebra::plain(&cc[0]),
            crate::algebra::plain(&cc[1]),
            crate::algebra::plain(&cc[2]),
            crate::algebra::plain(&cc[3])
        ))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(
            "Weyl basis (Peskin-Schroeder), explicit components with epsilon^{12} = 1: the charge conjugate of (chi_alpha, chi^c-dagger^alpha-dot) \
             is (chi^c_alpha, chi-dagger^alpha-dot), so Eq. (24) embeds the two Weyl fields of Eq. (2) as one Dirac fermion; eta = (eta, 0) is \
             annihilated by P_R.",
        ))
}

/// Eq. (25): bar(chi^c) P_L eta reduces to the two-component chi eta of Eq. (3).
pub fn eq25(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, TranscriptionError> {
    let proj = c.quoted.get("projector").map(|x| x.text.trim().to_string()).ok_or_else(|| c.error("missing quoted.projector"))?;
    let names = ["chi", "chic", "eta"];
    let chi = weyl::dirac("chi", "chic");
    let eta = [weyl::comp("eta", 1), weyl::comp("eta", 2), int(0), int(0)];
    let chic_bar = weyl::bar(&weyl::charge_conjugate(&chi, &names), &names);
    let pe = weyl::project(&proj, &eta).ok_or_else(|| c.error(format!("quoted.projector {proj:?} is neither P_L nor P_R")))?;
    let four = weyl::dot(&chic_bar, &pe);
    // chi eta = chi^alpha eta_alpha
    let up = weyl::raise("chi");
    let two = (up[0].clone() * weyl::comp("eta", 1) + up[1].clone() * weyl::comp("eta", 2)).expand();
    let ok = (four.clone() - two.clone()).expand().is_zero();
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("bar(chi^c) {proj} eta"))
        .derived(format!("bar(chi^c) {proj} eta = {}; chi eta = chi^alpha eta_alpha = {}", crate::algebra::plain(&four), crate::algebra::plain(&two)))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail(
            "With chi, eta of Eq. (24): chi^c = -i gamma^2 chi*, bar = dagger gamma^0, explicit Weyl-basis components; the four-component \
             bilinear equals the two-component chi eta of Eq. (3), so Eq. (25) is Eq. (3) (the h.c. follows by conjugation).",
        ))
}
