#!/usr/bin/env python3
"""Read every Mathematica export of `cogenesis derive all --out DIR` with a
Mathematica-grammar parser (sympy's parse_mathematica) and compare it with the
JSON export of the same table at random numerical values of the symbols.

Usage: python3 scripts/check_exports.py DIR

Each DIR/TABLE.m is `(* header *) {"key" -> expr, ...}` with one rule per line;
DIR/TABLE.json carries, for every key, the plain expression (the transcription
language of derivations/, Symbolica syntax) as "plain". Both are parsed, the
symbols are given the same random values (complex for couplings and the
letters A-D, real positive otherwise; nN = 2 heavy neutrinos, flavours i = 1,
j = 2), and the values must agree to 1e-9. Exit status 1 on any failure.

Two renamings work around sympy's namespace, not the grammar: `beta` is
sympy's Beta function inside parse_mathematica and `lambda` a Python keyword
for parse_expr; both are renamed before parsing, on both sides alike.
"""

import json
import random
import re
import sys
from pathlib import Path

import sympy as sp
from sympy.parsing.mathematica import parse_mathematica
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

RENAME = {"beta": "betaphase", "lambda": "lam"}


def rename(text):
    for a, b in RENAME.items():
        text = re.sub(rf"\b{a}\b", b, text)
    return text


def split_rules(text):
    """The `"key" -> expr` rules of a Mathematica export (comments dropped)."""
    body = re.sub(r"\(\*.*?\*\)", "", text, flags=re.S).strip()
    if not (body.startswith("{") and body.endswith("}")):
        raise ValueError("not a list of rules")
    body = body[1:-1]
    rules, depth, start, in_str = [], 0, 0, False
    for k, ch in enumerate(body):
        if ch == '"':
            in_str = not in_str
        elif not in_str and ch in "([{":
            depth += 1
        elif not in_str and ch in ")]}":
            depth -= 1
        elif not in_str and ch == "," and depth == 0:
            rules.append(body[start:k])
            start = k + 1
    rules.append(body[start:])
    out = {}
    for r in rules:
        m = re.match(r'\s*"([^"]*)"\s*->\s*(.*)$', r, flags=re.S)
        if not m:
            raise ValueError(f"not a rule: {r.strip()[:80]}")
        out[m.group(1)] = m.group(2).strip()
    return out


def json_entries(node, out):
    """Every {"key": ..., "plain": ...} object of a JSON export."""
    if isinstance(node, dict):
        if "key" in node and "plain" in node:
            out[node["key"]] = node["plain"]
        for v in node.values():
            json_entries(v, out)
    elif isinstance(node, list):
        for v in node:
            json_entries(v, out)
    return out


Y, LAM, M_, S1, S2 = (sp.Function(n) for n in ("y", "lam", "M", "S1", "S2"))
NN, I_, J_ = sp.Symbol("nN"), sp.Symbol("i"), sp.Symbol("j")


def plain_sum(index, expr):
    return sp.Sum(expr, (index, 1, NN))


def plain_locals(text):
    loc = {
        "conj": sp.conjugate, "Im": sp.im, "im": sp.im, "Re": sp.re, "re": sp.re, "abs": sp.Abs,
        "sin": sp.sin, "cos": sp.cos, "exp": sp.exp, "sqrt": sp.sqrt, "pi": sp.pi, "I": sp.I,
        "sum": plain_sum, "y": Y, "lam": LAM, "M": M_,
        "n_g": sp.Symbol("ng"), "abs_y1": sp.Abs(Y(1)), "abs_l1": sp.Abs(LAM(1)),
        "Ab": sp.conjugate(sp.Symbol("A")), "Bb": sp.conjugate(sp.Symbol("B")),
        "Cb": sp.conjugate(sp.Symbol("C")), "Db": sp.conjugate(sp.Symbol("D")),
        "cos_theta": sp.Symbol("costheta"), "betaphase": sp.Symbol("betaphase"),
        "True": sp.true, "False": sp.false,
    }
    # per-reaction symbols S1_x_y -> S1(x, y), as Mathematica writes S1[x, y]
    for name in set(re.findall(r"\bS[12]_[A-Za-z]+_[A-Za-z]+\b", text)):
        k, a, b = name.split("_")
        loc[name] = (S1 if k == "S1" else S2)(sp.Symbol(a), sp.Symbol(b))
    return loc


def from_plain(text):
    text = rename(text)
    return parse_expr(text, local_dict=plain_locals(text), transformations=standard_transformations + (convert_xor,))


# Mathematica heads the parser leaves as undefined functions, with their sympy meaning
HEADS = {
    "Conjugate": sp.conjugate, "Abs": sp.Abs, "Im": sp.im, "Re": sp.re, "Sin": sp.sin, "Cos": sp.cos,
    "Exp": sp.exp, "Sqrt": sp.sqrt, "Sum": lambda body, rng: sp.Sum(body, tuple(rng)),
}


def with_heads(e):
    if not hasattr(e, "replace"):
        return e
    for name, fn in HEADS.items():
        e = e.replace(sp.Function(name), fn)
    return e


def from_mathematica(text):
    e = parse_mathematica(rename(text))
    if isinstance(e, (tuple, sp.Tuple)):
        return tuple(with_heads(x) for x in e)
    return with_heads(e)


COMPLEX = {"A", "B", "C", "D", "y", "lam"}


def value_of(atom, rng):
    name = atom.func.__name__ if isinstance(atom, sp.core.function.AppliedUndef) else str(atom)
    if name in COMPLEX:
        return sp.Float(rng.uniform(0.3, 1.5)) * sp.exp(sp.I * sp.Float(rng.uniform(-3, 3)))
    return sp.Float(rng.uniform(0.3, 1.5))


def numeric(exprs, seed):
    """Evaluate sympy expressions at shared random values of their symbols."""
    fixed = {NN: 2, I_: 1, J_: 2}
    exprs = [sp.sympify(e).subs(fixed).doit() for e in exprs]
    atoms = set()
    for e in exprs:
        atoms |= e.atoms(sp.Symbol) | e.atoms(sp.core.function.AppliedUndef)
    rng = random.Random(seed)
    values = {a: value_of(a, rng) for a in sorted(atoms, key=str)}
    return [complex(sp.N(e.subs(values), 30)) for e in exprs]


def same(a, b):
    if isinstance(a, (bool, sp.logic.boolalg.BooleanAtom)) or isinstance(b, (bool, sp.logic.boolalg.BooleanAtom)):
        return bool(a) == bool(b)
    worst = 0.0
    for seed in (1, 2, 3):
        x, y = numeric([a, b], seed)
        scale = max(abs(x), abs(y), 1e-300)
        worst = max(worst, abs(x - y) / scale if scale > 1e-250 else abs(x - y))
    return worst < 1e-9


def main(directory):
    failures, checked = [], 0
    for m_file in sorted(Path(directory).glob("*.m")):
        json_file = m_file.with_suffix(".json")
        rules = split_rules(m_file.read_text())
        plain = json_entries(json.loads(json_file.read_text()), {})
        if set(rules) != set(plain):
            failures.append(f"{m_file.name}: keys differ from {json_file.name}: {sorted(set(rules) ^ set(plain))[:4]}")
            continue
        for key, text in rules.items():
            try:
                m = from_mathematica(text)
                p = plain[key]
                p = tuple(from_plain(x) for x in p) if isinstance(p, list) else from_plain(p)
                pairs = list(zip(m, p)) if isinstance(m, tuple) else [(m, p)]
                if isinstance(m, tuple) and (not isinstance(p, tuple) or len(m) != len(p)):
                    raise ValueError("list lengths differ")
                for a, b in pairs:
                    if not same(a, b):
                        failures.append(f"{m_file.name} {key!r}: Mathematica and JSON differ")
                checked += 1
            except Exception as e:  # noqa: BLE001 - report every unreadable rule
                failures.append(f"{m_file.name} {key!r}: {type(e).__name__}: {e}")
    for f in failures:
        print("FAIL", f)
    print(f"check_exports: {checked} Mathematica rules read and compared with the JSON exports, {len(failures)} failures")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
