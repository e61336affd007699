#!/usr/bin/env bash
# Regenerate every table in every format (`cogenesis derive all`) and read the
# exports with real parsers:
#   - every Mathematica export with sympy's Mathematica-grammar parser, compared
#     with the JSON export at random numerical values (scripts/check_exports.py);
#   - every LaTeX export (the .tex files and the "latex" fields of the JSON)
#     rendered by KaTeX (scripts/check_latex.js, the npm package pinned in
#     scripts/package.json).
# Each check runs when its tool is present (python3 with sympy; node with npm)
# and is skipped with a message otherwise. CI (.ci/run) calls this script.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/exports}"
export SYMBOLICA_HIDE_BANNER=1
cargo run --release --quiet -- derive all --out "$out"

if command -v python3 >/dev/null 2>&1 && python3 -c "import sympy" >/dev/null 2>&1; then
    python3 scripts/check_exports.py "$out"
else
    echo "check_exports: skipped (python3 with sympy not found; pip install sympy)"
fi

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    if [ ! -d scripts/node_modules/katex ]; then
        (cd scripts && npm install --silent --no-audit --no-fund) || {
            echo "check_latex: skipped (npm could not install katex)"
            exit 0
        }
    fi
    node scripts/check_latex.js "$out"
else
    echo "check_latex: skipped (node and npm not found)"
fi
