//! Data-driven completion tests: `$0` marks the cursor; each snapshot lists what the client would get
//! (`UPDATE_EXPECT=1 cargo test -p podls --lib completion` rewrites them).

use expect_test::Expect;

use super::*;
use crate::syntax::parse;

fn run(fixture: &str, options: CompletionOptions) -> (String, Option<CompletionList>) {
    run_in(Locale::En, fixture, options)
}

fn run_in(
    locale: Locale,
    fixture: &str,
    options: CompletionOptions,
) -> (String, Option<CompletionList>) {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let file = parse(&text);
    let list = completions(&Inputs::new(locale), &text, &file, offset, options);
    (text, list)
}

/// The completions at `$0` checked against Kubernetes `version` (`1.33`).
fn run_at(version: &str, fixture: &str) -> Option<CompletionList> {
    let offset = fixture.find("$0").expect("fixture needs a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    let file = parse(&text);
    let target = crate::analysis::KubernetesVersion::parse(version).expect("a supported version");
    let inputs = Inputs::new(Locale::En).with_kubernetes(target);
    completions(&inputs, &text, &file, offset, CompletionOptions::default())
}

/// Every item: label, then the text it inserts; the replaced text once on top (all items share it).
fn check_with(fixture: &str, options: CompletionOptions, expect: Expect) {
    let (text, list) = run(fixture, options);
    let actual = match list {
        None => "nothing".to_string(),
        Some(list) => {
            let mut out = format!(
                "replaces {:?}\n",
                &text[list.items[0].edit.range.as_range()]
            );
            for item in &list.items {
                assert_eq!(item.edit.range, list.items[0].edit.range);
                out.push_str(&format!("{} {:?}\n", item.label, item.edit.new_text));
            }
            out
        }
    };
    expect.assert_eq(&actual);
}

fn check(fixture: &str, expect: Expect) {
    check_with(fixture, CompletionOptions::default(), expect);
}

fn plain_text() -> CompletionOptions {
    CompletionOptions {
        snippets: false,
        ..CompletionOptions::default()
    }
}

/// Only the labels, in order, for long lists.
fn check_labels(fixture: &str, expect: Expect) {
    let (_, list) = run(fixture, CompletionOptions::default());
    let actual = match list {
        None => "nothing".to_string(),
        Some(list) => list
            .items
            .iter()
            .map(|item| item.label.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    };
    expect.assert_eq(&actual);
}

/// One item in full: what it replaces, and the file after the edit (snippet markers left in).
fn check_edit(fixture: &str, label: &str, options: CompletionOptions, expect: Expect) {
    let (text, list) = run(fixture, options);
    let list = list.expect("completions");
    let item = list
        .items
        .iter()
        .find(|item| item.label == label)
        .unwrap_or_else(|| panic!("no item {label}"));
    let range = item.edit.range;
    let (after, inserted) = accept(&text, item, options);
    // The edited lines only (from the line the edit starts on to the line it ends on); trailing blanks are
    // where the cursor lands, so they show.
    let first = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = range.start + inserted;
    let last = after[end..].find('\n').map_or(after.len(), |i| end + i);
    let after: Vec<String> = after[first..last]
        .split('\n')
        .map(|line| {
            let content = line.trim_end_matches(' ');
            format!("{content}{}", "·".repeat(line.len() - content.len()))
        })
        .collect();
    let after = after.join("\n");
    expect.assert_eq(&format!(
        "{:?} {:?} snippet={}\n{after}",
        item.kind, item.detail, item.is_snippet
    ));
}

/// The text after a client accepted `item` (snippet markers left in), and the length of what it inserted:
/// the edit applied and, unless the client inserts as is, the cursor line's indentation added to every
/// inserted line after the first, as VS Code and Neovim do.
fn accept(text: &str, item: &CompletionItem, options: CompletionOptions) -> (String, usize) {
    let range = item.edit.range;
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..range.start];
    let indentation = &line[..line.len() - line.trim_start_matches(' ').len()];
    let inserted = if options.as_is {
        item.edit.new_text.clone()
    } else {
        item.edit
            .new_text
            .replace('\n', &format!("\n{indentation}"))
    };
    let mut after = text.to_string();
    after.replace_range(range.as_range(), &inserted);
    (after, inserted.len())
}

const TWO: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
const FOUR: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\nspec:\n    containers:\n        - name: app\n          image: nginx\n";

fn two(rest: &str) -> String {
    format!("{TWO}{rest}")
}

fn four(rest: &str) -> String {
    format!("{FOUR}{rest}")
}

fn triggered(trigger: char) -> CompletionOptions {
    CompletionOptions {
        trigger: Some(trigger),
        ..plain_text()
    }
}

mod accepting;
mod chinese;
mod insert_text;
mod keys;
mod kinds;
mod nothing;
mod skeletons;
mod templates;
mod triggers;
mod typing;
mod values;
mod versions;
