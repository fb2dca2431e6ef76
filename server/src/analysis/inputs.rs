//! What an analysis depends on besides the text: the field table, the language of docs, the Kubernetes
//! version checked against and the rule settings. The language server and the CLI build one `Inputs` and
//! pass it to hover, completion, diagnostics, fixes and explain; nothing in `analysis` picks its own.

use std::sync::Arc;

use super::diagnostics::{Code, Severity};
use crate::analysis::file_role::FileRole;
use crate::messages::{Message, config as msg};
use crate::schema::{Locale, Schema};

/// A Kubernetes minor version, `1.35`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KubernetesVersion {
    pub major: u32,
    pub minor: u32,
}

impl KubernetesVersion {
    /// The version whose API server rules podls follows (`pkg/apis/core/validation` of v1.35) and whose
    /// fields the table lists.
    pub const DEFAULT: KubernetesVersion = KubernetesVersion {
        major: 1,
        minor: 35,
    };

    /// The oldest and newest versions podls can check against.
    pub const OLDEST: KubernetesVersion = KubernetesVersion {
        major: 1,
        minor: 25,
    };
    pub const NEWEST: KubernetesVersion = KubernetesVersion {
        major: 1,
        minor: 37,
    };

    /// A version as users write it: `1.33`, `v1.33` or `1.33.2` (the patch is ignored: rules change only
    /// between minors). Else why not, in a sentence.
    pub fn parse(text: &str) -> Result<KubernetesVersion, Message> {
        let written = text.trim();
        let digits = written.strip_prefix('v').unwrap_or(written);
        let mut parts = digits.split('.');
        let number = |part: Option<&str>| {
            part.filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (major, minor) = (number(parts.next()), number(parts.next()));
        let patch_ok =
            parts.next().is_none_or(|p| number(Some(p)).is_some()) && parts.next().is_none();
        let range = format!(
            "{}–{}",
            KubernetesVersion::OLDEST,
            KubernetesVersion::NEWEST
        );
        let (Some(major), Some(minor), true) = (major, minor, patch_ok) else {
            return Err(msg::not_a_version(
                written,
                KubernetesVersion::DEFAULT,
                range,
            ));
        };
        let version = KubernetesVersion { major, minor };
        if version < KubernetesVersion::OLDEST || version > KubernetesVersion::NEWEST {
            return Err(msg::unsupported_version(version, range));
        }
        Ok(version)
    }
}

impl std::fmt::Display for KubernetesVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// What a project makes of a code: its own severity, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    /// The names of `podls.toml`'s `[rules]` values.
    pub const NAMES: [&'static str; 5] = ["error", "warning", "information", "hint", "off"];

    pub fn from_name(name: &str) -> Option<Level> {
        Some(match name {
            "error" => Level::On(Severity::Error),
            "warning" => Level::On(Severity::Warning),
            "information" => Level::On(Severity::Information),
            "hint" => Level::On(Severity::Hint),
            "off" => Level::Off,
            _ => return None,
        })
    }
}

/// Per-project rule settings: a level per code (from `podls.toml`'s `[rules]`), and for one-off runs the
/// codes selected (`--select`: only these) and ignored (`--ignore`). Syntax errors are always reported: a
/// file that does not parse is not checked any further, so hiding them would hide everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleSettings {
    levels: Vec<(Code, Level)>,
    selected: Option<Vec<Code>>,
}

impl RuleSettings {
    /// Sets `code`'s level, replacing an earlier one (the last setting wins: the editor's over the file's).
    pub fn set(&mut self, code: Code, level: Level) {
        self.levels.retain(|(c, _)| *c != code);
        self.levels.push((code, level));
    }

    /// Reports only these codes (and syntax errors).
    pub fn select(&mut self, codes: &[Code]) {
        self.selected = Some(codes.to_vec());
    }

    /// The severity a diagnostic of `code` is reported at (`default` is the rule's own), or `None` when the
    /// project turned it off.
    pub fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        if code == Code::YamlSyntax {
            return Some(default);
        }
        if self.selected.as_ref().is_some_and(|s| !s.contains(&code)) {
            return None;
        }
        match self.levels.iter().find(|(c, _)| *c == code) {
            Some((_, Level::Off)) => None,
            Some((_, Level::On(severity))) => Some(*severity),
            None => Some(default),
        }
    }

    /// Whether a code can be turned off or given another severity (`yaml-syntax` cannot).
    pub fn configurable(code: Code) -> bool {
        code != Code::YamlSyntax
    }
}

/// Where a custom resource keeps a pod template, from `podls.toml`'s `[[pod-template]]`: an Argo Rollout's
/// `spec.template`. The object there gets the Pod's hover, completion and diagnostics.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PodTemplate {
    pub api_version: String,
    pub kind: String,
    /// Keys from the object's root to the pod template (`["spec", "template"]`).
    pub path: Vec<String>,
}

#[derive(Clone)]
pub struct Inputs {
    pub schema: &'static Schema,
    /// The language of every message, hover, completion docs and `explain`.
    pub locale: Locale,
    /// Only one version is known today; the versions issue lets users pick one.
    pub kubernetes: KubernetesVersion,
    pub rules: RuleSettings,
    /// Custom resources that hold a pod template, beside the kinds podls knows.
    pub pod_templates: Arc<[PodTemplate]>,
    /// What the file is to its project (a chart's template, a kustomize patch): `analysis::FileRoles`.
    pub role: FileRole,
}

impl Inputs {
    /// The embedded field table with everything else at its default, in `locale`.
    pub fn new(locale: Locale) -> Inputs {
        Inputs {
            schema: Schema::embedded(),
            locale,
            kubernetes: KubernetesVersion::DEFAULT,
            rules: RuleSettings::default(),
            pod_templates: Arc::new([]),
            role: FileRole::Manifest,
        }
    }

    /// Whether diagnostics computed with `other` hold for these inputs too: their messages and fix titles
    /// are rendered in the locale, so another language computes them afresh.
    pub fn same_diagnostics(&self, other: &Inputs) -> bool {
        std::ptr::eq(self.schema, other.schema)
            && self.locale == other.locale
            && self.kubernetes == other.kubernetes
            && self.rules == other.rules
            && self.pod_templates == other.pod_templates
            && self.role == other.role
    }
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("locale", &self.locale)
            .field("kubernetes", &self.kubernetes)
            .field("rules", &self.rules)
            .field("pod_templates", &self.pod_templates)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs::new(Locale::default())
    }
}
