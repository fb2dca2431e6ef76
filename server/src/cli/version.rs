//! `podls --version`: the version, the commit it was built from and the Kubernetes versions of the embedded
//! field table, so that a bug report says exactly what ran.

use crate::analysis::KubernetesVersion;
use crate::schema::Schema;

/// Set by `build.rs`: `git rev-parse` in a checkout, `.cargo_vcs_info.json` in a published crate.
const COMMIT: &str = env!("PODLS_COMMIT");

/// The oldest schema the generator compares with: `since` is written only for fields added after it
/// (`schema/tools/gen_fields.py`).
const OLDEST_TABLE_VERSION: (u32, u32) = (1, 25);

/// What `podls --version` prints after `podls `.
pub fn long_version() -> String {
    let newest = Schema::embedded()
        .types()
        .flat_map(|ty| &ty.fields)
        .filter_map(|field| minor_version(field.since.as_deref()?))
        .max()
        .unwrap_or(OLDEST_TABLE_VERSION);
    let (oldest, default) = (OLDEST_TABLE_VERSION, KubernetesVersion::DEFAULT);
    format!(
        "{}\ncommit: {COMMIT}\nKubernetes: field table of {}.{} to {}.{}, checked against {default} by default",
        env!("CARGO_PKG_VERSION"),
        oldest.0,
        oldest.1,
        newest.0,
        newest.1,
    )
}

/// `"1.33"` → `(1, 33)`.
fn minor_version(text: &str) -> Option<(u32, u32)> {
    let (major, minor) = text.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_the_commit_and_the_newest_kubernetes_of_the_table() {
        let text = long_version();
        assert!(text.starts_with(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(text.contains("\ncommit: "), "{text}");
        // The table has fields added in 1.37 (its newest schema), so that is its upper end.
        assert!(text.contains("field table of 1.25 to 1.37"), "{text}");
        assert_eq!(minor_version("1.9"), Some((1, 9)));
        assert_eq!(minor_version("x"), None);
    }
}
