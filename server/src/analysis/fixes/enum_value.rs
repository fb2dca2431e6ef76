//! "Change to `IfNotPresent`": a value outside an enum, replaced with each allowed value — the near typo
//! first when there is one, then the value Kubernetes would default to, then the others by likeness.

use super::Proposal;
use super::edit::requote;
use super::rename::distance;
use crate::analysis::suggest::closest;
use crate::messages::{Locale, fixes};
use crate::syntax::TextRange;

/// More choices than this are a list to read, not a quick fix: the closest ones are offered.
const MAX_CHOICES: usize = 10;

/// The fixes for an invalid enum value. `written` is the value's source (quotes kept in the fix), `default`
/// the value the API server would fill in (preferred unless the value is a near typo of another).
pub(crate) fn enum_choices(
    locale: Locale,
    written: &str,
    range: TextRange,
    allowed: &[String],
    default: Option<&str>,
) -> Vec<Proposal> {
    let value = written.trim_matches(['"', '\'']);
    let candidates = allowed
        .iter()
        .map(String::as_str)
        .filter(|v| !v.is_empty() && *v != value);
    let typo = closest(value, candidates.clone());
    let default = default.filter(|d| allowed.iter().any(|a| a == d) && *d != value);
    let mut ordered: Vec<&str> = typo.into_iter().chain(default).collect();
    let mut rest: Vec<&str> = candidates.filter(|c| !ordered.contains(c)).collect();
    rest.sort_by_key(|c| distance(value, c));
    ordered.dedup();
    ordered.extend(rest);
    ordered.truncate(MAX_CHOICES);
    ordered
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let preferred = i == 0 && (typo.is_some() || default.is_some());
            Proposal::replace(
                fixes::change_to(choice).render(locale),
                range,
                requote(written, choice),
                preferred,
            )
        })
        .collect()
}

/// The `imagePullPolicy` the API server fills in for `image`: `Always` for `:latest` or an image with
/// neither tag nor digest, else `IfNotPresent` (`SetDefaults_Container`, pkg/apis/core/v1/defaults.go).
pub(crate) fn pull_policy_default(image: &str) -> &'static str {
    let image = image.trim();
    if image.contains('@') {
        return "IfNotPresent";
    }
    // A tag follows the last `:` after the last `/` (a registry's `host:port/` is not a tag).
    let name = image.rsplit('/').next().unwrap_or(image);
    match name.rsplit_once(':') {
        Some((_, tag)) if tag != "latest" => "IfNotPresent",
        _ => "Always",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(written: &str, allowed: &[&str], default: Option<&str>) -> Vec<String> {
        let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        let range = TextRange::new(0, written.len());
        crate::analysis::fixes::describe(&enum_choices(
            crate::messages::Locale::En,
            written,
            range,
            &allowed,
            default,
        ))
    }

    #[test]
    fn the_default_first_unless_a_typo_says_otherwise() {
        let pull = ["Always", "IfNotPresent", "Never"];
        assert_eq!(
            titles("Sometimes", &pull, Some("IfNotPresent")),
            [
                "Change to `IfNotPresent` * -> IfNotPresent",
                "Change to `Never` -> Never",
                "Change to `Always` -> Always"
            ]
        );
        assert_eq!(
            titles("'Nevr'", &pull, Some("IfNotPresent")),
            [
                "Change to `Never` * -> 'Never'",
                "Change to `IfNotPresent` -> 'IfNotPresent'",
                "Change to `Always` -> 'Always'"
            ]
        );
        // No default and no typo: every value, none preferred; the empty value is not offered.
        assert_eq!(
            titles("\"x\"", &["", "Memory", "HugePages"], None),
            [
                "Change to `Memory` -> \"Memory\"",
                "Change to `HugePages` -> \"HugePages\""
            ]
        );
        let signals: Vec<String> = (1..=40).map(|i| format!("SIG{i}")).collect();
        let signals: Vec<&str> = signals.iter().map(String::as_str).collect();
        assert_eq!(titles("SIGX", &signals, None).len(), MAX_CHOICES);
    }

    #[test]
    fn pull_policy_defaults_follow_the_tag() {
        assert_eq!(pull_policy_default("nginx"), "Always");
        assert_eq!(pull_policy_default("nginx:latest"), "Always");
        assert_eq!(pull_policy_default("nginx:1.27"), "IfNotPresent");
        assert_eq!(pull_policy_default("registry:5000/team/app"), "Always");
        assert_eq!(
            pull_policy_default("registry:5000/team/app:v2"),
            "IfNotPresent"
        );
        assert_eq!(pull_policy_default("nginx@sha256:abc"), "IfNotPresent");
    }
}
