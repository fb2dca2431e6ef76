//! What an analysis depends on besides the text: the field table, the language of docs, the Kubernetes
//! version checked against and the rule settings. The language server and the CLI build one `Inputs` and
//! pass it to hover, completion, diagnostics, fixes and explain; nothing in `analysis` picks its own.

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
}

impl std::fmt::Display for KubernetesVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Per-project rule settings. None yet: the configuration issue adds them (codes turned off, severities).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleSettings {}

#[derive(Clone)]
pub struct Inputs {
    pub schema: &'static Schema,
    /// The language of every message, hover, completion docs and `explain`.
    pub locale: Locale,
    /// Only one version is known today; the versions issue lets users pick one.
    pub kubernetes: KubernetesVersion,
    pub rules: RuleSettings,
}

impl Inputs {
    /// The embedded field table with everything else at its default, in `locale`.
    pub fn new(locale: Locale) -> Inputs {
        Inputs {
            schema: Schema::embedded(),
            locale,
            kubernetes: KubernetesVersion::DEFAULT,
            rules: RuleSettings::default(),
        }
    }

    /// Whether diagnostics computed with `other` hold for these inputs too: their messages and fix titles
    /// are rendered in the locale, so another language computes them afresh.
    pub fn same_diagnostics(&self, other: &Inputs) -> bool {
        std::ptr::eq(self.schema, other.schema)
            && self.locale == other.locale
            && self.kubernetes == other.kubernetes
            && self.rules == other.rules
    }
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("locale", &self.locale)
            .field("kubernetes", &self.kubernetes)
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs::new(Locale::default())
    }
}
