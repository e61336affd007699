"""Anchor for `cogenesis bench symbolic`: the last step of the [D2] derivation in SymPy.

From the derived [D2] of Eqs. (17)-(20) in the letters of Eq. (78) (`cogenesis derive d2
--format json`: each row a sum of coefficient x Im(product of A, B, C, D and conjugates)),
SymPy substitutes the letters for two heavy neutrinos with y_ia = y_a,
A = sum_a y_a^2/M_a, B = sum_a lambda_a^2/M_a, C = sum_a y_a lambda_a/M_a,
D = sum_a y_a conj(lambda_a)/M_a^2, writes Im X = (X - conj X)/(2i) (conj: y <-> ybar,
lambda <-> lambdabar, i -> -i, the couplings' conjugates independent symbols, as in the
crate), expands, and compares with the crate's expanded form ("couplings"). Prints SymPy's
time for this step beside the crate's for the whole derivation (cuts -> phase space ->
letters -> couplings).

    cargo run --release -- derive d2 --format json > /tmp/d2.json
    python3 scripts/anchors/d2_sympy.py /tmp/d2.json
"""
import json
import re
import sys
import time

import sympy as sp


def main(path):
    rows = json.load(open(path))["rows"]
    ng, pi, I = sp.Symbol("n_g"), sp.pi, sp.I
    y = {a: sp.Symbol(f"yu{a}") for a in (1, 2)}
    yb = {a: sp.Symbol(f"yub{a}") for a in (1, 2)}
    lam = {a: sp.Symbol(f"lam{a}") for a in (1, 2)}
    lamb = {a: sp.Symbol(f"lamb{a}") for a in (1, 2)}
    M = {a: sp.Symbol(f"M{a}", positive=True) for a in (1, 2)}
    letters = {
        "A": sum(y[a] ** 2 / M[a] for a in (1, 2)),
        "B": sum(lam[a] ** 2 / M[a] for a in (1, 2)),
        "C": sum(y[a] * lam[a] / M[a] for a in (1, 2)),
        "D": sum(y[a] * lamb[a] / M[a] ** 2 for a in (1, 2)),
    }
    swap = {**{y[a]: yb[a] for a in (1, 2)}, **{yb[a]: y[a] for a in (1, 2)},
            **{lam[a]: lamb[a] for a in (1, 2)}, **{lamb[a]: lam[a] for a in (1, 2)}}

    def conj(e):
        return e.xreplace(swap).subs(I, -I)

    def structure(text):
        # "conj(A)*C*D" -> product of letters and conjugated letters
        out = sp.Integer(1)
        for factor in text.split("*"):
            m = re.fullmatch(r"conj\(([ABCD])\)", factor.strip())
            out *= conj(letters[m.group(1)]) if m else letters[factor.strip()]
        return out

    def crate_form(text):
        t = re.sub(r"(yub|yu|lamb|lam|M)\((\d)\)", r"\1\2", text).replace("^", "**")
        t = re.sub(r"(\d)I", r"\1*I", t)
        return sp.sympify(t, locals={"pi": pi, "I": I, "ng": ng, "n_g": ng, **{str(s): s for d in (y, yb, lam, lamb, M) for s in d.values()}})

    start = time.perf_counter()
    derived = []
    for r in rows:
        total = sp.Integer(0)
        for term in r["terms"]:
            coefficient = sp.sympify(term["coefficient"].replace("^", "**").replace("ng", "n_g"), locals={"pi": pi, "n_g": ng})
            x = structure(term["structure"])
            total += coefficient * (x - conj(x)) / (2 * I)
        derived.append(sp.expand(total))
    elapsed = time.perf_counter() - start
    bad = [r["claim"] for r, d in zip(rows, derived) if sp.expand(d - crate_form(r["couplings"])) != 0]
    print(f"SymPy: letters -> couplings for the four [D2] rows in {elapsed * 1e3:.0f} ms; "
          f"{'agrees with the crate for every row' if not bad else 'differs from the crate for ' + ', '.join(bad)}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/d2.json")
