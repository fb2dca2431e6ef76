//! The documentation of every diagnostic code, from one place: a Markdown file per code in `rule_docs/`
//! (severity, fix, upstream function, what it checks, why, an example and its fixed version) and its Chinese
//! text in `rule_docs/zh-cn/`. `podls rule`, `podls rules`, SARIF's `fullDescription`/`help` and
//! `docs/rules.md` all print it; the tests run every example through the diagnostics, so a doc cannot claim
//! what the rule does not do. A new code does not compile until its two files are listed in `docs!` below.

use super::code::Code;
use super::diagnostic::Severity;
use crate::messages::Locale;

/// One code's documentation, read from its file (in one language; the examples are the same in all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDoc {
    pub code: Code,
    /// The severity the code is reported at by default (a configuration may change it).
    pub severity: Severity,
    /// The code's one line (`Code::summary` in English).
    pub summary: &'static str,
    /// Whether the diagnostic carries a quick fix, and what it does (`none: …` / `无：…` says why not).
    pub fix: &'static str,
    /// The Kubernetes function (or tool) whose behaviour the rule follows.
    pub upstream: &'static str,
    pub checks: &'static str,
    pub why: &'static str,
    /// A manifest that triggers the code, and the same manifest fixed.
    pub example: &'static str,
    pub fixed: &'static str,
}

macro_rules! docs {
    ($($variant:ident => $file:literal,)*) => {
        /// The English file and the Chinese one of `code`.
        fn sources(code: Code) -> (&'static str, &'static str) {
            match code {
                $(Code::$variant => (
                    include_str!(concat!("rule_docs/", $file, ".md")),
                    include_str!(concat!("rule_docs/zh-cn/", $file, ".md")),
                ),)*
            }
        }
    };
}

docs! {
    YamlSyntax => "yaml-syntax",
    YamlLenient => "yaml-lenient",
    DuplicateKey => "duplicate-key",
    UnknownField => "unknown-field",
    TypeMismatch => "type-mismatch",
    InvalidEnum => "invalid-enum",
    InvalidName => "invalid-name",
    OutOfRange => "out-of-range",
    InvalidQuantity => "invalid-quantity",
    SuspiciousQuantity => "suspicious-quantity",
    MissingRequired => "missing-required",
    InvalidPath => "invalid-path",
    DeprecatedField => "deprecated-field",
    Yaml11Boolean => "yaml11-boolean",
    StatusField => "status-field",
    ImageLatest => "image-latest",
    DuplicateEnv => "duplicate-env",
    DuplicateName => "duplicate-name",
    UnresolvedReference => "unresolved-reference",
    ConflictingFields => "conflicting-fields",
    AlphaFeature => "alpha-feature",
    WrongApiVersion => "wrong-api-version",
    RemovedApiVersion => "removed-api-version",
    UnknownKind => "unknown-kind",
    SystemField => "system-field",
    ForbiddenField => "forbidden-field",
    SelectorMismatch => "selector-mismatch",
    InvalidValue => "invalid-value",
    InvalidSchedule => "invalid-schedule",
    UnknownTimeZone => "unknown-time-zone",
    UnusedSuppression => "unused-suppression",
}

impl RuleDoc {
    /// The doc in English.
    pub fn of(code: Code) -> RuleDoc {
        RuleDoc::in_locale(code, Locale::En)
    }

    pub fn in_locale(code: Code, locale: Locale) -> RuleDoc {
        let (english, chinese) = sources(code);
        let read = parse(code, english).and_then(|doc| match locale {
            Locale::En => Ok(doc),
            Locale::ZhCn => translate(doc, chinese).map_err(|e| format!("zh-cn/: {e}")),
        });
        read.unwrap_or_else(|error| {
            panic!("server/src/analysis/diagnostics/rule_docs/ of {code}: {error}")
        })
    }

    /// Whether the code's diagnostics carry a quick fix (what the English `fix:` says).
    pub fn has_fix(&self) -> bool {
        !self.fix.starts_with("none") && !self.fix.starts_with("无")
    }
}

/// A file's `key: value` header (up to the first blank line) and the `## ` sections after it.
struct Parts {
    header: &'static str,
    sections: Vec<(&'static str, &'static str)>,
}

impl Parts {
    fn read(text: &'static str) -> Result<Parts, String> {
        let (header, body) = text
            .split_once("\n\n")
            .ok_or("no blank line after the header")?;
        let sections = body
            .split("## ")
            .skip(1)
            .map(|part| part.split_once('\n').unwrap_or((part, "")))
            .map(|(title, rest)| (title.trim(), rest.trim()))
            .collect();
        Ok(Parts { header, sections })
    }

    fn field(&self, key: &str) -> Result<&'static str, String> {
        self.header
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
            .ok_or(format!("no `{key}:` line in the header"))
    }

    fn section(&self, title: &str) -> Result<&'static str, String> {
        self.sections
            .iter()
            .find(|(t, _)| *t == title)
            .map(|(_, text)| *text)
            .filter(|text| !text.is_empty())
            .ok_or(format!("no `## {title}` section"))
    }
}

/// Reads an English doc: `severity`, `fix` and `upstream` in the header; What it checks, Why it matters,
/// Example and Fixed (each of the last two one YAML code block).
fn parse(code: Code, text: &'static str) -> Result<RuleDoc, String> {
    let parts = Parts::read(text)?;
    let severity = match parts.field("severity")? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "information" => Severity::Information,
        "hint" => Severity::Hint,
        other => return Err(format!("unknown severity `{other}`")),
    };
    Ok(RuleDoc {
        code,
        severity,
        summary: code.summary(),
        fix: parts.field("fix")?,
        upstream: parts.field("upstream")?,
        checks: parts.section("What it checks")?,
        why: parts.section("Why it matters")?,
        example: yaml_block(parts.section("Example")?)?,
        fixed: yaml_block(parts.section("Fixed")?)?,
    })
}

/// The doc with the texts of its translation: `summary`, `fix` and `upstream` in the header, the same two
/// prose sections; the examples stay.
fn translate(doc: RuleDoc, text: &'static str) -> Result<RuleDoc, String> {
    let parts = Parts::read(text)?;
    Ok(RuleDoc {
        summary: parts.field("summary")?,
        fix: parts.field("fix")?,
        upstream: parts.field("upstream")?,
        checks: parts.section("What it checks")?,
        why: parts.section("Why it matters")?,
        ..doc
    })
}

fn yaml_block(section: &'static str) -> Result<&'static str, String> {
    section
        .strip_prefix("```yaml\n")
        .and_then(|rest| rest.strip_suffix("```"))
        .ok_or_else(|| "a section that is not one ```yaml block".to_owned())
}

#[cfg(test)]
mod tests;
