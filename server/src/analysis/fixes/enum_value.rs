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

/// The `imagePullPolicy` the API server fills in for `image` (`SetDefaults_Container`,
/// pkg/apis/core/v1/defaults.go, reading the tag with `parsers.ParseImageName`): `Always` when the tag is
/// `latest`, or when there is neither tag nor digest (which means `latest`); `IfNotPresent` for any other
/// tag, a digest alone, or an image that does not parse as a reference (the error is ignored there).
pub(crate) fn pull_policy_default(image: &str) -> &'static str {
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, Some(digest)),
        None => (image, None),
    };
    // A tag follows the last `:` after the last `/` (a registry's `host:port/` is not a tag).
    let last = name.rsplit('/').next().unwrap_or(name);
    let (repository, tag) = match last.rsplit_once(':') {
        Some((_, tag)) => (&name[..name.len() - tag.len() - 1], Some(tag)),
        None => (name, None),
    };
    if !reference_parses(repository, tag, digest) {
        return "IfNotPresent";
    }
    match (tag, digest) {
        (Some("latest"), _) | (None, None) => "Always",
        _ => "IfNotPresent",
    }
}

/// Whether an image reference parses as the distribution reference grammar reads it: path components of
/// lowercase letters, digits and `._-` (the registry host may have capitals and a port), a tag of word
/// characters, `.` and `-` up to 128, a digest `algorithm:hex`.
fn reference_parses(repository: &str, tag: Option<&str>, digest: Option<&str>) -> bool {
    let mut components: Vec<&str> = repository.split('/').collect();
    let host = components.len() > 1
        && (components[0].contains(['.', ':'])
            || components[0] == "localhost"
            || components[0].chars().any(|c| c.is_ascii_uppercase()));
    if host {
        let host = components.remove(0);
        if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        {
            return false;
        }
    }
    let component_ok = |c: &str| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "._-".contains(ch))
            && c.starts_with(|ch: char| ch.is_ascii_alphanumeric())
            && c.ends_with(|ch: char| ch.is_ascii_alphanumeric())
    };
    let tag_ok = tag.is_none_or(|t| {
        !t.is_empty()
            && t.len() <= 128
            && t.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
    });
    let digest_ok = digest.is_none_or(|d| {
        d.split_once(':').is_some_and(|(algorithm, hex)| {
            !algorithm.is_empty() && hex.len() >= 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
        })
    });
    !components.is_empty() && components.iter().all(|c| component_ok(c)) && tag_ok && digest_ok
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
        assert_eq!(pull_policy_default("localhost:5000/team/app"), "Always");
        assert_eq!(
            pull_policy_default("registry.example.com:5000/app:2"),
            "IfNotPresent"
        );
        let digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        // A digest alone pins the image; a tag beside it still decides (`:latest@sha256:…` is Always).
        assert_eq!(
            pull_policy_default(&format!("nginx@{digest}")),
            "IfNotPresent"
        );
        assert_eq!(
            pull_policy_default(&format!("nginx:latest@{digest}")),
            "Always"
        );
        assert_eq!(
            pull_policy_default(&format!("nginx:1.27@{digest}")),
            "IfNotPresent"
        );
        // What does not parse as a reference gets IfNotPresent: the defaulting ignores the error.
        assert_eq!(pull_policy_default("Nginx"), "IfNotPresent");
        assert_eq!(pull_policy_default(""), "IfNotPresent");
        assert_eq!(pull_policy_default("nginx:"), "IfNotPresent");
        assert_eq!(pull_policy_default("registry:5000/team/app"), "Always");
        assert_eq!(
            pull_policy_default("registry:5000/team/app:v2"),
            "IfNotPresent"
        );
        assert_eq!(pull_policy_default("nginx@sha256:abc"), "IfNotPresent");
    }
}
