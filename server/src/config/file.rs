//! Reading one `podls.toml`: every key checked, and every mistake (bad TOML, an unknown key, a severity or
//! code that does not exist, a version podls does not know) an error at its line and column, never a
//! silent default.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::ProjectConfig;
use crate::analysis::{Code, KubernetesVersion, Level, PodTemplate, RuleSettings};
use crate::messages::{Locale, Message, cli, config as msg, one_of};
use crate::syntax::{LineIndex, TextRange};

/// A mistake in a configuration file, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// The bytes of the file the mistake is in.
    pub range: TextRange,
    /// 1-based, the column counted in characters (as `podls check` prints positions).
    pub line: usize,
    pub column: usize,
    pub message: Message,
}

impl ConfigError {
    pub fn at_start(file: &Path, message: Message) -> ConfigError {
        ConfigError {
            file: file.to_path_buf(),
            range: TextRange::empty(0),
            line: 1,
            column: 1,
            message,
        }
    }

    fn at(file: &Path, text: &str, range: std::ops::Range<usize>, message: Message) -> ConfigError {
        let start = range.start.min(text.len());
        let end = range.end.clamp(start, text.len());
        let index = LineIndex::new(text);
        ConfigError {
            file: file.to_path_buf(),
            range: TextRange::new(start, end),
            line: index.line_of(start) + 1,
            column: index.column(text, start, crate::syntax::ColumnUnit::Utf32) + 1,
            message,
        }
    }
}

impl ConfigError {
    /// `podls.toml:2:1: message`, the file relative to the working directory when below it (as the
    /// checked files are printed).
    pub fn render(&self, locale: Locale) -> String {
        let cwd = std::env::current_dir().unwrap_or_default();
        let file = self.file.strip_prefix(&cwd).unwrap_or(&self.file).display();
        let message = self.message.render(locale);
        format!("{file}:{}:{}: {message}", self.line, self.column)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}

/// The file as written: each value kept with its span, checked after TOML has parsed it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Written {
    kubernetes_version: Option<Spanned<toml::Value>>,
    locale: Option<Spanned<toml::Value>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    exclude: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pod_template: Vec<WrittenTemplate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenTemplate {
    #[serde(rename = "apiVersion")]
    api_version: Spanned<String>,
    kind: Spanned<String>,
    path: Spanned<String>,
}

/// Reads a configuration file's text (`file` is where it is, for positions and `exclude`).
pub fn parse(file: &Path, text: &str) -> Result<ProjectConfig, ConfigError> {
    let error =
        |span: std::ops::Range<usize>, message: Message| ConfigError::at(file, text, span, message);
    let written: Written = toml::from_str(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        error(span.clone(), serde_message(err.message(), &text[span]))
    })?;
    let string = |value: &Spanned<toml::Value>, key: &str| match value.get_ref() {
        toml::Value::String(s) => Ok(s.clone()),
        _ => Err(error(
            value.span(),
            msg::not_a_string(key, text[value.span()].trim()),
        )),
    };
    let kubernetes = match &written.kubernetes_version {
        Some(value) => {
            let text = string(value, "kubernetes-version")?;
            Some(KubernetesVersion::parse(&text).map_err(|e| error(value.span(), e.message()))?)
        }
        None => None,
    };
    let locale = match &written.locale {
        Some(value) => {
            let tag = string(value, "locale")?;
            Some(
                Locale::parse_strict(&tag)
                    .ok_or_else(|| error(value.span(), cli::unknown_locale(&tag)))?,
            )
        }
        None => None,
    };
    let mut rules = Vec::new();
    for (name, value) in &written.rules {
        let code = Code::from_name(name.get_ref()).ok_or_else(|| {
            let hint = Code::hint_for(name.get_ref());
            error(name.span(), msg::unknown_code(name.get_ref(), hint))
        })?;
        if !RuleSettings::configurable(code) {
            return Err(error(name.span(), msg::not_configurable(code)));
        }
        let level_name = string(value, name.get_ref())?;
        let level = Level::from_name(&level_name).ok_or_else(|| {
            let allowed = one_of(Level::NAMES);
            error(value.span(), msg::unknown_severity(&level_name, allowed))
        })?;
        rules.push((code, level));
    }
    let exclude = match &written.exclude {
        Some(patterns) => Some(exclude(file, patterns, &error)?),
        None => None,
    };
    let pod_templates = written
        .pod_template
        .iter()
        .map(|entry| pod_template(entry, &error))
        .collect::<Result<_, _>>()?;
    Ok(ProjectConfig {
        file: file.to_path_buf(),
        kubernetes,
        locale,
        rules,
        exclude,
        pod_templates,
    })
}

/// serde's and the TOML parser's English (`unknown field `x`, expected one of ...`) as podls' messages;
/// `written` is the text the error is about.
fn serde_message(message: &str, written: &str) -> Message {
    let message = message.trim_end().replace('\n', " ");
    let quoted = |rest: &str| rest.split('`').nth(1).map(str::to_owned);
    if let Some(key) = message.strip_prefix("unknown field ").and_then(quoted) {
        let known: Vec<String> = message
            .split_once("expected ")
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        return msg::unknown_key(key, one_of(known));
    }
    if let Some(key) = message.strip_prefix("missing field ").and_then(quoted) {
        return msg::missing_key(key);
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return msg::bad_value(format!("`{}`: {message}", written.trim()));
    }
    msg::bad_toml(message)
}

type ErrorAt<'a> = dyn Fn(std::ops::Range<usize>, Message) -> ConfigError + 'a;

/// `exclude`: gitignore patterns relative to the configuration file's directory.
fn exclude(
    file: &Path,
    patterns: &Spanned<Vec<Spanned<String>>>,
    error: &ErrorAt,
) -> Result<ignore::gitignore::Gitignore, ConfigError> {
    let dir = super::absolute(file);
    let dir = dir.parent().unwrap_or(Path::new("/"));
    let mut builder = ignore::gitignore::GitignoreBuilder::new(dir);
    for pattern in patterns.get_ref() {
        builder
            .add_line(None, pattern.get_ref())
            .map_err(|err| error(pattern.span(), msg::bad_pattern(err)))?;
    }
    builder
        .build()
        .map_err(|err| error(patterns.span(), msg::bad_pattern(err)))
}

fn pod_template(entry: &WrittenTemplate, error: &ErrorAt) -> Result<PodTemplate, ConfigError> {
    let api_version = entry.api_version.get_ref().trim();
    if api_version.is_empty() || api_version.contains(char::is_whitespace) {
        return Err(error(entry.api_version.span(), msg::bad_api_version()));
    }
    let kind = entry.kind.get_ref().trim();
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(error(entry.kind.span(), msg::bad_kind()));
    }
    let path: Vec<String> = entry.path.get_ref().split('.').map(str::to_owned).collect();
    if path
        .iter()
        .any(|key| key.trim().is_empty() || key.contains(['[', ']']))
    {
        return Err(error(entry.path.span(), msg::bad_path()));
    }
    Ok(PodTemplate {
        api_version: api_version.to_owned(),
        kind: kind.to_owned(),
        path,
    })
}
