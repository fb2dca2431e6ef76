//! "Change to `http`": a reference to a name nothing declares, replaced with each name that is declared
//! (a probe's port, a volumeMount's volume, an ephemeral container's target), the closest first.

use super::Proposal;
use super::edit::requote;
use crate::messages::{Locale, fixes};
use crate::syntax::TextRange;

/// One fix per declared name, closest to what was written first (preferred when it is a near typo, or when
/// `prefer_only` and it is the only name there is). `written` is the value's source text, quotes included:
/// the new name keeps them.
pub(crate) fn rename_choices(
    locale: Locale,
    written: &str,
    range: TextRange,
    declared: &[&str],
    prefer_only: bool,
) -> Vec<Proposal> {
    let value = written.trim_matches(['"', '\'']);
    let mut names: Vec<&str> = declared
        .iter()
        .copied()
        .filter(|n| !n.is_empty() && *n != value)
        .collect();
    names.sort();
    names.dedup();
    names.sort_by_key(|n| distance(value, n));
    let typo = crate::analysis::closest(value, names.iter().copied());
    let only = prefer_only && names.len() == 1;
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            Proposal::replace(
                fixes::change_to(name).render(locale),
                range,
                requote(written, name),
                i == 0 && (only || typo == Some(name)),
            )
        })
        .collect()
}

/// Edits between two names, ignoring case (a name differing only in case is the closest there is). Past
/// [`MAX_COMPARED`] bytes, nothing is alike: the difference in length stands for the count (a megabyte-long
/// value compared edit by edit with each name took minutes).
pub(super) fn distance(a: &str, b: &str) -> usize {
    if a.eq_ignore_ascii_case(b) {
        return 0;
    }
    if a.len().max(b.len()) > MAX_COMPARED {
        return a.chars().count().abs_diff(b.chars().count()).max(1);
    }
    strsim::damerau_levenshtein(&a.to_ascii_lowercase(), &b.to_ascii_lowercase())
}

/// Longer than any Kubernetes name (253 bytes for a DNS subdomain) by far.
const MAX_COMPARED: usize = 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(written: &str, declared: &[&str]) -> Vec<String> {
        let range = TextRange::new(0, written.len());
        crate::analysis::fixes::describe(&rename_choices(
            crate::messages::Locale::En,
            written,
            range,
            declared,
            true,
        ))
    }

    #[test]
    fn closest_first_in_the_quotes_written() {
        assert_eq!(
            titles("htp", &["metrics", "http", "grpc"]),
            [
                "Change to `http` * -> http",
                "Change to `grpc` -> grpc",
                "Change to `metrics` -> metrics"
            ]
        );
        assert_eq!(
            titles("\"web\"", &["http"]),
            ["Change to `http` * -> \"http\""]
        );
        // No near typo among several: offered, none preferred.
        assert_eq!(
            titles("admin", &["http", "grpc"]),
            ["Change to `grpc` -> grpc", "Change to `http` -> http"]
        );
        assert!(titles("x", &[]).is_empty());
        assert!(titles("http", &["http"]).is_empty());
    }
}
