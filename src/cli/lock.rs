//! The per-user Symbolica lock. Symbolica without a licence key allows one
//! thread per user at a time, across processes, and aborts a second one with a
//! message on stdout. Every command that uses Symbolica first takes an
//! exclusive lock on `<temp dir>/cogenesis-<user>.lock` (the standard
//! library's advisory file lock); a second process waits, saying so on stderr,
//! or with `--no-wait` exits 2 with a clear error.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// The held lock; released when dropped (at exit).
pub struct SymbolicaLock {
    _file: File,
}

/// The lock file of this user.
pub fn path() -> PathBuf {
    std::env::temp_dir().join(format!("cogenesis-{}.lock", user()))
}

/// The user's name, reduced to ASCII letters, digits and `_` (for file names).
pub fn user() -> String {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "user".into());
    user.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

/// Take the lock, waiting for the process that holds it unless `no_wait`.
///
/// # Errors
/// The lock file cannot be opened, or (with `no_wait`) another process holds it.
pub fn acquire(no_wait: bool) -> Result<SymbolicaLock, String> {
    let p = path();
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&p)
        .map_err(|e| format!("cannot open the lock file {}: {e}", p.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            let who = if holder.is_empty() { "another cogenesis".to_string() } else { format!("cogenesis pid {holder}") };
            if no_wait {
                return Err(format!(
                    "{who} is using Symbolica (one process per user without a licence; lock {}); run again without --no-wait to wait",
                    p.display()
                ));
            }
            eprintln!("cogenesis: waiting for {who} to finish (Symbolica allows one process per user; lock {})", p.display());
            file.lock().map_err(|e| format!("cannot lock {}: {e}", p.display()))?;
        }
        Err(TryLockError::Error(e)) => return Err(format!("cannot lock {}: {e}", p.display())),
    }
    let _ = file.set_len(0);
    let _ = file.seek(SeekFrom::Start(0));
    let _ = write!(file, "{}", std::process::id());
    let _ = file.flush();
    Ok(SymbolicaLock { _file: file })
}
