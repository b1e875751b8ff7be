//! A helper thread whose result is awaited awake.
//!
//! An export lasts a few milliseconds and hands work to a helper thread or
//! two. On a virtual machine whose idle processors halt at once (no guest
//! halt-polling, as on Firecracker and many cloud instances), a thread that
//! sleeps until a helper wakes it loses half a millisecond or more to the
//! wake: the host has to start its processor again. Measured on such a
//! machine, a short manual's main thread woke from its one wait for the
//! page streams' helper 0.5 ms after the helper had finished.
//!
//! So the thread that waits does not sleep: it yields its processor (so a
//! helper queued behind it on that processor runs) until the helper has
//! finished, then takes the result from where the helper left it, without
//! joining the operating system's thread, which would wait for the thread's
//! exit and sleep again. A helper still running after [`PATIENCE`] is
//! joined as usual, so a long one does not keep a processor spinning.

use std::num::NonZero;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::{Scope, ScopedJoinHandle};
use std::time::{Duration, Instant};

/// How long a waiting thread stays awake for a helper before it sleeps.
const PATIENCE: Duration = Duration::from_millis(5);

/// How many threads can run at once, asked of the system once: each
/// [`std::thread::available_parallelism`] reads the control group's files
/// again (five system calls on Linux), and an export asks at every step.
pub fn available() -> usize {
    static AVAILABLE: OnceLock<usize> = OnceLock::new();
    *AVAILABLE.get_or_init(|| std::thread::available_parallelism().map_or(1, NonZero::get))
}

/// A scoped helper thread's work, awaited with [`Task::wait`].
pub struct Task<'scope, T> {
    handle: ScopedJoinHandle<'scope, ()>,
    result: Arc<Mutex<Option<T>>>,
}

/// Starts `work` on a new thread of `scope`.
pub fn spawn<'scope, T, F>(scope: &'scope Scope<'scope, '_>, work: F) -> Task<'scope, T>
where
    T: Send + 'scope,
    F: FnOnce() -> T + Send + 'scope,
{
    let result = Arc::new(Mutex::new(None));
    let theirs = Arc::clone(&result);
    let handle = scope.spawn(move || {
        let done = work();
        *theirs.lock().unwrap_or_else(PoisonError::into_inner) = Some(done);
    });
    Task { handle, result }
}

impl<T> Task<'_, T> {
    /// The helper's result, once it has finished; a helper's panic goes on
    /// in the thread that waits.
    pub fn wait(self) -> T {
        let start = Instant::now();
        while !self.handle.is_finished() && start.elapsed() < PATIENCE {
            std::thread::yield_now();
        }
        if self.handle.is_finished()
            && let Some(done) = self
                .result
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
        {
            // Finished: its thread is let go to exit on its own; the
            // scope's end does not wait for that exit either.
            drop(self.handle);
            return done;
        }
        if let Err(panic) = self.handle.join() {
            std::panic::resume_unwind(panic);
        }
        self.result
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .expect("a helper that returned left its result")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_comes_back_whether_the_helper_is_quick_or_slow() {
        let borrowed = [3, 4];
        std::thread::scope(|scope| {
            let quick = spawn(scope, || 1);
            let slow = spawn(scope, || {
                std::thread::sleep(PATIENCE * 2);
                2
            });
            let borrowing = spawn(scope, || borrowed.iter().sum::<i32>());
            assert_eq!(quick.wait() + slow.wait() + borrowing.wait(), 10);
        });
    }

    #[test]
    fn a_helper_that_panics_panics_in_the_waiting_thread() {
        let caught = std::panic::catch_unwind(|| {
            std::thread::scope(|scope| {
                spawn(scope, || -> u8 { panic!("helper failed") }).wait();
            });
        });
        let payload = caught.expect_err("the panic goes on");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"helper failed"));
    }
}
