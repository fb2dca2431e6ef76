//! The protocol session's client side: the documents as the client knows them (edits applied in the
//! negotiated encoding, with the server's documented reading of ranges that are reversed, past the end or
//! inside a character), and the check that every range and position of an answer lies inside them.
//! Written from the LSP specification, independently of the server's own conversion (`lsp/encoding.rs`).

use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, arbitrary::Arbitrary)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }

    pub fn from_name(name: &str) -> Option<Encoding> {
        [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32]
            .into_iter()
            .find(|e| e.name() == name)
    }

    pub fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// Each line's start and the end of its content (before `\n`, `\r\n` or a lone `\r`).
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, bytes.len()));
    out
}

/// The byte offset a position means: a line past the end is the end of the text, a character past its
/// line's end is that end, a character inside a char (a UTF-8 sequence, a surrogate pair) its start.
pub fn offset(text: &str, line: u32, character: u32, encoding: Encoding) -> usize {
    let lines = lines(text);
    let Some(&(start, end)) = lines.get(line as usize) else {
        return text.len();
    };
    let mut width = 0;
    for (at, c) in text[start..end].char_indices() {
        if width + encoding.width(c) > character as usize {
            return start + at;
        }
        width += encoding.width(c);
    }
    end
}

/// `text` after one change: `range` (start and end positions) replaced by `new`, a reversed range being
/// empty at its start; `None` replaces the whole text.
pub fn apply(
    text: &mut String,
    range: Option<((u32, u32), (u32, u32))>,
    new: &str,
    encoding: Encoding,
) {
    let Some((from, to)) = range else {
        *text = new.to_owned();
        return;
    };
    let start = offset(text, from.0, from.1, encoding);
    let end = offset(text, to.0, to.1, encoding).max(start);
    text.replace_range(start..end, new);
}

/// The number of lines the client sees in `text`.
pub fn line_count(text: &str) -> usize {
    lines(text).len()
}

/// Why `position` is not a place in `text` (past its end, inside a character), if it is not.
fn position_problem(text: &str, position: &Value, encoding: Encoding) -> Option<String> {
    let (Some(line), Some(character)) = (
        position.get("line").and_then(Value::as_u64),
        position.get("character").and_then(Value::as_u64),
    ) else {
        return Some(format!("{position} is not a position"));
    };
    let lines = lines(text);
    let Some(&(start, end)) = lines.get(line as usize) else {
        return Some(format!(
            "line {line} past the last line {}",
            lines.len() - 1
        ));
    };
    let mut width = 0;
    for c in text[start..end].chars() {
        if width == character as usize {
            return None;
        }
        width += encoding.width(c);
        if width > character as usize {
            return Some(format!(
                "character {character} of line {line} is inside {c:?}"
            ));
        }
    }
    (width != character as usize)
        .then(|| format!("character {character} past the end {width} of line {line}"))
}

fn is_position(value: &Value) -> bool {
    value.get("line").is_some_and(Value::is_u64)
        && value.get("character").is_some_and(Value::is_u64)
}

fn is_range(value: &Value) -> bool {
    value.get("start").is_some_and(is_position) && value.get("end").is_some_and(is_position)
}

fn order(position: &Value) -> (u64, u64) {
    (
        position["line"].as_u64().unwrap_or(0),
        position["character"].as_u64().unwrap_or(0),
    )
}

/// Checks every range, position and folding line in `answer` against the text of the document it is
/// about: `uri` unless a member names another (a `Location`, a `WorkspaceEdit`'s `changes`), whose text
/// `text_of` gives. Returns the problems found.
pub fn check_answer(
    answer: &Value,
    uri: &str,
    text_of: &dyn Fn(&str) -> Option<String>,
    encoding: Encoding,
) -> Vec<String> {
    let mut problems = Vec::new();
    walk(answer, uri, text_of, encoding, &mut problems);
    problems
}

fn walk(
    value: &Value,
    uri: &str,
    text_of: &dyn Fn(&str) -> Option<String>,
    encoding: Encoding,
    problems: &mut Vec<String>,
) {
    match value {
        Value::Array(items) => {
            for item in items {
                walk(item, uri, text_of, encoding, problems);
            }
        }
        Value::Object(members) => {
            let named = ["uri", "targetUri"]
                .iter()
                .find_map(|key| members.get(*key).and_then(Value::as_str))
                .or_else(|| members.get("textDocument").and_then(|d| d["uri"].as_str()));
            let uri = named.unwrap_or(uri);
            let text = || {
                text_of(uri)
                    .ok_or_else(|| format!("an answer names {uri}, which the client does not know"))
            };
            if is_range(value) {
                match text() {
                    Ok(text) => {
                        for end in ["start", "end"] {
                            if let Some(problem) = position_problem(&text, &value[end], encoding) {
                                problems.push(format!("{end} of {value} in {uri}: {problem}"));
                            }
                        }
                        if order(&value["start"]) > order(&value["end"]) {
                            problems.push(format!("reversed range {value} in {uri}"));
                        }
                    }
                    Err(problem) => problems.push(problem),
                }
                return;
            }
            if let Some(lines) = members.get("startLine").and_then(Value::as_u64) {
                let end = members
                    .get("endLine")
                    .and_then(Value::as_u64)
                    .unwrap_or(lines);
                match text() {
                    Ok(text) if end as usize >= line_count(&text) || lines > end => {
                        problems.push(format!("folding range {value} outside {uri}"));
                    }
                    Ok(_) => {}
                    Err(problem) => problems.push(problem),
                }
            }
            if let Some(changes) = members.get("changes").and_then(Value::as_object) {
                for (changed, edits) in changes {
                    walk(edits, changed, text_of, encoding, problems);
                }
            }
            for (key, member) in members {
                match key.as_str() {
                    // What the server keeps for itself, and what is walked above.
                    "data" | "changes" | "textDocument" => {}
                    "position" if is_position(member) => match text() {
                        Ok(text) => {
                            if let Some(problem) = position_problem(&text, member, encoding) {
                                problems.push(format!("position {member} in {uri}: {problem}"));
                            }
                        }
                        Err(problem) => problems.push(problem),
                    },
                    _ => walk(member, uri, text_of, encoding, problems),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn positions_follow_the_specification() {
        let text = "a😀b\r\nc\rd";
        assert_eq!(offset(text, 0, 2, Encoding::Utf16), 1, "inside the pair");
        assert_eq!(offset(text, 0, 3, Encoding::Utf16), 5);
        assert_eq!(offset(text, 0, 99, Encoding::Utf32), 6);
        assert_eq!(offset(text, 2, 1, Encoding::Utf8), 11);
        assert_eq!(offset(text, 9, 0, Encoding::Utf8), text.len());
        let range = |l: u64, c: u64| json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": l, "character": c}}});
        let known = |_: &str| Some(text.to_owned());
        assert!(check_answer(&range(0, 3), "u", &known, Encoding::Utf16).is_empty());
        assert_eq!(
            check_answer(&range(0, 2), "u", &known, Encoding::Utf16).len(),
            1
        );
        assert_eq!(
            check_answer(&range(3, 0), "u", &known, Encoding::Utf16).len(),
            1
        );
        assert_eq!(
            check_answer(&range(1, 2), "u", &known, Encoding::Utf16).len(),
            1
        );
    }
}
