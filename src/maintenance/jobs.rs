//! The admin screen's slow work off the UI thread: looking for content folders on sticks,
//! checking one (every image decoded), installing it (copied and flushed to disk), writing
//! the usage figures to a stick. A [`Job`] runs on a thread of its own, reports how far it
//! got, can be cancelled, and wakes the screen when it moves on; the screen keeps drawing
//! (and the watchdog stays fed) whatever a slow stick does.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// What a running job shares with the screen.
#[derive(Debug, Default)]
struct Progress {
    /// Steps done so far (files copied, say).
    done: AtomicU64,
    /// Set when staff cancelled.
    cancelled: AtomicBool,
}

/// The work's side of a job: it counts its steps and looks whether it was cancelled.
pub struct Worker<'a> {
    progress: &'a Progress,
    wake: &'a (dyn Fn() + Send + Sync),
}

impl Worker<'_> {
    /// One more step done; the screen is woken to show it.
    pub fn step(&self) {
        self.progress.done.fetch_add(1, Ordering::Relaxed);
        (self.wake)();
    }

    /// Whether staff cancelled: the work stops at its next step.
    pub fn is_cancelled(&self) -> bool {
        self.progress.cancelled.load(Ordering::Relaxed)
    }
}

/// A piece of work on a thread of its own, with its result once it is done.
pub struct Job<T> {
    progress: Arc<Progress>,
    result: Arc<Mutex<Option<T>>>,
    started: Instant,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("done", &self.done())
            .field("cancelled", &self.is_cancelled())
            .field("finished", &self.is_finished())
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`; `wake` is called (from that thread) whenever
    /// the screen should look again: at each step and when the work is done.
    ///
    /// # Errors
    /// When no thread can be started; nothing ran.
    pub fn start(
        name: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Worker<'_>) -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let result = Arc::new(Mutex::new(None));
        let (thread_progress, thread_result) = (Arc::clone(&progress), Arc::clone(&result));
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let worker = Worker {
                    progress: &thread_progress,
                    wake: &wake,
                };
                let value = work(&worker);
                *thread_result.lock().unwrap_or_else(PoisonError::into_inner) = Some(value);
                wake();
            })?;
        Ok(Self {
            progress,
            result,
            started: Instant::now(),
        })
    }
}

impl<T> Job<T> {
    /// Steps done so far.
    pub fn done(&self) -> u64 {
        self.progress.done.load(Ordering::Relaxed)
    }

    /// Seconds since the work started.
    pub fn secs(&self) -> u64 {
        self.started.elapsed().as_secs()
    }

    /// Asks the work to stop at its next step; its result, when it comes, says how far it got.
    pub fn cancel(&self) {
        self.progress.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether staff cancelled it.
    pub fn is_cancelled(&self) -> bool {
        self.progress.cancelled.load(Ordering::Relaxed)
    }

    /// Whether the result is in.
    pub fn is_finished(&self) -> bool {
        self.result
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// The result, once the work is done (taken: a second call returns `None`).
    pub fn take(&self) -> Option<T> {
        self.result
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    /// Waits (at most ten seconds) until `job` is done.
    fn finished<T>(job: &Job<T>) {
        let until = Instant::now() + Duration::from_secs(10);
        while !job.is_finished() {
            assert!(Instant::now() < until, "the job never finished");
            std::thread::yield_now();
        }
    }

    #[test]
    fn the_result_comes_back_once_with_the_steps_counted() {
        let (woken, wakes) = mpsc::channel();
        let job = Job::start(
            "test-job",
            move || {
                let _ = woken.send(());
            },
            |worker| {
                for _ in 0..3 {
                    worker.step();
                }
                42
            },
        )
        .expect("a thread");
        finished(&job);
        assert_eq!(job.done(), 3);
        assert_eq!(job.take(), Some(42));
        assert_eq!(job.take(), None, "taken once");
        assert!(
            wakes.try_iter().count() >= 4,
            "woken at each step and at the end"
        );
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_step() {
        let (started, wait_started) = mpsc::channel::<()>();
        let (go, wait_go) = mpsc::channel::<()>();
        let job = Job::start(
            "test-job",
            || {},
            move |worker| {
                let mut steps = 0_u64;
                // Stands for a copy that looks at its cancel before each file.
                while !worker.is_cancelled() {
                    worker.step();
                    steps += 1;
                    if steps == 1 {
                        let _ = started.send(());
                        let _ = wait_go.recv_timeout(Duration::from_secs(10));
                    }
                }
                steps
            },
        )
        .expect("a thread");
        wait_started
            .recv_timeout(Duration::from_secs(10))
            .expect("the job runs");
        job.cancel();
        go.send(()).expect("the job waits");
        finished(&job);
        assert_eq!(
            job.take(),
            Some(1),
            "it stopped at the step after the cancel"
        );
        assert!(job.is_cancelled());
    }
}
