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
use crate::schema::Locale;
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
    pub message: String,
}

impl ConfigError {
    pub fn at_start(file: &Path, message: String) -> ConfigError {
        ConfigError {
            file: file.to_path_buf(),
            range: TextRange::empty(0),
            line: 1,
            column: 1,
            message,
        }
    }

    fn at(file: &Path, text: &str, range: std::ops::Range<usize>, message: String) -> ConfigError {
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

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Relative to the working directory when below it, as the checked files are printed.
        let cwd = std::env::current_dir().unwrap_or_default();
        let file = self.file.strip_prefix(&cwd).unwrap_or(&self.file).display();
        write!(f, "{file}:{}:{}: {}", self.line, self.column, self.message)
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
        |span: std::ops::Range<usize>, message: String| ConfigError::at(file, text, span, message);
    let written: Written = toml::from_str(text).map_err(|err| {
        let message = err.message().trim_end().replace('\n', " ");
        error(err.span().unwrap_or(0..0), unknown_key_help(message))
    })?;
    let string = |value: &Spanned<toml::Value>, key: &str| match value.get_ref() {
        toml::Value::String(s) => Ok(s.clone()),
        other => Err(error(
            value.span(),
            format!(
                "`{key}` takes a string (in quotes), not {}",
                describe(other)
            ),
        )),
    };
    let kubernetes = match &written.kubernetes_version {
        Some(value) => {
            let text = string(value, "kubernetes-version")?;
            Some(KubernetesVersion::parse(&text).map_err(|message| error(value.span(), message))?)
        }
        None => None,
    };
    let locale = match &written.locale {
        Some(value) => {
            let tag = string(value, "locale")?;
            Some(Locale::parse_strict(&tag).ok_or_else(|| {
                error(
                    value.span(),
                    format!("unknown locale `{tag}`: podls speaks `en` and `zh-cn`"),
                )
            })?)
        }
        None => None,
    };
    let mut rules = Vec::new();
    for (name, value) in &written.rules {
        let code = Code::from_name(name.get_ref()).ok_or_else(|| {
            let hint =
                crate::analysis::closest(name.get_ref(), Code::ALL.iter().map(|c| c.as_str()))
                    .map(|c| format!(": did you mean `{c}`?"))
                    .unwrap_or_else(|| ": `podls rules` lists them".to_owned());
            error(
                name.span(),
                format!("unknown code `{}`{hint}", name.get_ref()),
            )
        })?;
        if !RuleSettings::configurable(code) {
            return Err(error(
                name.span(),
                format!(
                    "`{code}` cannot be configured: a file that does not parse is not checked at all"
                ),
            ));
        }
        let level_name = string(value, name.get_ref())?;
        let level = Level::from_name(&level_name).ok_or_else(|| {
            error(
                value.span(),
                format!(
                    "unknown severity `{level_name}`: one of {}",
                    Level::NAMES.map(|n| format!("`{n}`")).join(", ")
                ),
            )
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

/// serde's "unknown field `x`, expected one of ..." in podls' words.
fn unknown_key_help(message: String) -> String {
    match message.strip_prefix("unknown field ") {
        Some(rest) => format!("unknown key {rest}"),
        None => message,
    }
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::Float(f) => format!("the number {f} (write a version as `\"1.33\"`)"),
        toml::Value::Integer(i) => format!("the number {i}"),
        toml::Value::Boolean(b) => format!("`{b}`"),
        toml::Value::Array(_) => "a list".to_owned(),
        toml::Value::Table(_) => "a table".to_owned(),
        toml::Value::Datetime(_) => "a date".to_owned(),
        toml::Value::String(s) => format!("\"{s}\""),
    }
}

type ErrorAt<'a> = dyn Fn(std::ops::Range<usize>, String) -> ConfigError + 'a;

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
            .map_err(|err| error(pattern.span(), format!("bad exclude pattern: {err}")))?;
    }
    builder
        .build()
        .map_err(|err| error(patterns.span(), format!("bad exclude patterns: {err}")))
}

fn pod_template(entry: &WrittenTemplate, error: &ErrorAt) -> Result<PodTemplate, ConfigError> {
    let api_version = entry.api_version.get_ref().trim();
    if api_version.is_empty() || api_version.contains(char::is_whitespace) {
        return Err(error(
            entry.api_version.span(),
            "`apiVersion` is the custom resource's `group/version`, such as `argoproj.io/v1alpha1`"
                .to_owned(),
        ));
    }
    let kind = entry.kind.get_ref().trim();
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(error(
            entry.kind.span(),
            "`kind` is the custom resource's kind, such as `Rollout`".to_owned(),
        ));
    }
    let path: Vec<String> = entry.path.get_ref().split('.').map(str::to_owned).collect();
    if path
        .iter()
        .any(|key| key.trim().is_empty() || key.contains(['[', ']']))
    {
        return Err(error(
            entry.path.span(),
            "`path` is the keys from the object's root to the pod template, joined by dots, such as `spec.template`".to_owned(),
        ));
    }
    Ok(PodTemplate {
        api_version: api_version.to_owned(),
        kind: kind.to_owned(),
        path,
    })
}
