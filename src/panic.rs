//! A panic is a bug, but it must not cost the user the other files: work on one file runs
//! under [`catch`], and a panic there becomes an [`Internal`] error naming that file.
//!
//! The hook [`install_hook`] sets keeps the standard panic message off the terminal (the
//! error is reported once, on one line, by whoever catches it) and remembers where the panic
//! happened. With `RUST_BACKTRACE` set, the standard hook runs as well, for bug reports.

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    /// Where the last panic on this thread happened, as `file:line:column`.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic caught while working on one file.
pub struct Internal {
    pub message: String,
    pub location: Option<String>,
    payload: Box<dyn Any + Send>,
}

impl Internal {
    /// Raises the panic again, for callers that have no file to blame it on; whoever
    /// catches it next still learns where it happened.
    pub fn resume(self) -> ! {
        LOCATION.with(|slot| *slot.borrow_mut() = self.location);
        panic::resume_unwind(self.payload)
    }
}

impl fmt::Display for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "internal error: {}", self.message)?;
        if let Some(at) = &self.location {
            write!(f, " at {at}")?;
        }
        write!(f, " (a bug in tracker; please report it)")
    }
}

impl fmt::Debug for Internal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Replaces the standard panic hook; see the module documentation.
pub fn install_hook() {
    let standard = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        LOCATION.with(|slot| *slot.borrow_mut() = at);
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            standard(info);
        }
    }));
}

/// Runs `f`, turning a panic into an [`Internal`] error.
///
/// The work given here only reads shared data or owns what it changes, and what it leaves
/// half done is dropped with the error, so unwinding out of it is safe.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Internal> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let location = LOCATION.with(|slot| slot.borrow_mut().take());
        Internal {
            message,
            location,
            payload,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let caught = catch(|| -> u8 { panic!("boom {}", 7) }).unwrap_err();
        assert_eq!(caught.message, "boom 7");
        assert!(caught.to_string().starts_with("internal error: boom 7"));
        assert_eq!(catch(|| 3).unwrap(), 3);
    }
}
