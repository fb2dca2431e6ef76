//! No import circle inside `analysis`: reading the `use` lines and inline paths of `server/src/analysis`
//! (test modules left out), no module imports one that imports it back, directly or around a longer loop.
//! A parent's `pub use` of a child counts as an import, so a module reaching for `analysis`' re-exports
//! closes a loop: modules name the module that defines what they use. A child may use its own parent's
//! items (a `mod.rs` holds what its children share).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `analysis/diagnostics/rules/volume.rs` → `analysis::diagnostics::rules::volume`; a `mod.rs` is its folder.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The paths of every `use` before the file's test module, groups flattened: `super::{a, b::c}` gives
/// `super::a` and `super::b::c`; and the paths written inline in code (`crate::analysis::closest(…)`).
fn use_paths(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]\nmod ").next().unwrap_or("");
    let mut paths = inline_paths(code);
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(at) = statement.find("use ") else {
            continue;
        };
        let before = &statement[..at];
        if !before
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .trim_start_matches("pub(crate)")
            .trim()
            .trim_start_matches("pub(super)")
            .trim()
            .trim_start_matches("pub")
            .trim()
            .is_empty()
        {
            continue;
        }
        flatten("", statement[at + 4..].trim(), &mut paths);
    }
    paths
}

/// `crate::…` and `super::…` paths outside `use` lines.
fn inline_paths(code: &str) -> Vec<String> {
    // `mod walk;` declares a child that code names as `walk::check(…)`.
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l
                .strip_prefix("pub(crate) ")
                .or(l.strip_prefix("pub "))
                .unwrap_or(l);
            Some(format!("{}::", l.strip_prefix("mod ")?.strip_suffix(';')?))
        })
        .collect();
    let mut starts = vec!["crate::".to_string(), "super::".to_string()];
    starts.extend(children);
    let mut paths = Vec::new();
    for line in code.lines().filter(|l| {
        let l = l.trim_start();
        !(l.starts_with("use ")
            || l.starts_with("pub ") && l.contains(" use ")
            || l.starts_with("//"))
    }) {
        for start in &starts {
            for (at, _) in line.match_indices(start.as_str()) {
                let preceded = line[..at].chars().next_back();
                if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String = line[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                paths.push(path.trim_end_matches(':').to_string());
            }
        }
    }
    paths
}

fn flatten(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        Some(open) if tree.ends_with('}') => {
            let head = format!("{prefix}{}", &tree[..open]);
            let inner = &tree[open + 1..tree.len() - 1];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        flatten(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            flatten(&head, &inner[start..], out);
        }
        _ if !tree.is_empty() => out.push(format!("{prefix}{tree}")),
        _ => {}
    }
}

/// The module a use path names, resolved from `module` (`is_dir`: the file is a `mod.rs`, whose `super` is
/// its folder's parent), as the longest prefix that is a module of the crate.
fn target(module: &[String], path: &str, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").map(str::trim).collect();
    let mut at: Vec<String> = module.to_vec();
    let mut rest = &segments[..];
    match rest.first() {
        Some(&"crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some(&"super") | Some(&"self") => {
            while let Some(&first) = rest.first() {
                match first {
                    "super" => {
                        at.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        // A child module declared in this file (`use walk::X` after `mod walk;`), or an external crate.
        _ => {}
    }
    let mut best = None;
    let mut candidate = at.clone();
    if modules.contains(&candidate) && !candidate.is_empty() {
        best = Some(candidate.clone());
    }
    for segment in rest {
        candidate.push(segment.to_string());
        if modules.contains(&candidate) {
            best = Some(candidate.clone());
        }
    }
    best
}

#[test]
fn no_module_of_analysis_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src");
    let mut files = Vec::new();
    sources(&src.join("analysis"), &mut files);
    // Test modules (`tests.rs`, `tests/`) are compiled only for tests and may import from anywhere.
    files.retain(|f| {
        let inside = f.strip_prefix(&src).unwrap();
        !inside
            .components()
            .any(|c| c.as_os_str() == "tests" || c.as_os_str() == "tests.rs")
    });
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let source = std::fs::read_to_string(file).unwrap();
        for path in use_paths(&source) {
            if let Some(to) = target(&module, &path, &modules) {
                // A child using its parent's own items is how Rust shares them (a `mod.rs` holds what its
                // children have in common): not a loop. Every other edge counts.
                let parent = to.len() + 1 == module.len() && module.starts_with(&to);
                if to != module && !parent {
                    edges.entry(module.clone()).or_default().insert(to);
                }
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle: Vec<String> = stack[at..].iter().map(|m| m.join("::")).collect();
            cycle.push(node.join("::"));
            cycles.push(cycle.join(" -> "));
            return;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, cycles);
        }
        stack.pop();
        done.insert(node.clone());
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for module in &modules {
        visit(module, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(
        edges.len() > 10,
        "the reader found too few imports: {edges:?}"
    );
    assert!(cycles.is_empty(), "import circles:\n{}", cycles.join("\n"));
}

#[test]
fn the_reader_resolves_relative_and_grouped_paths() {
    let paths = use_paths(
        "use super::super::{code::Code, context::{Context, Rule}};\npub use walk::X;\nmod walk;\nfn f() { crate::analysis::closest(a); walk::check(x) }\n#[cfg(test)]\nmod tests { use super::hidden; }",
    );
    assert_eq!(
        paths,
        [
            "crate::analysis::closest",
            "walk::check",
            "super::super::code::Code",
            "super::super::context::Context",
            "super::super::context::Rule",
            "walk::X"
        ]
    );
    let modules: BTreeSet<Vec<String>> = [
        vec!["analysis".to_string()],
        vec!["analysis".to_string(), "diagnostics".to_string()],
        vec![
            "analysis".to_string(),
            "diagnostics".to_string(),
            "code".to_string(),
        ],
    ]
    .into_iter()
    .collect();
    let rule = ["analysis", "diagnostics", "rules", "volume"].map(String::from);
    assert_eq!(
        target(&rule, "super::super::code::Code", &modules),
        Some(
            ["analysis", "diagnostics", "code"]
                .map(String::from)
                .to_vec()
        )
    );
    assert_eq!(
        target(&rule, "crate::analysis::Inputs", &modules),
        Some(vec!["analysis".to_string()])
    );
    assert_eq!(target(&rule, "std::fmt", &modules), None);
}
