//! Checks of Tables 1-3 (Sec. 2.1, 2.3) and footnote 4.

use super::{Check, Context, lower_claim};
use crate::audit::compare::{Relation, relate};
use crate::audit::error::{CheckError, ForClaim};
use crate::audit::verdict::{Status, Verdict};
use crate::cas::algebra::{int, same};
use crate::cas::couplings::Flavour;
use crate::cas::couplings::Setup;
use crate::cas::print::plain;
use crate::cas::rational::Q;
use crate::derive::asymmetry::has_asymmetry;
use crate::derive::couplings::EQ78;
use crate::transcript::claims::Claim;
use crate::transcript::error::TranscriptionError;
use crate::transcript::lower::{Letters, Scope};
use crate::transcript::particles::{Field, Particle, Process, parse_process};

/// The checks of `derivations/sec2_tables.toml`: claim ids -> check function.
pub const CHECKS: &[Check] = &[
    check!(tab1, ["tab1"]),
    check!(footnote4, ["text.footnote4"], insensitive: [("*", "a statement about the printed Table 3 row 5 (tab3.5), which it reads; nothing of its own")]),
    check!(
        tab2,
        ["tab2.*"],
        insensitive: [("quoted.symbol", "the tool's name of the row (not printed in the paper): the row is identified by quoted.reaction, which is checked")]
    ),
    check!(
        tab3,
        ["tab3.*"],
        insensitive: [("printed/conjugation", "4 pi [S1] printed as a modulus squared |sum_a x_a|^2 is unchanged when the summand is conjugated")]
    ),
];

/// Table 1.
pub fn tab1(c: &Claim, _ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let mut bad = vec![];
    for (name, q) in &c.quoted {
        let f = Field::from_name(name).ok_or_else(|| c.error(format!("unknown field `{name}` in Table 1")))?;
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
    // terms of Eqs. (2)-(3): (name, fields with conjugation flags); the cubic
    // ones from the model's interaction table, the mass terms here
    let mut terms: Vec<(String, Vec<(Field, bool)>)> = crate::derive::model::INTERACTIONS
        .iter()
        .map(|t| {
            let conj = if t.coupling == "y_chi" { crate::derive::model::SINK_CONJUGATED } else { [false; 3] };
            let fields: Vec<String> =
                t.fields.iter().zip(conj).map(|(f, c)| format!("{}{}", f.label(), if c { "^*" } else { "" })).collect();
            let name = format!("{} {}", t.coupling, fields.join(" "));
            (name, t.fields.iter().copied().zip(conj).collect())
        })
        .collect();
    terms.push(("m_chi chi chi^c".into(), vec![(Field::Chi, false), (Field::ChiC, false)]));
    terms.push(("m_phi phi^dag phi".into(), vec![(Field::Phi, true), (Field::Phi, false)]));
    terms.push(("M N N".into(), vec![(Field::HeavyN, false), (Field::HeavyN, false)]));
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
    let asym = if has_asymmetry(&p).for_claim(c)? { "Y" } else { "N" };
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

/// Table 3 rows: both columns compared term by term with \[S1\], \[S2\] derived
/// from the tree amplitudes of the Lagrangian ([`crate::derive::kernels`]).
pub fn tab3(c: &Claim, ctx: &Context<'_>) -> Result<Verdict, CheckError> {
    let p = reaction(c)?;
    let kernel = ctx.kernel(c, &p)?;
    // general complex y_ia with i = 1, j = 2 and three heavy neutrinos (an identity
    // in independent couplings at n_N = 3 holds for n_N = 2 with the third set to zero)
    let setup = Setup::flavoured(3, 3);
    let flavours = [Flavour::Index(1), Flavour::Index(2)];
    let scope = Scope::new(setup, Letters::Defined(&EQ78)).bind("i", 1).bind("j", 2);
    let printed = [
        lower_claim(c, &scope)?,
        crate::transcript::lower::lower(&c.quoted_expression("S2")?, &scope).map_err(|e| c.error(format!("quoted.S2: {e}")))?,
    ];
    let printed_text = [c.printed.clone().unwrap_or_default(), c.quoted["S2"].text.clone()];
    let mut diffs = vec![];
    // LaTeX of both sides, the differing factor highlighted where the forms are not equal
    let mut shown: [Option<(String, String)>; 2] = [None, None];
    for k in 1..=2u32 {
        let derived = kernel.atom(k, &setup, flavours);
        let pr = &printed[k as usize - 1];
        let relation = relate(pr, &derived);
        let (pt, dt) = (&printed_text[k as usize - 1], kernel.plain(k));
        shown[k as usize - 1] = match relation {
            Relation::Equal => crate::audit::mathform::transcript_latex(pt).zip(crate::audit::mathform::transcript_latex(&dt)),
            _ => crate::audit::mathform::transcript_pair(pt, &dt),
        };
        match relation {
            Relation::Equal => {}
            Relation::Factor(f) => diffs.push(format!(
                "4 pi [S{k}]: printed {} = ({}) x derived {}{}",
                printed_text[k as usize - 1],
                plain(&f),
                kernel.text(k),
                if same(&f, &int(-1)) { " (a sign)" } else { "" }
            )),
            Relation::Different(_) => {
                diffs.push(format!("4 pi [S{k}]: printed {}, derived {}", printed_text[k as usize - 1], kernel.text(k)))
            }
        }
    }
    let conserving = p.twice_delta_l_plus_lx() == 0;
    let spurion = conserving == kernel.four_pi_s[0].is_empty();
    let v = Verdict::new(&c.id, &c.section, &c.title)
        .printed(format!("4 pi [S1] = {}; 4 pi [S2] = {}", printed_text[0], printed_text[1]))
        .derived(format!("4 pi [S1] = {}; 4 pi [S2] = {}", kernel.text(1), kernel.text(2)));
    let v = match shown {
        [Some((p1, d1)), Some((p2, d2))] => {
            let both = |a: &str, b: &str| format!("4\\pi\\,[S_1] = {a} , \\qquad 4\\pi\\,[S_2] = {b}");
            v.latex(both(&p1, &p2), both(&d1, &d2))
        }
        _ => v,
    };
    let how = format!(
        "Derived from the Feynman rules of Eq. (2) (two-component spinors, DHM conventions): every N_a-exchange diagram of {p} and of \
         its CP conjugate, the propagator expanded to first order in p^2/M_a^2, |M|^2 summed over spins and SU(2)_L components, \
         integrated over cos(theta) with the symmetry factor of Eq. (11) (footnote 4's i = j for identical lepton doublets), and \
         Sigma W = [S1] s + [S2] s^2 read off (Eq. 13); compared with general complex y_ia (i = 1, j = 2), lambda_a and three heavy \
         neutrinos. L+L_x is {} and the derived [S1] {} (the Majorana mass as spurion){}.",
        if conserving { "conserved" } else { "violated" },
        if kernel.four_pi_s[0].is_empty() { "vanishes" } else { "does not vanish" },
        if spurion { "" } else { ", against the spurion argument" }
    );
    Ok(if diffs.is_empty() && spurion {
        v.status(Status::Confirmed).detail(how)
    } else {
        v.status(Status::Discrepancy).detail(format!("{}. {how}", diffs.join("; ")))
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
