//! The indentation a document already uses, so inserted blocks look like the lines around them: the width
//! of one level (2 or 4 spaces), and whether `- ` items sit under their key or indented below it.

use super::{TextRange, lines};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indentation {
    /// Spaces per nesting level of mappings.
    pub unit: usize,
    /// `key:\n  - item` (true) rather than `key:\n- item` (false, the kubectl style).
    pub indented_sequences: bool,
}

/// What the first nested lines of a text show of its indentation, each part where they show it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndentStyle {
    pub unit: Option<usize>,
    pub indented_sequences: Option<bool>,
}

impl IndentStyle {
    pub fn of(text: &str) -> IndentStyle {
        let (unit, indented_sequences) = scan(text);
        IndentStyle {
            unit,
            indented_sequences,
        }
    }

    /// This style, with what it does not show taken from `other`.
    pub fn or(self, other: IndentStyle) -> IndentStyle {
        IndentStyle {
            unit: self.unit.or(other.unit),
            indented_sequences: self.indented_sequences.or(other.indented_sequences),
        }
    }

    /// Whether it shows both the unit and the sequence style.
    pub fn is_complete(self) -> bool {
        self.unit.is_some() && self.indented_sequences.is_some()
    }
}

impl Indentation {
    /// Reads the first parent/child line pairs of the document, then of the whole file (a document just
    /// started shows nothing yet); falls back on `tab_size` (and indented sequences, as the Kubernetes docs
    /// write them) where the text does not tell.
    pub fn detect(text: &str, span: TextRange, tab_size: usize) -> Indentation {
        Indentation::detect_with(text, span, tab_size, None)
    }

    /// As `detect`, with the whole file's style given (`file`, `IndentStyle::of` the file's text) rather than
    /// read from `text`: for a document analysed on its own text.
    pub fn detect_with(
        text: &str,
        span: TextRange,
        tab_size: usize,
        file: Option<IndentStyle>,
    ) -> Indentation {
        let mut style = IndentStyle::of(&text[span.as_range()]);
        if !style.is_complete() {
            style = style.or(file.unwrap_or_else(|| IndentStyle::of(text)));
        }
        Indentation {
            unit: style.unit.unwrap_or(tab_size.clamp(1, 8)),
            indented_sequences: style.indented_sequences.unwrap_or(true),
        }
    }

    /// The spaces of the line below a `key:` at `column` that holds its first child key.
    pub fn child(&self, column: usize) -> String {
        " ".repeat(column + self.unit)
    }

    /// The spaces before the `- ` of the first item of a sequence under a `key:` at `column`.
    pub fn item(&self, column: usize) -> String {
        if self.indented_sequences {
            self.child(column)
        } else {
            " ".repeat(column)
        }
    }
}

/// The indentation unit and sequence style the first nested lines of `text` show, where they show one.
fn scan(text: &str) -> (Option<usize>, Option<bool>) {
    let mut unit = None;
    let mut indented_sequences = None;
    let mut parent: Option<usize> = None;
    for text_line in lines::split(text) {
        let line = lines::read(text_line);
        if text_line.starts_with("---") {
            // A new document: no line of the one before is the parent of its first.
            parent = None;
            continue;
        }
        if line.trivia {
            continue;
        }
        let column = line.indent();
        if let Some(key_column) = parent {
            if !line.dashes.is_empty() {
                indented_sequences.get_or_insert(column > key_column);
            } else if (1..=8).contains(&(column.saturating_sub(key_column))) {
                unit.get_or_insert(column - key_column);
            }
        }
        if unit.is_some() && indented_sequences.is_some() {
            break;
        }
        // A line that opens a block (`key:` with nothing after it) is the next parent; the key of an item
        // (`- key:`) counts from after its dash.
        parent = (line.key.is_some() && line.value.is_empty()).then_some(line.key_column);
    }
    (unit, indented_sequences)
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::IndentStyle;
    use crate::syntax::tests::alike_with_every_line_break;

    #[test]
    fn the_style_of_the_first_nested_lines_whatever_their_line_breaks() {
        let styles: String = [
            "a:\n    b: 1\n    c:\n    - d\n",
            "spec:\n  containers:\n    - name: a\n",
            "# only a comment\nkind: Pod\n",
        ]
        .iter()
        .map(|text| alike_with_every_line_break(text, |t| format!("{:?}\n", IndentStyle::of(t))))
        .collect();
        expect![[r#"
            IndentStyle { unit: Some(4), indented_sequences: Some(false) }
            IndentStyle { unit: Some(2), indented_sequences: Some(true) }
            IndentStyle { unit: None, indented_sequences: None }
        "#]]
        .assert_eq(&styles);
    }
}
