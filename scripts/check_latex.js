#!/usr/bin/env node
// Render every LaTeX export of `cogenesis derive all --out DIR` with KaTeX
// (throwOnError): each DIR/*.tex (comment lines dropped; `align` environments
// and `\[ ... \]` blocks rendered in display mode) and every "latex" field of
// DIR/*.json. Exit status 1 when any of them fails to render.
//
// Usage: node scripts/check_latex.js DIR   (after `npm install` in scripts/)
"use strict";
const fs = require("fs");
const path = require("path");
const katex = require("katex");

function blocks(tex) {
  const body = tex
    .split("\n")
    .filter((l) => !l.trim().startsWith("%"))
    .join("\n");
  const out = [];
  const re = /\\begin\{align\}[\s\S]*?\\end\{align\}|\\\[[\s\S]*?\\\]/g;
  let m;
  let rest = body;
  while ((m = re.exec(body)) !== null) {
    const b = m[0];
    out.push(b.startsWith("\\[") ? b.slice(2, -2) : b);
    rest = rest.replace(b, "");
  }
  if (rest.trim() !== "") out.push(null); // text outside any math block
  return out;
}

function latexFields(node, out) {
  if (Array.isArray(node)) node.forEach((x) => latexFields(x, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.includes("latex") && typeof v === "string") out.push(v);
      else if (k.includes("latex") && Array.isArray(v)) v.forEach((x) => typeof x === "string" && out.push(x));
      else latexFields(v, out);
    }
  }
  return out;
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/check_latex.js DIR");
  process.exit(2);
}
let rendered = 0;
const failures = [];
for (const f of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, f);
  let sources = [];
  if (f.endsWith(".tex")) sources = blocks(fs.readFileSync(file, "utf8"));
  else if (f.endsWith(".json")) sources = latexFields(JSON.parse(fs.readFileSync(file, "utf8")), []);
  else continue;
  for (const src of sources) {
    if (src === null) {
      failures.push(`${f}: text outside a math block`);
      continue;
    }
    try {
      katex.renderToString(src, { displayMode: true, throwOnError: true });
      rendered += 1;
    } catch (e) {
      failures.push(`${f}: ${e.message.split("\n")[0]}`);
    }
  }
}
failures.forEach((x) => console.log("FAIL", x));
console.log(`check_latex: ${rendered} LaTeX blocks rendered by KaTeX ${katex.version}, ${failures.length} failures`);
process.exit(failures.length || rendered === 0 ? 1 : 0);
