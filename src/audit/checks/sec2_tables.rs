//! Checks of Tables 1-3 (Sec. 2.1, 2.3) and footnote 4.

use super::{Check, Context, lower_claim};
use crate::audit::compare::{Relation, relate};
use crate::audit::error::CheckError;
use crate::audit::verdict::{Status, Verdict};
use crate::cas::algebra::{conj, int, is_zero, same};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::Setup;
use crate::cas::print::plain;
use crate::cas::rational::Q;
use crate::derive::asymmetry::has_asymmetry;
use crate::derive::couplings::EQ78;
use crate::derive::couplings::{substitute_letters, weighted_tree};
use crate::transcript::claims::Claim;
use crate::transcript::error::TranscriptionError;
use crate::transcript::lower::{Letters, Scope};
use crate::transcript::particles::{Field, Particle, Process, parse_process};
use symbolica::atom::AtomCore;

/// The checks of `derivations/sec2_tables.toml`: claim ids -> check function.
pub const CHECKS: &[Check] =
    &[check!(tab1, ["tab1"]), check!(footnote4, ["text.footnote4"]), check!(tab2, ["tab2.*"]), check!(tab3, ["tab3.*"])];

fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "H" => Field::Higgs,
        "l" => Field::Lepton,
        "phi" => Field::Phi,
        "chi" => Field::Chi,
        "chic" => Field::ChiC,
        "N" => Field::HeavyN,
        "eta" => Field::Eta,
        _ => return None,
    })
}

/// Table 1.
pub fn tab1(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mut bad = vec![];
    for (name, q) in &c.quoted {
        let f = field_of(name).ok_or_else(|| c.error(format!("unknown field `{name}` in Table 1")))?;
        let vals: Vec<Q> = q
            .text
            .split(',')
            .map(Q::parse)
            .collect::<Option<_>>()
            .ok_or_else(|| c.error(format!("quoted.{name}: four rationals expected")))?;
        let m = f.charges();
        let model = [m.twice_y, m.twice_d, m.twice_l, m.twice_lx].map(|x| Q::new(x as i128, 2));
        if vals.len() != 4 || vals.iter().zip(model.iter()).any(|(a, b)| a != b) {
            bad.push(format!("{name}: printed {} vs the model's {}", q.text, model.map(|x| x.to_string()).join(", ")));
        }
    }
    // terms of Eqs. (2)-(3): (name, fields with conjugation flags)
    let terms: [(&str, Vec<(Field, bool)>); 6] = [
        ("y H l N", vec![(Field::Higgs, false), (Field::Lepton, false), (Field::HeavyN, false)]),
        ("lambda phi chi N", vec![(Field::Phi, false), (Field::Chi, false), (Field::HeavyN, false)]),
        ("m_chi chi chi^c", vec![(Field::Chi, false), (Field::ChiC, false)]),
        ("m_phi phi^dag phi", vec![(Field::Phi, true), (Field::Phi, false)]),
        ("y_chi phi^* chi eta", vec![(Field::Phi, true), (Field::Chi, false), (Field::Eta, false)]),
        ("M N N", vec![(Field::HeavyN, false), (Field::HeavyN, false)]),
    ];
    let mut rows = vec![];
    let mut ok = bad.is_empty();
    for (name, fields) in &terms {
        let sum = |f: &dyn Fn(crate::transcript::particles::Charges) -> i64| {
            fields.iter().map(|(x, cj)| if *cj { -f(x.charges()) } else { f(x.charges()) }).sum::<i64>()
        };
        let (y, d, llx) = (sum(&|c| c.twice_y), sum(&|c| c.twice_d), sum(&|c| c.twice_l + c.twice_lx));
        let expect_llx_broken = *name == "M N N";
        ok &= y == 0 && d == 0 && ((llx != 0) == expect_llx_broken);
        rows.push(format!("{name}: Y {}, D {}, L+L_x {}", Q::new(y as i128, 2), Q::new(d as i128, 2), Q::new(llx as i128, 2)));
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(c.quoted.iter().map(|(k, q)| format!("{k}: ({})", q.text)).collect::<Vec<_>>().join("; "))
        .derived(format!("charges of each term: {}", rows.join("; ")));
    Ok(if ok {
        v.status(Status::Confirmed).detail("The printed charges are those of the model (src/transcript/particles.rs); every term of Eqs. (2)-(3) is neutral under Y and D and conserves L+L_x except the Majorana mass.")
    } else {
        v.status(Status::Discrepancy)
            .detail((if bad.is_empty() { "A term of Eqs. (2)-(3) is charged.".to_string() } else { bad.join("; ") }).to_string())
    })
}

fn reaction(c: &Claim) -> Result<Process, TranscriptionError> {
    let r = &c.quoted.get("reaction").ok_or_else(|| c.error("missing quoted.reaction"))?.text;
    parse_process(r).ok_or_else(|| c.error(format!("cannot read the reaction {r:?}")))
}

/// Table 2 rows.
pub fn tab2(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let p = reaction(c)?;
    let twice = |s: &[Particle; 2], f: &dyn Fn(Particle) -> i64| s.iter().map(|x| f(*x)).sum::<i64>();
    let dl = twice(&p.fin, &|x| x.twice_l()) - twice(&p.initial, &|x| x.twice_l());
    let dlx = twice(&p.fin, &|x| x.twice_lx()) - twice(&p.initial, &|x| x.twice_lx());
    let derived = [Q::new(dl as i128, 2), Q::new(dlx as i128, 2), Q::new((dl + dlx) as i128, 2)];
    let asym = if has_asymmetry(&p) { "Y" } else { "N" };
    let mut bad = vec![];
    for (k, d) in ["dL", "dLx", "dLLx"].iter().zip(derived) {
        let pr = Q::parse(c.quoted[*k].text.trim_start_matches('+')).ok_or_else(|| c.error(format!("quoted.{k} is not rational")))?;
        if pr != d {
            bad.push(format!("{k}: printed {pr}, derived {d}"));
        }
    }
    if c.quoted["asymmetry"].text.trim() != asym {
        bad.push(format!("asymmetry: printed {}, derived {asym}", c.quoted["asymmetry"].text));
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!(
            "{}: {}, {}, {}, {}",
            c.quoted["reaction"].text, c.quoted["dL"].text, c.quoted["dLx"].text, c.quoted["dLLx"].text, c.quoted["asymmetry"].text
        ))
        .derived(format!("{p}: {}, {}, {}, {asym}", derived[0], derived[1], derived[2]));
    let how = "Charge changes from the field charges of Table 1; asymmetry Y when the leading-order asymmetric squared matrix element \
        (unitarity cuts through Table 2 states, general flavours) does not vanish.";
    Ok(if bad.is_empty() {
        v.status(Status::Confirmed).detail(how)
    } else {
        v.status(Status::Discrepancy).detail(format!("{}. {how}", bad.join("; ")))
    })
}

/// Table 3 rows: spurion rule, positivity, and the coupling structure of the tree amplitude.
pub fn tab3(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let p = reaction(c)?;
    let setup = Setup::flavoured(2, 3);
    let conserving = {
        let t = |s: &[Particle; 2]| s.iter().map(|x| x.twice_l() + x.twice_lx()).sum::<i64>();
        t(&p.fin) == t(&p.initial)
    };
    let scope = Scope::new(setup, Letters::Defined(&EQ78)).bind("i", 1).bind("j", 2);
    let s1 = lower_claim(c, &scope)?;
    let s2 = crate::transcript::lower::lower(&c.quoted_expression("S2")?, &scope).map_err(|e| c.error(format!("quoted.S2: {e}")))?;
    // tree coupling of the reaction (flavours i = 1, j = 2)
    let fl = |x: Particle, i: i64| if x.field == Field::Lepton { Particle { flavour: Some(Flavour::Index(i)), ..x } } else { x };
    let lepton_slots: Vec<i64> = vec![1, 2];
    let mut slot = 0;
    let mut assign = |x: Particle| {
        if x.field == Field::Lepton {
            let i = lepton_slots[slot.min(1)];
            slot += 1;
            fl(x, i)
        } else {
            x
        }
    };
    let q = Process::new([assign(p.initial[0]), assign(p.initial[1])], [assign(p.fin[0]), assign(p.fin[1])]);
    let tree = weighted_tree(&q).map(|(w, parts)| (substitute_letters(&w, &setup), parts));
    let mut notes = vec![];
    let mut ok = true;
    // spurion: [S1] = 0 exactly when L + L_x is conserved
    if conserving != is_zero(&s1) {
        ok = false;
        notes.push(format!(
            "[S1] {} although the reaction {} L+L_x",
            if conserving { "is non-zero" } else { "vanishes" },
            if conserving { "conserves" } else { "violates" }
        ));
    }
    // structure: [S1] = const |tree|^2 (mass-insertion amplitude) or [S2] = const |tree|^2 (momentum)
    let mut structure = String::from("no tree amplitude");
    if let Some((w, parts)) = &tree {
        let insertion = parts.iter().any(|(_, tc, _)| !matches!(tc.letter, crate::cas::couplings::Letter::D));
        let mod2 = (w.clone() * conj(w)).expand();
        let target = if insertion { &s1 } else { &s2 };
        structure = match relate(target, &mod2) {
            Relation::Factor(f) => {
                let positive = !plain(&f).starts_with('-');
                if !positive {
                    ok = false;
                }
                format!("4 pi [S{}] = ({}) |tree coupling|^2", if insertion { 1 } else { 2 }, plain(&f))
            }
            Relation::Equal => format!("4 pi [S{}] = |tree coupling|^2", if insertion { 1 } else { 2 }),
            Relation::Different(_) => {
                ok = false;
                format!("4 pi [S{}] is not proportional to |tree coupling|^2", if insertion { 1 } else { 2 })
            }
        };
    }
    // positivity of [S1] at random couplings
    let mut rng = crate::numerics::sampling::XorShift64::new(0x2545F4914F6CDD1D);
    let mut next = || rng.symmetric();
    let mut min_s1 = f64::INFINITY;
    for _ in 0..50 {
        let mut vals = crate::cas::eval::Values::new();
        for a in 1..=2 {
            for i in 1..=3 {
                vals.set(&format!("y({i},{a})"), num_complex::Complex64::new(next(), next()));
            }
            vals.set(&format!("lam({a})"), num_complex::Complex64::new(next(), next()));
            vals.set(&format!("M({a})"), num_complex::Complex64::new(1.5 + next(), 0.0));
        }
        let v = crate::cas::eval::eval(&s1, &vals).map_err(|e| c.error(e.to_string()))?;
        if v.im.abs() > crate::prec::F64_ROUND_OFF * v.re.abs().max(1e-300) {
            ok = false;
        }
        min_s1 = min_s1.min(v.re);
    }
    if min_s1 < -1e-14 {
        ok = false;
        notes.push(format!("[S1] takes the negative value {min_s1:.3e}"));
    }
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("4 pi [S1] = {}; 4 pi [S2] = {}", c.printed.clone().unwrap_or_default(), c.quoted["S2"].text))
        .derived(format!(
            "L+L_x {}; {structure}; min [S1] over 50 random points {min_s1:.3e}",
            if conserving { "conserved" } else { "violated" }
        ));
    let how = "Checks without a new amplitude calculation: [S1] vanishes exactly when L+L_x is conserved (the Majorana mass as spurion), \
        [S1] is real and non-negative at random complex couplings, and the coefficient is a positive multiple of |c|^2 with c the \
        tree coupling product of the reaction (Eq. 78, from the vertices of Eq. 2): [S1] for mass-insertion amplitudes, [S2] for the \
        momentum-propagator ones.";
    Ok(if ok {
        v.status(Status::Confirmed).detail(how)
    } else {
        v.status(Status::Discrepancy).detail(format!("{}. {how}", notes.join("; ")))
    })
}

/// Footnote 4: summing freely over i, j with the factor 1/2 built in counts each
/// unordered pair once (needs the symmetry of the coupling product in i, j).
pub fn footnote4(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let row = ctx.claim("tab3.5", c)?;
    let setup = Setup::flavoured(2, 3);
    let at = |i: i64, j: i64| lower_claim(row, &Scope::new(setup, Letters::Defined(&EQ78)).bind("i", i).bind("j", j));
    let mut free = int(0);
    let mut pairs = int(0);
    for i in 1..=3 {
        for j in 1..=3 {
            let v = at(i, j)?;
            free += v.clone();
            if i < j {
                pairs += int(2) * v;
            } else if i == j {
                pairs += v;
            }
        }
    }
    let ok = same(&free, &pairs);
    Ok(Verdict::new(&c.id, &c.section, &c.title)
        .printed("sum_{i,j} [S]^{l_i l_j}_{H^dag H^dag} (with the 1/2 of i = j)")
        .derived(format!("sum over ordered (i, j) {} sum over i < j (twice, no symmetry factor) + i = j (factor 1/2)", if ok { "=" } else { "!=" }))
        .status(if ok { Status::Confirmed } else { Status::Discrepancy })
        .detail("Compared symbolically with general complex y_ia (three flavours, two heavy neutrinos); equality rests on the symmetry of sum_a y_ia y_ja / M_a in i, j."))
}
