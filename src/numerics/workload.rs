//! How often the numerical kernels of a run were called and the CPU time they
//! took, summed over every thread of the process: the breakdown
//! `cogenesis bench audit` reports (issue 19), so that where an audit's time goes
//! is measured by the tool rather than by a profiler.
//!
//! The kernels are the evolutions of Secs. 3-4 (Eqs. 29-31, 45-49), the
//! freeze-outs of Sec. 5.2 (Eq. 67), the heavy-neutrino yields of Sec. 3.2 and the
//! reaction classes of the App. A quantum/MB table. Each call is timed by the CPU
//! clock of the thread that runs it (`CLOCK_THREAD_CPUTIME_ID`), so that time a
//! thread waits for a core is not counted; a kernel that runs its own parallel work
//! is timed inside each piece (the table: per reaction class), never around it.
//! The counters only grow: a caller takes a [`Workload`](crate::numerics::workload::Workload) before and after and
//! subtracts ([`Workload::since`](crate::numerics::workload::Workload::since)).
//!
//! Timing costs two clock reads per call (well under a microsecond; an evolution
//! takes about 0.2 ms). Without a thread CPU clock (not a Unix) the calls are
//! still counted and their time is zero.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// A numerical kernel whose calls are tallied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// One evolution of the charges and the dark energy density (`cosmo::evolution::evolve`).
    Evolution,
    /// One dark-matter freeze-out (`cosmo::relic::freeze_out`).
    FreezeOut,
    /// One heavy-neutrino yield after reheating (`cosmo::heavy_neutrinos::after_reheating`).
    HeavyNeutrinos,
    /// One reaction class and temperature setting of the quantum/MB table ([`crate::numerics::quantum::table`]).
    QuantumTable,
}

impl Kernel {
    /// Every kernel, in the order of [`Workload`]'s arrays.
    pub const ALL: [Kernel; 4] = [Kernel::Evolution, Kernel::FreezeOut, Kernel::HeavyNeutrinos, Kernel::QuantumTable];

    /// What one call computes, for reports.
    pub fn label(self) -> &'static str {
        match self {
            Kernel::Evolution => "evolutions (Eqs. 29-31, 45-49)",
            Kernel::FreezeOut => "freeze-outs (Eq. 67)",
            Kernel::HeavyNeutrinos => "heavy-neutrino yields (Sec. 3.2)",
            Kernel::QuantumTable => "quantum/MB table pieces (App. A)",
        }
    }

    /// A short name, for lists.
    pub fn name(self) -> &'static str {
        match self {
            Kernel::Evolution => "evolutions",
            Kernel::FreezeOut => "freeze-outs",
            Kernel::HeavyNeutrinos => "heavy-neutrino yields",
            Kernel::QuantumTable => "quantum/MB pieces",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

static CALLS: [AtomicU64; 4] = [const { AtomicU64::new(0) }; 4];
static NANOS: [AtomicU64; 4] = [const { AtomicU64::new(0) }; 4];

thread_local! {
    /// The calls of this thread alone.
    static MINE: std::cell::Cell<Workload> = const { std::cell::Cell::new(Workload { calls: [0; 4], cpu: [Duration::ZERO; 4] }) };
}

/// Run `f` as one call of `kernel`, adding its thread CPU time to the process's workload.
pub fn time<T>(kernel: Kernel, f: impl FnOnce() -> T) -> T {
    let start = thread_cpu();
    let out = f();
    let spent = start.zip(thread_cpu()).map_or(Duration::ZERO, |(a, b)| b.saturating_sub(a));
    let i = kernel.index();
    NANOS[i].fetch_add(u64::try_from(spent.as_nanos()).unwrap_or(u64::MAX), Ordering::Relaxed);
    CALLS[i].fetch_add(1, Ordering::Relaxed);
    MINE.with(|m| {
        let mut t = m.get();
        t.calls[i] += 1;
        t.cpu[i] += spent;
        m.set(t);
    });
    out
}

/// The counters at one moment: calls and CPU time per kernel (indexed as [`Kernel::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Workload {
    pub calls: [u64; 4],
    pub cpu: [Duration; 4],
}

impl Workload {
    /// The counters of the process now.
    pub fn now() -> Workload {
        Workload {
            calls: CALLS.each_ref().map(|c| c.load(Ordering::Relaxed)),
            cpu: NANOS.each_ref().map(|n| Duration::from_nanos(n.load(Ordering::Relaxed))),
        }
    }

    /// The counters of the calling thread alone now (its own calls, on every kernel).
    pub fn now_this_thread() -> Workload {
        MINE.with(|m| m.get())
    }

    /// What was tallied between `earlier` and `self`.
    pub fn since(&self, earlier: &Workload) -> Workload {
        Workload {
            calls: std::array::from_fn(|i| self.calls[i].saturating_sub(earlier.calls[i])),
            cpu: std::array::from_fn(|i| self.cpu[i].saturating_sub(earlier.cpu[i])),
        }
    }

    /// Calls and CPU time of one kernel.
    pub fn of(&self, kernel: Kernel) -> (u64, Duration) {
        (self.calls[kernel.index()], self.cpu[kernel.index()])
    }

    /// CPU time of every kernel together.
    pub fn total(&self) -> Duration {
        self.cpu.iter().sum()
    }
}

/// CPU time of the calling thread so far (`None` without a thread CPU clock).
pub fn thread_cpu() -> Option<Duration> {
    clock(Clock::Thread)
}

/// CPU time of the whole process so far, every thread (`None` without a process CPU clock).
pub fn process_cpu() -> Option<Duration> {
    clock(Clock::Process)
}

enum Clock {
    Thread,
    Process,
}

#[cfg(unix)]
fn clock(which: Clock) -> Option<Duration> {
    let id = match which {
        Clock::Thread => libc::CLOCK_THREAD_CPUTIME_ID,
        Clock::Process => libc::CLOCK_PROCESS_CPUTIME_ID,
    };
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec and `id` a clock every Unix libc defines;
    // clock_gettime writes only into `ts`.
    let rc = unsafe { libc::clock_gettime(id, &mut ts) };
    (rc == 0).then(|| Duration::new(u64::try_from(ts.tv_sec).unwrap_or(0), u32::try_from(ts.tv_nsec).unwrap_or(0)))
}

#[cfg(not(unix))]
fn clock(_: Clock) -> Option<Duration> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Busy work the optimiser cannot remove.
    fn spin(n: u64) -> u64 {
        (0..n).fold(0u64, |a, i| std::hint::black_box(a.wrapping_mul(6364136223846793005).wrapping_add(i)))
    }

    #[test]
    fn a_timed_call_is_counted_with_its_cpu_time() {
        let before = Workload::now();
        let t0 = thread_cpu().expect("a thread CPU clock (the crate runs on Linux)");
        let x = time(Kernel::HeavyNeutrinos, || spin(20_000_000));
        let spent = thread_cpu().unwrap() - t0;
        std::hint::black_box(x);
        let d = Workload::now().since(&before);
        let (calls, cpu) = d.of(Kernel::HeavyNeutrinos);
        // other tests of this binary run one at a time (RUST_TEST_THREADS = 1), so only this call
        assert_eq!(calls, 1);
        assert!(cpu > Duration::ZERO && cpu <= spent, "{cpu:?} of {spent:?}");
        // the loop is most of what the thread did between the two readings
        assert!(cpu.as_secs_f64() > 0.5 * spent.as_secs_f64(), "{cpu:?} of {spent:?}");
        assert_eq!(d.total(), cpu);
        assert_eq!(d.of(Kernel::QuantumTable).0, 0);
    }

    #[test]
    fn a_thread_sees_its_own_calls_only() {
        let (all, mine) = (Workload::now(), Workload::now_this_thread());
        let other = std::thread::spawn(|| {
            time(Kernel::QuantumTable, || spin(1_000));
            Workload::now_this_thread()
        })
        .join()
        .unwrap();
        time(Kernel::QuantumTable, || spin(1_000));
        time(Kernel::QuantumTable, || spin(1_000));
        assert_eq!(other.of(Kernel::QuantumTable).0, 1);
        assert_eq!(Workload::now_this_thread().since(&mine).of(Kernel::QuantumTable).0, 2);
        assert_eq!(Workload::now().since(&all).of(Kernel::QuantumTable).0, 3);
    }

    #[test]
    fn the_process_clock_counts_other_threads() {
        let p0 = process_cpu().expect("a process CPU clock");
        let t0 = thread_cpu().unwrap();
        let worker = std::thread::spawn(|| {
            let t = thread_cpu().unwrap();
            std::hint::black_box(spin(20_000_000));
            thread_cpu().unwrap() - t
        });
        let theirs = worker.join().unwrap();
        let (p, mine) = (process_cpu().unwrap() - p0, thread_cpu().unwrap() - t0);
        assert!(theirs > Duration::ZERO);
        assert!(p >= theirs + mine - Duration::from_millis(1), "process {p:?}, worker {theirs:?}, this thread {mine:?}");
    }
}
