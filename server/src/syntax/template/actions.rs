//! Go template actions as text/template's lexer delimits them: `{{` to the `}}` that is not inside a
//! string, a raw string, a character constant or a comment, with the `{{- ` and ` -}}` trim markers; and
//! what each action is (an `if`, an `end`, a comment, a variable assignment, or an action that prints).

use crate::syntax::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ActionKind {
    /// Prints text: a pipeline (`.Values.x | quote`), `include`, `toYaml`, `template`.
    Output,
    /// `{{/* … */}}`, `{{ $x := … }}`, `{{ break }}`, `{{ continue }}`: prints nothing.
    Silent,
    If,
    Range,
    With,
    /// `else`, `else if`, `else with`: the next branch of the innermost if, with or range.
    Else,
    End,
    /// `define`: a named template, printed only where it is included.
    Define,
    /// `block`: defines a template and prints it in place.
    Block,
}

impl ActionKind {
    pub(crate) fn prints(self) -> bool {
        self == ActionKind::Output
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Action {
    pub range: TextRange,
    pub kind: ActionKind,
}

/// Every action of `source`, in order. An opening `{{` that is never closed ends the list: the rest of the
/// text is not a template (a `"{{"` in a plain YAML string), so it is left as it is.
pub(crate) fn actions(source: &str) -> Vec<Action> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"{{") {
        let start = from + i;
        let Some(end) = action_end(bytes, start) else {
            break;
        };
        found.push(Action {
            range: TextRange::new(start, end),
            kind: classify(&source[start..end]),
        });
        from = end;
    }
    found
}

/// The offset just past the `}}` closing the action that opens at `start`.
fn action_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 2;
    if bytes.get(i) == Some(&b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace) {
        i += 2;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if bytes[i..].starts_with(b"/*") {
        // A comment runs to `*/`, which the closing delimiter must follow (after an optional ` -`).
        let close = memchr::memmem::find(&bytes[i + 2..], b"*/")? + i + 2;
        let rest = memchr::memmem::find(&bytes[close..], b"}}")? + close;
        return Some(rest + 2);
    }
    while i < bytes.len() {
        match bytes[i] {
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i + 2),
            b'"' => i = quoted_end(bytes, i, b'"', true),
            b'\'' => i = quoted_end(bytes, i, b'\'', true),
            b'`' => i = quoted_end(bytes, i, b'`', false),
            _ => i += 1,
        }
    }
    None
}

/// Past the closing `quote` of the string opening at `at`; an interpreted string or a character constant
/// also ends at a line break (where Go's lexer reports it unterminated), so one stray quote cannot swallow
/// the rest of the file.
fn quoted_end(bytes: &[u8], at: usize, quote: u8, escapes: bool) -> usize {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if escapes => i += 2,
            b'\n' if escapes => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn classify(action: &str) -> ActionKind {
    let inner = action.strip_prefix("{{").unwrap_or(action);
    let inner = match inner.strip_prefix('-') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_whitespace()) => rest,
        _ => inner,
    };
    let inner = inner.trim_start();
    if inner.starts_with("/*") {
        return ActionKind::Silent;
    }
    let word_end = inner
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    match &inner[..word_end] {
        "if" => ActionKind::If,
        "range" => ActionKind::Range,
        "with" => ActionKind::With,
        "else" => ActionKind::Else,
        "end" => ActionKind::End,
        "define" => ActionKind::Define,
        "block" => ActionKind::Block,
        "break" | "continue" => ActionKind::Silent,
        "" if is_assignment(inner) => ActionKind::Silent,
        _ => ActionKind::Output,
    }
}

/// `$x := …`, `$x = …`, `$i, $v := …`: declares or assigns variables, prints nothing.
fn is_assignment(inner: &str) -> bool {
    let mut rest = inner;
    loop {
        let Some(after) = rest.strip_prefix('$') else {
            return false;
        };
        let name_end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        rest = after[name_end..].trim_start();
        match rest.strip_prefix(',') {
            Some(more) => rest = more.trim_start(),
            None => break,
        }
    }
    rest.starts_with(":=") || (rest.starts_with('=') && !rest.starts_with("=="))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<(&str, ActionKind)> {
        actions(source)
            .into_iter()
            .map(|a| (&source[a.range.as_range()], a.kind))
            .collect()
    }

    #[test]
    fn actions_end_at_the_first_closing_delimiter_outside_strings() {
        use ActionKind::*;
        assert_eq!(
            kinds(r#"a: {{ printf "}}" .x }}-{{ `}}` }} {{- /* }} */ -}} {{- $v := 1 }}"#),
            [
                (r#"{{ printf "}}" .x }}"#, Output),
                ("{{ `}}` }}", Output),
                ("{{- /* }} */ -}}", Silent),
                ("{{- $v := 1 }}", Silent),
            ]
        );
        assert_eq!(
            kinds(
                "{{- if .a }}{{ else if .b }}{{- end -}}{{ range $i, $e := .l }}{{ with .x }}{{ define \"d\" }}{{ block \"b\" . }}{{ $i }}{{ $a = 2 }}{{ break }}"
            ),
            [
                ("{{- if .a }}", If),
                ("{{ else if .b }}", Else),
                ("{{- end -}}", End),
                ("{{ range $i, $e := .l }}", Range),
                ("{{ with .x }}", With),
                ("{{ define \"d\" }}", Define),
                ("{{ block \"b\" . }}", Block),
                ("{{ $i }}", Output),
                ("{{ $a = 2 }}", Silent),
                ("{{ break }}", Silent),
            ]
        );
        // `{{-3}}` is the number -3, not a trim marker; `{{ $x == 1 }}` is no assignment.
        assert_eq!(kinds("{{-3}} {{ eq $x 1 }}")[0], ("{{-3}}", Output));
        assert!(!is_assignment("$x == 1"));
    }

    #[test]
    fn an_unclosed_action_is_not_a_template() {
        assert_eq!(kinds("a: {{ .x }}\nb: \"{{\"\nc: d\n").len(), 1);
        assert!(kinds("{{ \"unterminated\n}}").len() == 1);
        assert!(kinds("{{/* never closed").is_empty());
        assert!(kinds("{{").is_empty());
        assert!(kinds("{{-").is_empty());
    }
}
