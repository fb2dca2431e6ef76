//! The `versions` column of EXPECT.tsv's `version` rows: what each supported Kubernetes version reports on
//! the file, as space-separated `RANGE=OUTCOME` items. RANGE is `1.25-1.34`, `1.35-` (up to the newest) or
//! `1.33`; OUTCOME is `error`, `no-error` (warnings allowed) or `warning` (no error, at least one warning),
//! optionally with the code that must be among them (`error:invalid-enum`). Every supported version is
//! covered exactly once, so a version added to the table is a failure until the rows say what it reports.

use podls::analysis::KubernetesVersion;

use super::{Findings, check};

#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    NoError,
    /// At least one error (of this code).
    Error(Option<String>),
    /// No error and at least one warning (of this code).
    Warning(Option<String>),
}

impl Expected {
    fn parse(text: &str) -> Result<Expected, String> {
        let (outcome, code) = match text.split_once(':') {
            Some((outcome, code)) if !code.is_empty() => (outcome, Some(code.to_owned())),
            Some(_) => return Err(format!("`{text}`: a code after `:`")),
            None => (text, None),
        };
        match (outcome, code) {
            ("no-error", None) => Ok(Expected::NoError),
            ("error", code) => Ok(Expected::Error(code)),
            ("warning", code) => Ok(Expected::Warning(code)),
            _ => Err(format!(
                "`{text}`: the outcome is `error`, `no-error` or `warning` (`no-error` takes no code)"
            )),
        }
    }

    pub fn holds(&self, found: &Findings) -> bool {
        let has = |findings: &[super::Finding], code: &Option<String>| {
            !findings.is_empty()
                && code
                    .as_ref()
                    .is_none_or(|code| findings.iter().any(|f| &f.code == code))
        };
        match self {
            Expected::NoError => found.errors.is_empty(),
            Expected::Error(code) => has(&found.errors, code),
            Expected::Warning(code) => found.errors.is_empty() && has(&found.warnings, code),
        }
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (outcome, code) = match self {
            Expected::NoError => ("no-error", None),
            Expected::Error(code) => ("error", code.as_deref()),
            Expected::Warning(code) => ("warning", code.as_deref()),
        };
        match code {
            Some(code) => write!(f, "{outcome}:{code}"),
            None => f.write_str(outcome),
        }
    }
}

/// A row's expectation for every supported version.
#[derive(Debug)]
pub struct VersionExpectations(Vec<(KubernetesVersion, Expected)>);

impl VersionExpectations {
    pub fn parse(text: &str) -> Result<VersionExpectations, String> {
        let supported: Vec<KubernetesVersion> = KubernetesVersion::supported().collect();
        let version =
            |text: &str| KubernetesVersion::parse(text).map_err(|e| format!("`{text}`: {e}"));
        let mut each: Vec<(KubernetesVersion, Expected)> = Vec::new();
        for item in text.split_whitespace() {
            let (range, outcome) = item
                .split_once('=')
                .ok_or_else(|| format!("`{item}` is not RANGE=OUTCOME"))?;
            let expected = Expected::parse(outcome)?;
            let (first, last) = match range.split_once('-') {
                Some((first, "")) => (version(first)?, KubernetesVersion::NEWEST),
                Some((first, last)) => (version(first)?, version(last)?),
                None => (version(range)?, version(range)?),
            };
            if first > last {
                return Err(format!("`{range}` ends before it starts"));
            }
            for &v in supported.iter().filter(|v| (first..=last).contains(*v)) {
                if each.iter().any(|(seen, _)| *seen == v) {
                    return Err(format!("{v} is given twice"));
                }
                each.push((v, expected.clone()));
            }
        }
        let missing: Vec<String> = supported
            .iter()
            .filter(|v| !each.iter().any(|(seen, _)| seen == *v))
            .map(ToString::to_string)
            .collect();
        if !missing.is_empty() {
            return Err(format!("no expectation for {}", missing.join(", ")));
        }
        each.sort_by_key(|(v, _)| *v);
        Ok(VersionExpectations(each))
    }

    fn at(&self, version: KubernetesVersion) -> &Expected {
        &self.0.iter().find(|(v, _)| *v == version).unwrap().1
    }
}

/// Checks the rows' files under every supported version; the disagreements as a table (empty: none).
pub fn mismatches(rows: &[(&str, &VersionExpectations)]) -> String {
    let files: Vec<&str> = rows.iter().map(|(file, _)| *file).collect();
    let mut table = String::new();
    for version in KubernetesVersion::supported() {
        let target = version.to_string();
        let mut found = check(&["--kubernetes-version", &target], &files);
        for (file, expectations) in rows {
            let expected = expectations.at(version);
            let findings = found.remove(*file).unwrap_or_default();
            if !expected.holds(&findings) {
                table.push_str(&format!(
                    "  {file} under {target}\n    expected {expected}\n    found: {}\n",
                    findings.describe()
                ));
            }
        }
    }
    table
}

#[test]
fn the_versions_column_covers_every_version_once() {
    let parsed = VersionExpectations::parse("1.25-1.34=error:invalid-enum 1.35-=warning").unwrap();
    assert_eq!(
        parsed.at(KubernetesVersion::release(34)),
        &Expected::Error(Some("invalid-enum".into()))
    );
    assert_eq!(
        parsed.at(KubernetesVersion::NEWEST),
        &Expected::Warning(None)
    );
    let single = VersionExpectations::parse("1.25-1.32=error 1.33=warning 1.34-=no-error").unwrap();
    assert_eq!(
        single.at(KubernetesVersion::release(33)),
        &Expected::Warning(None)
    );
    for (bad, says) in [
        ("1.25-1.33=error", "no expectation for 1.34"),
        ("1.25-=error 1.30=no-error", "1.30 is given twice"),
        ("1.25-=fine", "the outcome is"),
        ("1.25-=no-error:unknown-field", "the outcome is"),
        ("1.34-1.30=error 1.25-=no-error", "ends before it starts"),
        ("1.20-=error", "not supported"),
        ("1.25-", "not RANGE=OUTCOME"),
    ] {
        let error = VersionExpectations::parse(bad).unwrap_err();
        assert!(error.contains(says), "{bad}: {error}");
    }
}
