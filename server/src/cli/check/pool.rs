//! The threads `podls check` works on: `available_parallelism` threads, the calling one among them, take
//! the next file as they finish one (files differ a lot in size), and what they make comes back in the order
//! of the files, printed by the calling thread between two files of its own. A thread never runs more than
//! [`WINDOW_PER_THREAD`] files per thread ahead of the next one to print, so a slow file holds back a bounded
//! number of finished ones and memory follows the window, not the tree.
//!
//! The calling thread works rather than waits: with a thread that only prints, every result sent to it was a
//! wake-up (a futex call, and on a machine with as many cores as workers a worker preempted): 4,400
//! voluntary context switches on 10,000 files, now under 100. A send finds the receiver busy and wakes nobody.

use std::collections::BTreeMap;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Files finished beyond the next one to deliver, at most (per thread).
const WINDOW_PER_THREAD: usize = 8;

/// Runs `work(0..count)` on the pool and calls `deliver` with each result in index order, on the calling
/// thread, as soon as every result before it has been delivered and the calling thread is between two files.
pub fn in_order<T: Send>(
    count: usize,
    work: impl Fn(usize) -> T + Sync,
    mut deliver: impl FnMut(T),
) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count);
    if threads <= 1 {
        (0..count).for_each(|i| deliver(work(i)));
        return;
    }
    let window = WINDOW_PER_THREAD * threads;
    let next = AtomicUsize::new(0);
    // How many results have been delivered; workers wait on it when they are a window ahead.
    let delivered = Mutex::new(0usize);
    let moved = Condvar::new();
    let (done, results) = mpsc::channel();
    std::thread::scope(|scope| {
        // Whatever way the calling thread leaves (a panic in `deliver` included), no worker waits for it.
        let _release = Release {
            next: &next,
            delivered: &delivered,
            moved: &moved,
            count,
        };
        let handles: Vec<_> = (1..threads)
            .map(|_| {
                let done = done.clone();
                let (work, next, delivered, moved) = (&work, &next, &delivered, &moved);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count {
                            break;
                        }
                        let mut at = delivered.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *at + window {
                            at = moved.wait(at).unwrap_or_else(|e| e.into_inner());
                        }
                        drop(at);
                        if done.send((i, work(i))).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        drop(done);
        let mut ready = Ready {
            waiting: BTreeMap::new(),
            wanted: 0,
        };
        let mut deliver_ready = |ready: &mut Ready<T>| {
            if ready.deliver(&mut deliver) {
                *delivered.lock().unwrap_or_else(|e| e.into_inner()) = ready.wanted;
                moved.notify_all();
            }
        };
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                break;
            }
            // The calling thread keeps to the window too: it takes what the workers send until its file's
            // turn is near (the next file to deliver is always in a worker's hands, so one comes).
            while i >= ready.wanted + window {
                let Ok((j, result)) = results.recv() else {
                    break;
                };
                ready.waiting.insert(j, result);
                deliver_ready(&mut ready);
            }
            let result = work(i);
            ready.waiting.insert(i, result);
            ready.waiting.extend(results.try_iter());
            deliver_ready(&mut ready);
        }
        for (i, result) in results {
            ready.waiting.insert(i, result);
            deliver_ready(&mut ready);
        }
        for handle in handles {
            if let Err(panic) = handle.join() {
                panic::resume_unwind(panic);
            }
        }
    });
}

/// The finished results not yet delivered, by index, and the index delivered next.
struct Ready<T> {
    waiting: BTreeMap<usize, T>,
    wanted: usize,
}

impl<T> Ready<T> {
    /// Delivers every result whose turn has come; whether there was one.
    fn deliver(&mut self, deliver: &mut impl FnMut(T)) -> bool {
        let before = self.wanted;
        while let Some(result) = self.waiting.remove(&self.wanted) {
            deliver(result);
            self.wanted += 1;
        }
        self.wanted != before
    }
}

/// Lets every worker finish when the calling thread leaves the pool: no new file is taken, and none waits.
struct Release<'a> {
    next: &'a AtomicUsize,
    delivered: &'a Mutex<usize>,
    moved: &'a Condvar,
    count: usize,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        self.next.store(self.count, Ordering::Relaxed);
        *self.delivered.lock().unwrap_or_else(|e| e.into_inner()) = self.count;
        self.moved.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_order_they_finish_in() {
        let mut seen = Vec::new();
        // Early files are the slow ones: later ones finish first and must wait for them.
        in_order(
            500,
            |i| {
                if i % 97 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                i * 2
            },
            |doubled| seen.push(doubled),
        );
        assert_eq!(seen, (0..500).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_worker_runs_more_than_a_window_ahead() {
        let delivered = AtomicUsize::new(0);
        let furthest_ahead = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        in_order(
            2000,
            |i| {
                let ahead = i.saturating_sub(delivered.load(Ordering::SeqCst));
                furthest_ahead.fetch_max(ahead, Ordering::SeqCst);
            },
            |()| {
                // A slow first delivery (a terminal that scrolls): the workers must stop and wait.
                if delivered.load(Ordering::SeqCst) == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                delivered.fetch_add(1, Ordering::SeqCst);
            },
        );
        let bound = if workers > 1 {
            WINDOW_PER_THREAD * workers
        } else {
            0
        };
        assert!(furthest_ahead.load(Ordering::SeqCst) <= bound);
    }

    #[test]
    fn a_panic_in_delivery_leaves_no_worker_waiting() {
        // Without the release, the workers would wait for the window forever and the scope never end.
        let outcome = panic::catch_unwind(|| {
            in_order(
                10_000,
                |i| i,
                |i| {
                    if i == 3 {
                        panic!("the printer failed");
                    }
                },
            );
        });
        assert!(outcome.is_err());
    }
}
