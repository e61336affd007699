"""Anchor for `cogenesis bench collide`: the six reference integrals of App. A,
int_0^inf z^(2k+2) K_1(z) dz and int_0^inf z^(2k+3) K_2(z) dz for k = 1, 2, 3, at 50 digits,
by mpmath's tanh-sinh quadrature and by Arb (python-flint's certified acb.integral), each
against the closed form int_0^inf z^m K_nu(z) dz = 2^(m-1) Gamma((m+1+nu)/2) Gamma((m+1-nu)/2)
(Eq. 74). Prints the time and the digits of agreement of each.

    pip install mpmath python-flint
    python3 scripts/anchors/app_a_integrals.py [arb] [mpmath]
"""
import time

DIGITS = 50
SPECS = [(nu, 2 * k + 1 + nu) for k in (1, 2, 3) for nu in (1, 2)]  # (nu, m): z^m K_nu


def agreement(value, exact):
    from mpmath import mp, log10, fabs

    d = fabs(value - exact) / fabs(exact)
    return float("inf") if d == 0 else float(-log10(d))


def with_mpmath():
    from mpmath import mp, quad, besselk, gamma, inf, mpf

    mp.dps = DIGITS + 5
    worst, start = float("inf"), time.perf_counter()
    for nu, m in SPECS:
        v = quad(lambda z: z**m * besselk(nu, z), [0, 1, 8, 64, inf])
        print(f"  mpmath: z^{m} K_{nu} done at {time.perf_counter() - start:.1f} s", flush=True)
        exact = mpf(2) ** (m - 1) * gamma(mpf(m + 1 + nu) / 2) * gamma(mpf(m + 1 - nu) / 2)
        worst = min(worst, agreement(v, exact))
    return time.perf_counter() - start, worst


def with_arb():
    from flint import acb, arb, ctx

    # 300 bits for 50 digits: the series of K_nu near the lower end loses about 40 digits to cancellation
    ctx.prec = int(DIGITS * 3.33) + 134
    # the tail beyond 200 is below 200^m e^-200 < 10^-(DIGITS + 10); the integrand is not
    # analytic at 0 (K_nu has a pole and a logarithm there), so the integral starts at
    # eps = 1e-15, and int_0^eps z^m K_nu <= 2^(nu-1) Gamma(nu) eps^(m-nu+1)/(m-nu+1) < 1e-60
    # is added to the radius
    top, eps = 200, arb(10) ** -15
    worst, start = float("inf"), time.perf_counter()
    for nu, m in SPECS:
        f = lambda z, analytic: z**m * z.bessel_k(nu)
        v = acb.integral(f, eps, top, rel_tol=arb(10) ** -(DIGITS + 2)).real
        v = v + arb(0, 2 ** (nu - 1) * eps ** (m - nu + 1) / (m - nu + 1))
        print(f"  Arb: z^{m} K_{nu} done at {time.perf_counter() - start:.1f} s", flush=True)
        # the closed form in Arb too; the agreement is that of the enclosure's midpoint
        exact = arb(2) ** (m - 1) * arb(m + 1 + nu).__truediv__(2).gamma() * arb(m + 1 - nu).__truediv__(2).gamma()
        diff = abs(v.mid() - exact) / exact
        d = float("inf") if diff.upper() == 0 else -float((diff.upper().log() / arb(10).log()).mid())
        certified = v.rel_accuracy_bits() / 3.3219
        print(f"    agreement {d:.1f} digits, certified {certified:.1f} digits", flush=True)
        worst = min(worst, d)
    return time.perf_counter() - start, worst


if __name__ == "__main__":
    import sys

    methods = {"mpmath": ("mpmath quad (tanh-sinh)", with_mpmath), "arb": ("Arb acb.integral (python-flint)", with_arb)}
    for name, f in (methods[m] for m in (sys.argv[1:] or ["arb", "mpmath"])):
        t, d = f()
        print(f"{name}: six integrals at {DIGITS} digits in {t:.2f} s, worst agreement with Eq. (74) {d:.1f} digits")
