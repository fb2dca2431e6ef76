//! "Insert a space after `:`" where YAML parsed without complaint: `initialDelaySeconds:5` alone on its
//! line is a valid string, so the only sign is a string where an object belongs. The syntax layer offers
//! the same repair where the missing space breaks the parse.

use super::Proposal;
use super::edit::column;
use crate::messages::{Locale, fixes};
use crate::syntax::{TextRange, glued_key};

/// The fix for a plain scalar at `range` that is really `key:value`, when it starts its line (or follows
/// only `- ` markers): with the space, it becomes the mapping the field expects.
pub(crate) fn glued_key_value(locale: Locale, text: &str, range: TextRange) -> Option<Proposal> {
    let written = &text[range.as_range()];
    let (colon, end) = glued_key(written)?;
    let before = &text[range.start - column(text, range.start)..range.start];
    let only_markers = before.split_whitespace().all(|w| w == "-");
    (end == written.len() && only_markers).then(|| Proposal {
        title: fixes::insert_space_after_colon().render(locale),
        edits: vec![(TextRange::empty(range.start + colon + 1), " ".into())],
        preferred: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, value: &str) -> Option<String> {
        let start = text.rfind(value).unwrap();
        let fix = glued_key_value(
            crate::messages::Locale::En,
            text,
            TextRange::new(start, start + value.len()),
        )?;
        let mut out = text.to_string();
        let (range, new_text) = &fix.edits[0];
        out.replace_range(range.as_range(), new_text);
        Some(out)
    }

    #[test]
    fn a_key_glued_to_its_value_on_its_own_line() {
        assert_eq!(
            fixed("probe:\n  initialDelaySeconds:5\n", "initialDelaySeconds:5").as_deref(),
            Some("probe:\n  initialDelaySeconds: 5\n")
        );
        assert_eq!(
            fixed("ports:\n- name:http\n", "name:http").as_deref(),
            Some("ports:\n- name: http\n")
        );
        // On its key's line, with the space it would be a syntax error; an image reference is no key.
        assert_eq!(fixed("probe: period:5\n", "period:5"), None);
        assert_eq!(
            fixed("x:\n  http://example.com\n", "http://example.com"),
            None
        );
    }
}
