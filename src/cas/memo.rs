//! Per-thread memo tables for pure derivations that recur within a process
//! (a cut construction per reaction, a letter's definition, an Im[...] of the
//! lowering): each call site declares its table with `thread_local!` and asks
//! [`get_or_insert`](crate::cas::memo::get_or_insert) (or [`try_get_or_insert`](crate::cas::memo::try_get_or_insert) for a derivation that can fail).
//! A value is computed at most once per key and thread, and is the value the
//! derivation gives: the key must hold everything the derivation reads.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::thread::LocalKey;

/// One memo table (declare it with `thread_local!`).
pub type Table<K, V> = RefCell<HashMap<K, V>>;

/// The value for `key`, computed by `compute` the first time on this thread.
/// With `bound`, the table starts afresh once it holds that many entries (for
/// keys that are not a small fixed set).
///
/// ```
/// use cogenesis::cas::memo::{Table, get_or_insert};
/// thread_local! { static SQUARES: Table<u64, u64> = Default::default(); }
/// let mut calls = 0;
/// for _ in 0..3 {
///     assert_eq!(get_or_insert(&SQUARES, 7, None, || { calls += 1; 49 }), 49);
/// }
/// assert_eq!(calls, 1);
/// ```
pub fn get_or_insert<K: Hash + Eq, V: Clone>(
    table: &'static LocalKey<Table<K, V>>,
    key: K,
    bound: Option<usize>,
    compute: impl FnOnce() -> V,
) -> V {
    match try_get_or_insert(table, key, bound, || Ok::<V, std::convert::Infallible>(compute())) {
        Ok(v) => v,
        Err(e) => match e {},
    }
}

/// [`get_or_insert`] for a derivation that can fail: an error is returned and
/// not kept (the next call derives again).
pub fn try_get_or_insert<K: Hash + Eq, V: Clone, E>(
    table: &'static LocalKey<Table<K, V>>,
    key: K,
    bound: Option<usize>,
    compute: impl FnOnce() -> Result<V, E>,
) -> Result<V, E> {
    if let Some(v) = table.with(|t| t.borrow().get(&key).cloned()) {
        return Ok(v);
    }
    // computed outside the borrow: the derivation may use other tables, or this one
    let v = compute()?;
    table.with(|t| {
        let mut t = t.borrow_mut();
        if bound.is_some_and(|b| t.len() >= b) {
            t.clear();
        }
        t.insert(key, v.clone());
    });
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static BOUNDED: Table<u32, u32> = Default::default();
        static FALLIBLE: Table<u32, u32> = Default::default();
    }

    /// A bounded table starts afresh when full; an error is not kept.
    #[test]
    fn bounded_tables_and_errors() {
        for k in 0..5 {
            assert_eq!(get_or_insert(&BOUNDED, k, Some(3), || k + 10), k + 10);
        }
        assert!(BOUNDED.with(|t| t.borrow().len()) <= 3);
        assert_eq!(try_get_or_insert(&FALLIBLE, 1, None, || Err::<u32, &str>("no")), Err("no"));
        assert_eq!(try_get_or_insert(&FALLIBLE, 1, None, || Ok::<u32, &str>(5)), Ok(5));
        assert_eq!(try_get_or_insert(&FALLIBLE, 1, None, || Err::<u32, &str>("not asked")), Ok(5));
    }
}
