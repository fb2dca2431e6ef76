//! The threads `podls check` works on: `available_parallelism` workers take the next file as they finish
//! one (files differ a lot in size), and what they make comes back in the order of the files, to be printed
//! at once. A worker never runs more than [`WINDOW`] files ahead of the next one to print, so a slow file
//! holds back a bounded number of finished ones and memory follows the window, not the tree.

use std::collections::BTreeMap;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Files finished beyond the next one to deliver, at most (per worker).
const WINDOW_PER_WORKER: usize = 8;

/// Light results a worker sends together: each send to the waiting thread is a wake-up (a futex call and
/// a context switch), which per file was about 4% of `podls check` on a tree of mostly clean files.
const BATCH: usize = 4;

/// Runs `work(0..count)` on the pool and calls `deliver` with each result in index order, on the calling
/// thread, as soon as every result before it has been delivered. Results that are not `light` (a file with
/// findings to print) are sent at once, so that holding them back does not raise the peak memory; light
/// ones (a clean file) go [`BATCH`] at a time.
pub fn in_order<T: Send>(
    count: usize,
    work: impl Fn(usize) -> T + Sync,
    light: impl Fn(&T) -> bool + Sync,
    mut deliver: impl FnMut(T),
) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(count);
    if workers <= 1 {
        (0..count).for_each(|i| deliver(work(i)));
        return;
    }
    let window = WINDOW_PER_WORKER * workers;
    let next = AtomicUsize::new(0);
    // How many results have been delivered; workers wait on it when they are a window ahead.
    let delivered = Mutex::new(0usize);
    let moved = Condvar::new();
    let (done, results) = mpsc::channel();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let done = done.clone();
                let (work, light, next) = (&work, &light, &next);
                let (delivered, moved) = (&delivered, &moved);
                scope.spawn(move || {
                    let mut batch = Vec::with_capacity(BATCH);
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count {
                            break;
                        }
                        let mut at = delivered.lock().unwrap_or_else(|e| e.into_inner());
                        if i >= *at + window && !batch.is_empty() {
                            // What it holds may be what the deliverer waits for: send it before waiting.
                            drop(at);
                            if done.send(std::mem::take(&mut batch)).is_err() {
                                return;
                            }
                            at = delivered.lock().unwrap_or_else(|e| e.into_inner());
                        }
                        while i >= *at + window {
                            at = moved.wait(at).unwrap_or_else(|e| e.into_inner());
                        }
                        drop(at);
                        let result = work(i);
                        let heavy = !light(&result);
                        batch.push((i, result));
                        if (heavy || batch.len() == BATCH)
                            && done.send(std::mem::take(&mut batch)).is_err()
                        {
                            return;
                        }
                    }
                    if !batch.is_empty() {
                        let _ = done.send(batch);
                    }
                })
            })
            .collect();
        drop(done);
        let mut waiting = BTreeMap::new();
        let mut wanted = 0;
        for batch in results {
            waiting.extend(batch);
            while let Some(result) = waiting.remove(&wanted) {
                deliver(result);
                wanted += 1;
                *delivered.lock().unwrap_or_else(|e| e.into_inner()) = wanted;
                moved.notify_all();
            }
        }
        for handle in handles {
            if let Err(panic) = handle.join() {
                panic::resume_unwind(panic);
            }
        }
    });
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
            |doubled| doubled % 3 == 0,
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
            |()| true,
            |()| {
                // A slow first delivery (a terminal that scrolls): the workers must stop and wait.
                if delivered.load(Ordering::SeqCst) == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                delivered.fetch_add(1, Ordering::SeqCst);
            },
        );
        let bound = if workers > 1 {
            WINDOW_PER_WORKER * workers
        } else {
            0
        };
        assert!(furthest_ahead.load(Ordering::SeqCst) <= bound);
    }
}
