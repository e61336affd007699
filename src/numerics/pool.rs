//! One rayon pool per thread count, shared by every parallel computation of
//! the process (the scans of `cosmo`, the quantum/MB table of
//! [`crate::numerics::quantum`]).
//!
//! An audit asks for them from two threads at once (its checks and its
//! numerics thread). With a pool built per call, each call brought its own
//! workers and the two sets competed for the same cores (idle rayon workers
//! spin before they sleep); with one pool per thread count, the calls queue
//! their work on the same workers. Rayon's global pool is no substitute:
//! Symbolica sets it to one thread when it runs without a licence.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = LazyLock::new(Default::default);

/// Every core the process may use (at least one): the default thread count.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map(|x| x.get()).unwrap_or(1)
}

/// The process's pool of `threads` workers (at least one).
///
/// # Errors
/// The operating system refused the threads (the message of rayon's error).
pub fn get(threads: usize) -> Result<Arc<rayon::ThreadPool>, String> {
    let threads = threads.max(1);
    let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(p) = pools.get(&threads) {
        return Ok(p.clone());
    }
    let pool = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?);
    pools.insert(threads, pool.clone());
    Ok(pool)
}

/// Run `f` on the pool of `threads` workers, or on the calling thread when
/// that pool cannot be built (the parallel iterators inside then run on
/// rayon's global pool).
pub fn install<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    match get(threads) {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}
