//! What VS Code and Neovim do with a completion item when a person accepts it, so the end-to-end tests can
//! compare the buffer they would end up with, byte for byte:
//! - VS Code 1.99: replaces the edit's range; unless the item says `insertTextMode: asIs`, adds the
//!   indentation of the line (up to the range) to every inserted line after the first (its default,
//!   adjustIndentation); expands snippets.
//! - Neovim 0.11 (`vim.lsp.completion`): a snippet replaces the text from the range start to the cursor and
//!   `vim.snippet` adds the line's leading blanks to every line after the first; a plain-text item inserts
//!   only the first non-blank run of its text.
//! - A client without snippets or insert modes: the text as it is.
//!
//! Placeholders are accepted as they are (Tab through them), so the cursor ends at `$0`, else at the end.

use podls_e2e::{Client, offset, position};
use serde_json::{Value, json};

pub const URI: &str = "file:///work/pod.yaml";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    VsCode,
    /// A VS Code-like client that adjusts indentation and does not offer asIs (items then carry indentation
    /// relative to the line).
    VsCodeAdjusting,
    Neovim,
    Plain,
}

impl Editor {
    /// The completion capabilities each declares at `initialize`.
    pub fn capabilities(self) -> Value {
        match self {
            Editor::VsCode => json!({"textDocument": {"completion": {
                "completionItem": {"snippetSupport": true, "insertTextModeSupport": {"valueSet": [1, 2]}},
                "insertTextMode": 2
            }}}),
            Editor::VsCodeAdjusting => json!({"textDocument": {"completion": {
                "completionItem": {"snippetSupport": true},
                "insertTextMode": 2
            }}}),
            Editor::Neovim => json!({"textDocument": {"completion": {
                "completionItem": {"snippetSupport": true}
            }}}),
            Editor::Plain => json!({}),
        }
    }

    /// The text after accepting `item` with the cursor at `cursor`, and the cursor then.
    pub fn accept(
        self,
        client: &Client,
        text: &str,
        cursor: usize,
        item: &Value,
    ) -> (String, usize) {
        let edit = &item["textEdit"];
        let start = offset(text, &edit["range"]["start"], client.encoding);
        let end = offset(text, &edit["range"]["end"], client.encoding);
        let new_text = edit["newText"].as_str().expect("newText");
        let snippet = item["insertTextFormat"] == json!(2);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        match self {
            Editor::VsCode | Editor::VsCodeAdjusting => {
                let before = &text[line_start..start];
                let indentation = &before[..before.len() - before.trim_start().len()];
                let source = if snippet {
                    new_text.to_string()
                } else {
                    escape(new_text)
                };
                let source = if item["insertTextMode"] == json!(1) {
                    source
                } else {
                    source.replace('\n', &format!("\n{indentation}"))
                };
                let (body, at) = expand(&source);
                (splice(text, start..end, &body), start + at)
            }
            Editor::Neovim if snippet => {
                let cleared = splice(text, start..cursor, "");
                let line_end = cleared[start..]
                    .find('\n')
                    .map_or(cleared.len(), |i| start + i);
                let line = &cleared[line_start..line_end];
                let base = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
                let (body, at) = expand(&new_text.replace('\n', &format!("\n{base}")));
                (splice(&cleared, start..start, &body), start + at)
            }
            Editor::Neovim => {
                let word = new_text.split_whitespace().next().unwrap_or("");
                let word = if new_text.starts_with(char::is_whitespace) {
                    ""
                } else {
                    word
                };
                (splice(text, start..cursor, word), start + word.len())
            }
            Editor::Plain => (splice(text, start..end, new_text), start + new_text.len()),
        }
    }
}

fn splice(text: &str, range: std::ops::Range<usize>, new: &str) -> String {
    let mut out = text.to_string();
    out.replace_range(range, new);
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

/// A snippet with every placeholder at its default (a choice at its first value), and where `$0` is.
fn expand(snippet: &str) -> (String, usize) {
    let mut out = String::new();
    let mut final_stop = None;
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '$' if chars.peek() == Some(&'{') => {
                chars.next();
                let mut number = String::new();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    number.push(d);
                }
                match chars.next() {
                    Some(':') => {
                        while let Some(c) = chars.next() {
                            match c {
                                '\\' => out.extend(chars.next()),
                                '}' => break,
                                c => out.push(c),
                            }
                        }
                    }
                    Some('|') => {
                        let mut first = true;
                        while let Some(c) = chars.next() {
                            match c {
                                '|' if chars.peek() == Some(&'}') => {
                                    chars.next();
                                    break;
                                }
                                ',' => first = false,
                                c if first => out.push(c),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
                if number == "0" {
                    final_stop = Some(out.len());
                }
            }
            '$' if chars.peek().is_some_and(char::is_ascii_digit) => {
                let mut number = String::new();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    number.push(d);
                }
                if number == "0" {
                    final_stop = Some(out.len());
                }
            }
            c => out.push(c),
        }
    }
    let at = final_stop.unwrap_or(out.len());
    (out, at)
}

/// What a person does in a scripted session.
pub enum Key {
    /// Enter at the end of the line, then the cursor to this column.
    Line(usize),
    /// Typing (Enter keeps the indentation).
    Type(&'static str),
    /// Typing these letters, then accepting the item with this label.
    Pick(&'static str, &'static str),
    /// The cursor to the end of the line holding this text.
    EndOf(&'static str),
}

/// A person typing into one document of one editor, with podls behind it.
pub struct Session {
    pub client: Client,
    pub editor: Editor,
    pub cursor: usize,
}

impl Session {
    pub fn new(editor: Editor, text: &str) -> Session {
        let mut client = Client::start();
        client.initialize(editor.capabilities());
        client.open(URI, text);
        Session {
            client,
            editor,
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        self.client.text(URI)
    }

    /// Types `keys` at the cursor; Enter (`\n`) keeps the indentation of the line it ends, as both editors'
    /// autoindent does; Backspace (`\u{8}`) deletes the character before the cursor.
    pub fn type_text(&mut self, keys: &str) {
        for c in keys.chars() {
            if c == '\u{8}' {
                let previous = self.text()[..self.cursor]
                    .chars()
                    .last()
                    .map_or(0, char::len_utf8);
                self.client
                    .edit_range(URI, self.cursor - previous..self.cursor, "");
                self.cursor -= previous;
                continue;
            }
            let typed = if c == '\n' {
                let text = self.text();
                let line_start = text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
                let line = &text[line_start..self.cursor];
                format!(
                    "\n{}",
                    &line[..line.len() - line.trim_start_matches(' ').len()]
                )
            } else {
                c.to_string()
            };
            self.client
                .edit_range(URI, self.cursor..self.cursor, &typed);
            self.cursor += typed.len();
        }
    }

    /// Enter at the end of the cursor's line, then the cursor moved to `column` of the new line (Backspace
    /// or blanks after the autoindent).
    pub fn new_line_at(&mut self, column: usize) {
        let text = self.text();
        self.cursor = text[self.cursor..]
            .find('\n')
            .map_or(text.len(), |i| self.cursor + i);
        let typed = format!("\n{}", " ".repeat(column));
        self.client
            .edit_range(URI, self.cursor..self.cursor, &typed);
        self.cursor += typed.len();
    }

    /// The cursor to the end of the line holding `needle`.
    pub fn end_of_line_with(&mut self, needle: &str) {
        let text = self.text();
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text}"));
        self.cursor = text[at..].find('\n').map_or(text.len(), |i| at + i);
    }

    /// The items offered at the cursor, asked for as the editor does: with the trigger character when the
    /// last character before the cursor is one.
    pub fn items(&mut self) -> Vec<Value> {
        let text = self.text().to_string();
        let last = text[..self.cursor].chars().last();
        let mut params = json!({
            "textDocument": {"uri": URI},
            "position": position(&text, self.cursor, self.client.encoding),
            "context": {"triggerKind": 1},
        });
        if let Some(c) = last.filter(|c| [' ', '-', ':'].contains(c)) {
            params["context"] = json!({"triggerKind": 2, "triggerCharacter": c.to_string()});
        }
        let result = self
            .client
            .request("textDocument/completion", params)
            .expect("completion succeeds");
        result["items"].as_array().cloned().unwrap_or_default()
    }

    /// Asks for completion, accepts the item labelled `label` as the editor does, and returns that item.
    pub fn accept(&mut self, label: &str) -> Value {
        let items = self.items();
        let item = items
            .iter()
            .find(|item| item["label"] == label)
            .unwrap_or_else(|| {
                let labels: Vec<&Value> = items.iter().map(|item| &item["label"]).collect();
                panic!(
                    "{:?}: no item {label} at the cursor of\n{}|\namong {labels:?}",
                    self.editor,
                    &self.text()[..self.cursor]
                )
            })
            .clone();
        let (after, cursor) = self
            .editor
            .accept(&self.client, self.text(), self.cursor, &item);
        let len = self.text().len();
        self.client.edit_range(URI, 0..len, &after);
        self.cursor = cursor;
        item
    }

    /// Types `prefix` and accepts `label`.
    pub fn complete(&mut self, prefix: &str, label: &str) {
        self.type_text(prefix);
        self.accept(label);
    }

    /// Plays each phase; after it the buffer must be its parts joined, and podls must find no error.
    pub fn play(&mut self, phases: &[(&[Key], &[&str])]) {
        for (keys, parts) in phases {
            for key in *keys {
                match key {
                    Key::Line(column) => self.new_line_at(*column),
                    Key::Type(text) => self.type_text(text),
                    Key::Pick(typed, label) => self.complete(typed, label),
                    Key::EndOf(needle) => self.end_of_line_with(needle),
                }
            }
            self.check(&parts.concat());
            self.no_errors();
        }
    }

    /// The buffer must be `expected`, byte for byte.
    pub fn check(&self, expected: &str) {
        assert_eq!(
            self.text(),
            expected,
            "{:?}: the buffer differs\n--- got\n{}\n--- expected\n{expected}",
            self.editor,
            self.text()
        );
    }

    /// podls reports no error (and none of the warnings a skeleton could trip) for the buffer as it is.
    pub fn no_errors(&mut self) {
        let version = self.client.version(URI);
        let diagnostics = self.client.wait_for_diagnostics_of_version(URI, version);
        let bad: Vec<&Value> = diagnostics["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["severity"] == json!(1) || d["code"] == json!("image-latest"))
            .collect();
        assert!(
            bad.is_empty(),
            "{:?}: podls reports {bad:#?} for\n{}",
            self.editor,
            self.text()
        );
    }
}
