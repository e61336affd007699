//! Per-thread memo tables for pure derivations that recur within a process
//! (a cut construction per reaction, a letter's definition, an Im[...] of the
//! lowering): each call site declares its table with `thread_local!` and asks
//! [`get_or_insert`](crate::cas::memo::get_or_insert) (or [`try_get_or_insert`](crate::cas::memo::try_get_or_insert) for a derivation that can fail).
//! A value is computed at most once per key and thread, and is the value the
//! derivation gives: the key must hold everything the derivation reads.
//! [`forget`](crate::cas::memo::forget) empties every table of the thread (a cold run in a process that
//! already derived: `cogenesis bench symbolic`'s cold audit).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::thread::LocalKey;

/// One memo table (declare it with `thread_local!`).
pub type Table<K, V> = RefCell<HashMap<K, V>>;

thread_local! {
    /// How to empty each table of this thread that holds values ([`forget`]).
    static FILLED: RefCell<Vec<Box<dyn Fn()>>> = RefCell::new(vec![]);
}

/// Empty every memo table of this thread: what a later call asks for is derived
/// again, as in a fresh process. Returns how many tables held values.
///
/// ```
/// use cogenesis::cas::memo::{Table, forget, get_or_insert};
/// thread_local! { static CUBES: Table<u64, u64> = Default::default(); }
/// let mut calls = 0;
/// get_or_insert(&CUBES, 2, None, || { calls += 1; 8 });
/// assert!(forget() >= 1);
/// get_or_insert(&CUBES, 2, None, || { calls += 1; 8 });
/// assert_eq!(calls, 2);
/// ```
pub fn forget() -> usize {
    let clear: Vec<Box<dyn Fn()>> = FILLED.with(|f| std::mem::take(&mut *f.borrow_mut()));
    for c in &clear {
        c();
    }
    clear.len()
}

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
pub fn get_or_insert<K: Hash + Eq + 'static, V: Clone + 'static>(
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
pub fn try_get_or_insert<K: Hash + Eq + 'static, V: Clone + 'static, E>(
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
    let first = table.with(|t| {
        let mut t = t.borrow_mut();
        let first = t.is_empty();
        if bound.is_some_and(|b| t.len() >= b) {
            t.clear();
        }
        t.insert(key, v.clone());
        first
    });
    if first {
        // the table starts holding values: [`forget`] empties it
        FILLED.with(|f| f.borrow_mut().push(Box::new(move || table.with(|t| t.borrow_mut().clear()))));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static BOUNDED: Table<u32, u32> = Default::default();
        static FALLIBLE: Table<u32, u32> = Default::default();
    }

    /// [`forget`] empties every table that holds values, once each, and a
    /// table filled again after it is emptied by the next [`forget`].
    #[test]
    fn forget_empties_every_filled_table() {
        thread_local! {
            static ONE: Table<u32, u32> = Default::default();
            static TWO: Table<u32, u32> = Default::default();
        }
        forget();
        let len = |t: &'static LocalKey<Table<u32, u32>>| t.with(|t| t.borrow().len());
        for k in 0..3 {
            get_or_insert(&ONE, k, None, || k);
        }
        get_or_insert(&TWO, 1, Some(1), || 1);
        get_or_insert(&TWO, 2, Some(1), || 2); // the bound empties it first
        assert_eq!((len(&ONE), len(&TWO)), (3, 1));
        assert_eq!(forget(), 2);
        assert_eq!((len(&ONE), len(&TWO)), (0, 0));
        assert_eq!(forget(), 0);
        let mut calls = 0;
        get_or_insert(&ONE, 1, None, || {
            calls += 1;
            5
        });
        assert_eq!((calls, forget(), len(&ONE)), (1, 1, 0));
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
