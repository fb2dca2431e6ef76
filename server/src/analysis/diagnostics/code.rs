//! The closed list of diagnostic codes: every code podls reports, with its stable kebab-case name (what
//! LSP clients, `podls check` and SARIF show, and what users filter on) and a one-line description. Adding
//! a rule with a new code starts here; renaming a code breaks users' filters, so names never change.

use std::fmt;

use crate::analysis::suggest::closest;
use crate::messages::{Message, config as msg};

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $summary:literal;)*) => {
        /// A diagnostic's code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of this list (syntax first, then the field checks, then the rules).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable kebab-case name: `unknown-field`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// One line saying what the code reports.
            pub const fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    YamlSyntax = "yaml-syntax", "The YAML does not parse.";
    YamlLenient = "yaml-lenient", "YAML that parses only because Kubernetes' Go YAML reader is lenient.";
    DuplicateKey = "duplicate-key", "A key written twice in one mapping.";
    UnknownField = "unknown-field", "A field the Pod schema does not have at that place.";
    TypeMismatch = "type-mismatch", "A value of the wrong type or shape for its field.";
    InvalidEnum = "invalid-enum", "A value outside the closed list the API server accepts.";
    InvalidName = "invalid-name", "A name or key that breaks the format the API server enforces.";
    OutOfRange = "out-of-range", "A number or count outside the bounds the API server accepts.";
    InvalidQuantity = "invalid-quantity", "A resource quantity the API server cannot parse or rejects.";
    SuspiciousQuantity = "suspicious-quantity", "A valid quantity that almost certainly means something else (memory in milli-bytes).";
    MissingRequired = "missing-required", "A field the API server requires is absent or empty.";
    InvalidPath = "invalid-path", "A file path that is absolute where it must be relative, or climbs out with `..`.";
    DeprecatedField = "deprecated-field", "A field that still works but is deprecated.";
    Yaml11Boolean = "yaml11-boolean", "A word such as `yes` or `on` that kubectl reads as a boolean (YAML 1.1).";
    StatusField = "status-field", "A `status` in a manifest, which the cluster writes and ignores on create.";
    ImageLatest = "image-latest", "An image without a tag or with `latest`: which version runs can change at any pull.";
    DuplicateEnv = "duplicate-env", "An environment variable set twice in one container (the last one wins).";
    DuplicateName = "duplicate-name", "A name that must be unique is used twice.";
    UnresolvedReference = "unresolved-reference", "A reference to a volume, port or container the Pod does not declare.";
    ConflictingFields = "conflicting-fields", "Fields that cannot be set together, or a one-of with none or several set.";
    AlphaFeature = "alpha-feature", "A value the API server rejects unless an alpha feature gate is on.";
    WrongApiVersion = "wrong-api-version", "A known kind under an apiVersion that does not serve it (`apps/v1` with `kind: Pod`).";
    RemovedApiVersion = "removed-api-version", "A kind under an apiVersion Kubernetes no longer serves (`extensions/v1beta1` Deployments).";
    UnknownKind = "unknown-kind", "A `kind` that misspells a known one (`Deploymnet`, `pod`).";
    SystemField = "system-field", "A metadata field the cluster sets (`uid`, `creationTimestamp`, `resourceVersion`, ...): reset or ignored on create.";
    ForbiddenField = "forbidden-field", "A field the API server rejects in this place (a Deployment template's activeDeadlineSeconds, a CronJob job template's selector).";
    SelectorMismatch = "selector-mismatch", "A workload selector that is empty or does not select the labels of its own pod template.";
    InvalidValue = "invalid-value", "A value in a form the API server cannot read (a percentage, a list of indexes, exit codes out of order).";
    InvalidSchedule = "invalid-schedule", "A CronJob schedule the cron controller cannot parse.";
    UnknownTimeZone = "unknown-time-zone", "A CronJob time zone that is not a name of the IANA time zone database.";
    UnusedSuppression = "unused-suppression", "A `# podls-ignore` comment that suppresses nothing or names an unknown code (so suppressions do not outlive their reason).";
}

impl Code {
    /// The code with this kebab-case name.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == name)
    }

    /// What follows "unknown code `x`" wherever users name codes (`podls.toml`, `--select`, suppression
    /// comments): `; did you mean `image-latest`?`, else where the codes are listed.
    pub fn hint_for(written: &str) -> Message {
        match closest(written, Code::ALL.iter().map(|c| c.as_str())) {
            Some(code) => msg::did_you_mean(code),
            None => msg::see_rules(),
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        for (i, code) in Code::ALL.iter().enumerate() {
            let name = code.as_str();
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name}"
            );
            assert_eq!(Code::from_name(name), Some(*code));
            assert!(!code.summary().is_empty());
            assert!(Code::ALL[..i].iter().all(|other| other.as_str() != name));
        }
        assert_eq!(Code::from_name("no-such-code"), None);
    }
}
