//! What an analysis depends on besides the text: the field table, the language of docs, the Kubernetes
//! version checked against and the rule settings. The language server and the CLI build one `Inputs` and
//! pass it to hover, completion, diagnostics, fixes and explain; nothing in `analysis` picks its own.

use std::sync::Arc;

use super::diagnostics::{Code, Severity};
use crate::analysis::file_role::FileRole;
use crate::messages::{Message, versions as msg};
use crate::schema::{Locale, Schema};

/// A Kubernetes minor version, `1.35`: the cluster a manifest is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KubernetesVersion {
    pub major: u32,
    pub minor: u32,
}

impl KubernetesVersion {
    /// The oldest version the field table describes (its `versions`; `schema` tests keep the two equal).
    pub const OLDEST: KubernetesVersion = KubernetesVersion::release(25);
    /// The newest version the field table describes.
    pub const NEWEST: KubernetesVersion = KubernetesVersion::release(37);
    /// What podls checks against when nobody chose: the newest version in the table.
    pub const DEFAULT: KubernetesVersion = KubernetesVersion::NEWEST;

    /// Kubernetes 1.`minor`.
    pub const fn release(minor: u32) -> KubernetesVersion {
        KubernetesVersion { major: 1, minor }
    }

    /// Reads a version as people write it — `1.33`, `v1.33`, `1.33.2` (the patch does not matter to the
    /// API), with spaces around — and refuses one outside the supported range with a message that lists it.
    pub fn parse(text: &str) -> Result<KubernetesVersion, VersionError> {
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix(['v', 'V']).unwrap_or(trimmed);
        let mut parts = digits.split('.');
        let number = |part: Option<&str>| {
            part.filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (Some(major), Some(minor)) = (number(parts.next()), number(parts.next())) else {
            return Err(VersionError::Malformed(trimmed.to_string()));
        };
        match parts.next() {
            None => {}
            Some(patch) if number(Some(patch)).is_some() && parts.next().is_none() => {}
            Some(_) => return Err(VersionError::Malformed(trimmed.to_string())),
        }
        let version = KubernetesVersion { major, minor };
        if (KubernetesVersion::OLDEST..=KubernetesVersion::NEWEST).contains(&version) {
            Ok(version)
        } else {
            Err(VersionError::Unsupported(version))
        }
    }

    /// Every supported version, oldest first.
    pub fn supported() -> impl Iterator<Item = KubernetesVersion> {
        (KubernetesVersion::OLDEST.minor..=KubernetesVersion::NEWEST.minor)
            .map(KubernetesVersion::release)
    }

    /// The supported range as people read it: `1.25 to 1.37`.
    pub fn range() -> String {
        format!(
            "{} to {}",
            KubernetesVersion::OLDEST,
            KubernetesVersion::NEWEST
        )
    }
}

/// Why a Kubernetes version was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
    /// Not a version at all (`latest`, `1`, `1.x`).
    Malformed(String),
    /// A version podls has no field table for.
    Unsupported(KubernetesVersion),
}

impl VersionError {
    /// The refusal in words, with the supported range, for any language (`podls.toml`'s errors, the editor).
    pub fn message(&self) -> Message {
        let (oldest, newest) = (KubernetesVersion::OLDEST, KubernetesVersion::NEWEST);
        match self {
            VersionError::Malformed(text) => msg::not_a_version(text, oldest, newest),
            VersionError::Unsupported(version) => {
                msg::unsupported_version(version, oldest, newest, KubernetesVersion::DEFAULT)
            }
        }
    }
}

/// In English, as the command line's argument errors are.
impl std::fmt::Display for VersionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Locale::En))
    }
}

impl std::error::Error for VersionError {}

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
    /// The Kubernetes version checked against: what diagnostics, hover, completion and explain follow.
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

    /// The same inputs checked against another Kubernetes version.
    pub fn with_kubernetes(mut self, kubernetes: KubernetesVersion) -> Inputs {
        self.kubernetes = kubernetes;
        self
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_as_people_write_them() {
        let v = KubernetesVersion::release;
        assert_eq!(KubernetesVersion::parse("1.33"), Ok(v(33)));
        assert_eq!(KubernetesVersion::parse(" v1.30 "), Ok(v(30)));
        assert_eq!(KubernetesVersion::parse("1.25.4"), Ok(v(25)));
        assert_eq!(
            KubernetesVersion::parse("1.37"),
            Ok(KubernetesVersion::NEWEST)
        );
        for bad in [
            "",
            "latest",
            "1",
            "1.",
            "1.x",
            "1.33.",
            "1.33.1.2",
            "1.-3",
            "one.two",
            "1.33 beta",
        ] {
            assert!(
                matches!(
                    KubernetesVersion::parse(bad),
                    Err(VersionError::Malformed(_))
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn versions_outside_the_table_are_refused_with_the_range() {
        for outside in ["1.24", "1.38", "2.30", "0.30", "1.99999999999"] {
            let error = KubernetesVersion::parse(outside).unwrap_err();
            let message = error.to_string();
            assert!(message.contains("1.25 to 1.37"), "{outside}: {message}");
        }
        assert_eq!(
            KubernetesVersion::parse("1.24").unwrap_err().to_string(),
            "Kubernetes 1.24 is not supported; podls knows 1.25 to 1.37 (default 1.37)"
        );
        assert_eq!(
            KubernetesVersion::parse("latest").unwrap_err().to_string(),
            "`latest` is not a Kubernetes version; write it as 1.N, one of 1.25 to 1.37"
        );
    }

    #[test]
    fn the_supported_range_is_the_tables() {
        let table: Vec<u32> = Schema::embedded().versions().to_vec();
        let supported: Vec<u32> = KubernetesVersion::supported().map(|v| v.minor).collect();
        assert_eq!(table, supported);
        assert_eq!(KubernetesVersion::DEFAULT, KubernetesVersion::NEWEST);
    }
}
