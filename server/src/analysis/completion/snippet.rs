//! Snippet syntax (`$0`, `${1:default}`, `${1|a,b|}`): every item is built as a snippet, then sent as one to
//! clients that take snippets, or as the plain text a person would have typed to the rest.

/// `text` as literal snippet text: `$`, `}` and `\` escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A snippet as plain text: placeholders replaced by their defaults, choices and tab stops removed (the
/// value is left for the user to type, which value completion then helps with), escapes undone.
pub(super) fn to_plain(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '$' if chars.peek() == Some(&'{') => {
                chars.next();
                while chars.next_if(char::is_ascii_digit).is_some() {}
                match chars.next() {
                    // The default itself may hold escapes; nested placeholders are not used here.
                    Some(':') => {
                        while let Some(c) = chars.next() {
                            match c {
                                '\\' => out.extend(chars.next()),
                                '}' => break,
                                c => out.push(c),
                            }
                        }
                    }
                    Some('|') => while chars.next().is_some_and(|c| c != '}') {},
                    _ => {}
                }
            }
            '$' if chars.peek().is_some_and(char::is_ascii_digit) => {
                while chars.next_if(char::is_ascii_digit).is_some() {}
            }
            c => out.push(c),
        }
    }
    out
}

/// The lines of `text` after the first with `indentation` spaces taken off their start: VS Code (with its
/// default insertTextMode adjustIndentation) and Neovim's `vim.snippet` add the cursor line's indentation
/// to every line they insert after the first, so the text carries only what comes on top of it.
pub(super) fn relative_to_line(text: &str, indentation: usize) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or("").to_string();
    for line in lines {
        out.push('\n');
        let blanks = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[blanks.min(indentation)..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip_through_plain_text() {
        let literal = r"a $HOME } \ b";
        assert_eq!(escape(literal), r"a \$HOME \} \\ b");
        assert_eq!(to_plain(&escape(literal)), literal);
    }

    #[test]
    fn placeholders_become_their_defaults() {
        assert_eq!(
            to_plain("name: ${1:my-pod}\n  x: ${2:a\\}b}$0"),
            "name: my-pod\n  x: a}b"
        );
        assert_eq!(to_plain("policy: ${1|Always,Never|}"), "policy: ");
        assert_eq!(to_plain("$12 and $"), " and $");
    }

    #[test]
    fn lines_lose_the_cursor_lines_indentation() {
        assert_eq!(relative_to_line("ports:\n      - $0", 4), "ports:\n  - $0");
        assert_eq!(relative_to_line("a\n\n  b", 4), "a\n\nb");
    }
}
