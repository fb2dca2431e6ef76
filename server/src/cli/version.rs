//! `podls --version`: the version, the commit it was built from and the Kubernetes versions of the embedded
//! field table, so that a bug report says exactly what ran.

use crate::analysis::KubernetesVersion;

/// Set by `build.rs`: `git rev-parse` in a checkout, `.cargo_vcs_info.json` in a published crate.
const COMMIT: &str = env!("PODLS_COMMIT");

/// What `podls --version` prints after `podls `.
pub fn long_version() -> String {
    format!(
        "{}\ncommit: {COMMIT}\nKubernetes: field table of {}, checked against {} by default",
        env!("CARGO_PKG_VERSION"),
        KubernetesVersion::range(),
        KubernetesVersion::DEFAULT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_the_commit_and_the_kubernetes_versions_of_the_table() {
        let text = long_version();
        assert!(text.starts_with(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(text.contains("\ncommit: "), "{text}");
        // The supported range is the table's `versions` (analysis::inputs tests keep the two equal).
        assert!(
            text.contains("field table of 1.25 to 1.37, checked against 1.37 by default"),
            "{text}"
        );
    }
}
