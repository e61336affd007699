"""Anchor for `cogenesis bench evolve`: one evolution point integrated by scipy's Radau.

The model (Eqs. 29-30 and 45-49 in N = ln a, as src/cosmo/evolution.rs writes them) is
re-implemented here from the plain numbers that `examples/evolution_model.rs` prints
(sources, energy-transfer coefficients, omega^(1), omega^(2) as polynomials in xi), with
the same tolerances; the final xi, Y_B-L and Y_Lx are compared with the crate's and the
time per evolution is printed beside the crate's.

    cargo run --release --example evolution_model > /tmp/model.json
    python3 scripts/anchors/evolution_radau.py /tmp/model.json
"""
import json
import math
import sys
import time

from scipy.integrate import solve_ivp

K = 1e10  # the charges' scale in the state vector (as in evolution.rs)


def main(path):
    m = json.load(open(path))
    c = m["constants"]
    g, gx, gs, m_pl = c["g_star"], c["g_star_x"], c["g_star_s"], c["m_pl"]
    m1, x_rh = m["point"]["m1"], m["point"]["x_rh"]
    sigma = m["sigma"]
    c7, c9 = m["energy"]["c7"], m["energy"]["c9"]
    om1, om2 = m["omega1"], m["omega2"]
    t_rh = m1 / x_rh
    rho_rh = math.pi**2 * g * t_rh**4 / 30.0
    s_rh = 2.0 * math.pi**2 * gs * t_rh**3 / 45.0

    def omega(poly, xi):
        return [[sum(cf * xi**p for p, cf in poly[q][r]) for r in range(2)] for q in range(2)]

    def temperatures(n, x):
        a4 = math.exp(4.0 * n)
        rho = max(x[0], 0.0) * rho_rh / a4
        rhox = max(x[1], 0.0) * rho_rh / a4
        t = (30.0 * rho / (math.pi**2 * g)) ** 0.25
        tx = (30.0 * rhox / (math.pi**2 * gx)) ** 0.25
        return rho, rhox, t, tx

    def rhs(n, x):
        a = math.exp(n)
        a4 = a**4
        rho, rhox, t, tx = temperatures(n, x)
        xi = tx / t
        h = math.sqrt((rho + rhox) / 3.0) / m_pl
        ce = c7 * (t**7 - tx**7) + c9 * (t**9 - tx**9)
        d0 = -ce * a4 / (h * rho_rh)
        s_over = s_rh / a**3
        nq = [x[2] / K * s_over, x[3] / K * s_over]
        w1, w2 = omega(om1, xi), omega(om2, xi)
        t3, t5, t8 = t**3 / m1**2, t**5 / m1**4, t**8 / m1**4
        out = [d0, -d0, 0.0, 0.0]
        for q in range(2):
            source = sigma[q] * (1.0 - xi**8) * t8
            wash = sum((t3 * w1[q][r] + t5 * w2[q][r]) * nq[r] for r in range(2))
            out[2 + q] = K * a**3 / (h * s_rh) * (source - wash)
        return out

    n_end = math.log(m["settings"]["u_max"])
    x0 = [1.0, 1e-40, 0.0, 0.0]
    rtol, atol = m["settings"]["rtol"], m["settings"]["atol"]
    runs, sol = 5, None
    start = time.perf_counter()
    for _ in range(runs):
        sol = solve_ivp(rhs, (0.0, n_end), x0, method="Radau", rtol=rtol, atol=atol)
    per_run = (time.perf_counter() - start) / runs
    x = sol.y[:, -1]
    _, _, t, tx = temperatures(n_end, x)
    s = 2.0 * math.pi**2 * gs * t**3 / 45.0
    a3 = math.exp(3.0 * n_end)
    mine = {"xi": tx / t, "y_bl": x[2] / K * s_rh / a3 / s, "y_lx": x[3] / K * s_rh / a3 / s}
    ref = m["cogenesis"]
    print(f"scipy Radau: {per_run * 1e3:.1f} ms per evolution ({sol.nfev} right-hand sides, {sol.njev} Jacobians); "
          f"cogenesis ({ref['solver']}): {ref['seconds_per_run'] * 1e3:.2f} ms")
    worst = 0.0
    for key in ("xi", "y_bl", "y_lx"):
        rel = abs(mine[key] - ref[key]) / abs(ref[key])
        worst = max(worst, rel)
        print(f"  {key}: Radau {mine[key]:.8e}, cogenesis {ref[key]:.8e}, relative difference {rel:.1e}")
    sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/model.json")
