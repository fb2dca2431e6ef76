//! The physical reference of `bench/cli.py`: what reading a tree of manifests costs, and reading plus
//! yaml-rust2's raw event parse (no tree, no analysis), on as many threads as `podls check` uses. Not part
//! of podls: an example, built only by the benchmark (`cargo build --release --example yaml_events`).
//!
//! Usage: `yaml_events read|parse PATH...`; prints `files bytes events` on stdout.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use yaml_rust2::parser::{Event, Parser};

fn main() {
    let mut args = std::env::args().skip(1);
    let parse = match args.next().as_deref() {
        Some("read") => false,
        Some("parse") => true,
        _ => {
            eprintln!("usage: yaml_events read|parse PATH...");
            std::process::exit(2);
        }
    };
    let mut files = Vec::new();
    for root in args {
        walk(Path::new(&root), &mut files);
    }
    // The same pool as `podls check`: each thread takes the next file as it finishes one.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let (bytes, events) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let (mut bytes, mut events) = (0, 0);
                    while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let Ok(text) = std::fs::read_to_string(path) else {
                            continue;
                        };
                        bytes += text.len();
                        if parse {
                            events += count_events(&text);
                        }
                    }
                    (bytes, events)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a reference thread panicked"))
            .fold((0, 0), |(b, e), (b2, e2)| (b + b2, e + e2))
    });
    // The benchmark reads the counts on stdout; a report, not a log line.
    #[allow(clippy::print_stdout)]
    {
        println!("{} {bytes} {events}", files.len());
    }
}

/// Every event of every document, until the stream ends or the first syntax error (where a raw parser stops).
fn count_events(text: &str) -> usize {
    let mut parser = Parser::new_from_str(text);
    let mut events = 0;
    while let Ok((event, _)) = parser.next_token() {
        events += 1;
        if event == Event::StreamEnd {
            break;
        }
    }
    events
}

/// The manifests below `path`, as `podls check` finds them (`*.yaml`, `*.yml`, `*.json`).
fn walk(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            walk(&entry.path(), files);
        }
    } else if path
        .extension()
        .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
    {
        files.push(path.to_path_buf());
    }
}
