//! The user's settings (`podls.*`) as the client sends them: in `initializationOptions`, in
//! `workspace/didChangeConfiguration`, or pulled with `workspace/configuration`. Settings apply to the next
//! request, without a restart.

use serde_json::Value;

use crate::analysis::{Code, HintOptions, Inputs, KubernetesVersion, Level};
use crate::config::ProjectConfig;
use crate::messages::{Message, versions as msg};
use crate::schema::Locale;

/// The settings section podls reads, as in `{"podls": {"locale": "zh-cn"}}`.
pub const SECTION: &str = "podls";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The language of the client's UI (`InitializeParams.locale`), used when the user set none.
    client_locale: Option<Locale>,
    /// `podls.locale`: the user's explicit choice, which wins over the client's language.
    locale_setting: Option<Locale>,
    /// `podls.rules`: levels by code (`{"image-latest": "off"}`), over the project file's.
    rules: Vec<(Code, Level)>,
    /// `podls.kubernetesVersion`: the cluster checked against, over the project file's `kubernetes-version`.
    kubernetes: Option<KubernetesVersion>,
    /// The `podls.kubernetesVersion` last refused, so that a refusal is said once and not again at every
    /// unrelated settings change that still carries it.
    refused_kubernetes: Option<String>,
    /// `podls.inlayHints`: `false` for none, or `{"defaults": bool, "quantities": bool}` (both on unless
    /// turned off).
    pub inlay_hints: HintOptions,
}

impl Settings {
    /// From `initialize`: the client's UI language and any settings passed as `initializationOptions`, with
    /// what [`Settings::update`] refused in them.
    pub fn from_initialize(
        client_locale: Option<&str>,
        initialization_options: Option<&Value>,
    ) -> (Settings, Vec<Message>) {
        let mut settings = Settings {
            client_locale: client_locale.map(Locale::from_tag),
            ..Settings::default()
        };
        let problems = initialization_options
            .map(|options| settings.update(options))
            .unwrap_or_default();
        (settings, problems)
    }

    /// What every analysis of a request takes: the document's project file (`podls.toml`) over the defaults, then these settings over it: the
    /// editor's own choice wins where both set a value; the client's UI language only where neither does.
    pub fn inputs(&self, project: Option<&ProjectConfig>) -> Inputs {
        let mut inputs = Inputs::new(self.locale());
        if let Some(project) = project {
            project.apply(&mut inputs);
            inputs.locale = self
                .locale_setting
                .or(project.locale)
                .unwrap_or_else(|| self.locale());
        }
        for &(code, level) in &self.rules {
            inputs.rules.set(code, level);
        }
        if let Some(version) = self.kubernetes {
            inputs.kubernetes = version;
        }
        inputs
    }

    /// The language of diagnostics, quick fixes, hover and completion docs: `podls.locale`, else the
    /// client's, else English.
    pub fn locale(&self) -> Locale {
        self.locale_setting
            .or(self.client_locale)
            .unwrap_or_default()
    }

    /// Applies a settings object. Accepts the shapes clients send: `{"podls": {...}}` (VS Code's
    /// `didChangeConfiguration`), `{"settings": {"podls": {...}}}`, or the section itself (`{"locale": ...}`,
    /// as `workspace/configuration` returns it). A section that is present replaces the previous settings,
    /// so removing `locale` falls back to the client's language. Returns what the user should be told: a
    /// setting refused (and what applies instead), said once per value written.
    pub fn update(&mut self, value: &Value) -> Vec<Message> {
        let Some(section) = find_section(value) else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        self.locale_setting = match section.get("locale").and_then(Value::as_str) {
            Some(tag) if !tag.trim().is_empty() => {
                let locale = Locale::parse_strict(tag);
                if locale.is_none() {
                    tracing::warn!(
                        "podls.locale: unknown locale {tag:?} (expected \"en\" or \"zh-cn\")"
                    );
                }
                locale
            }
            _ => None,
        };
        self.rules = section
            .get("rules")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(name, level)| {
                let code = Code::from_name(name);
                let level = level.as_str().and_then(Level::from_name);
                if code.is_none() || level.is_none() {
                    tracing::warn!("podls.rules: ignoring {name:?}: {level:?}");
                }
                Some((code?, level?))
            })
            .collect();
        self.inlay_hints = inlay_hints(section.get("inlayHints"));
        problems.extend(self.update_kubernetes(section.get("kubernetesVersion")));
        problems
    }

    /// `podls.kubernetesVersion`, `"1.33"` (or `v1.33`, `1.33.2`); empty or absent: the project file's
    /// version, else the default. A version podls does not know is refused with the supported range, and the
    /// project file's version or the default applies, as if it were not set.
    fn update_kubernetes(&mut self, value: Option<&Value>) -> Option<Message> {
        let written = match value {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if text.trim().is_empty() => None,
            Some(Value::String(text)) => Some(text.clone()),
            // A number (`1.30` unquoted in a settings file) reads as a float: `1.3` for 1.30. Refused with
            // the text as written rather than guessed.
            Some(other) => Some(other.to_string()),
        };
        let Some(written) = written else {
            self.kubernetes = None;
            self.refused_kubernetes = None;
            return None;
        };
        let parsed = match value {
            Some(Value::String(_)) => KubernetesVersion::parse(&written),
            _ => Err(crate::analysis::VersionError::Malformed(written.clone())),
        };
        match parsed {
            Ok(version) => {
                self.kubernetes = Some(version);
                self.refused_kubernetes = None;
                None
            }
            Err(error) => {
                self.kubernetes = None;
                tracing::warn!("podls.kubernetesVersion: {error}");
                let said = self.refused_kubernetes.as_deref() == Some(written.as_str());
                self.refused_kubernetes = Some(written);
                (!said).then(|| msg::setting_refused(error.message()))
            }
        }
    }
}

/// `podls.inlayHints`: `true`/`false` for all of them, or each kind on its own; what is not said stays on.
fn inlay_hints(value: Option<&Value>) -> HintOptions {
    let mut options = HintOptions::default();
    match value {
        Some(Value::Bool(all)) => {
            options.defaults = *all;
            options.quantities = *all;
        }
        Some(Value::Object(kinds)) => {
            let all = kinds
                .get("enabled")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            let kind = |name: &str| kinds.get(name).and_then(Value::as_bool).unwrap_or(true) && all;
            options.defaults = kind("defaults");
            options.quantities = kind("quantities");
        }
        _ => {}
    }
    options
}

/// The `podls` section in a settings payload, in any of the shapes [`Settings::update`] accepts.
pub fn find_section(value: &Value) -> Option<&Value> {
    if let Some(section) = value
        .get(SECTION)
        .or_else(|| value.get("settings").and_then(|s| s.get(SECTION)))
    {
        return section.is_object().then_some(section);
    }
    let own_key = ["locale", "rules", "inlayHints", "kubernetesVersion"]
        .iter()
        .any(|key| value.get(key).is_some());
    (value.is_object() && own_key).then_some(value)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn client_locale_is_the_fallback() {
        assert_eq!(Settings::from_initialize(None, None).0.locale(), Locale::En);
        assert_eq!(
            Settings::from_initialize(Some("zh-CN"), None).0.locale(),
            Locale::ZhCn
        );
        assert_eq!(
            Settings::from_initialize(Some("de"), None).0.locale(),
            Locale::En
        );
    }

    #[test]
    fn initialization_options_override_the_client_locale() {
        let options = json!({"podls": {"locale": "zh-cn"}});
        assert_eq!(
            Settings::from_initialize(Some("en"), Some(&options))
                .0
                .locale(),
            Locale::ZhCn
        );
        let flat = json!({"locale": "en"});
        assert_eq!(
            Settings::from_initialize(Some("zh-cn"), Some(&flat))
                .0
                .locale(),
            Locale::En
        );
    }

    #[test]
    fn changes_apply_and_can_be_undone() {
        let mut settings = Settings::from_initialize(Some("en"), None).0;
        settings.update(&json!({"podls": {"locale": "zh-cn"}}));
        assert_eq!(settings.locale(), Locale::ZhCn);
        settings.update(&json!({"settings": {"podls": {"locale": "en"}}}));
        assert_eq!(settings.locale(), Locale::En);
        // Clearing the setting returns to the client's language.
        settings.update(&json!({"podls": {}}));
        assert_eq!(settings.locale(), Locale::En);
        // Unrelated or empty payloads change nothing.
        settings.update(&json!({"podls": {"locale": "zh"}}));
        settings.update(&json!({"yaml": {"format": true}}));
        settings.update(&Value::Null);
        assert_eq!(settings.locale(), Locale::ZhCn);
        // An unknown locale is ignored in favour of the client's language.
        settings.update(&json!({"podls": {"locale": "fr"}}));
        assert_eq!(settings.locale(), Locale::En);
    }

    #[test]
    fn editor_settings_override_the_project_file() {
        let file =
            "locale = \"zh-cn\"\n[rules]\nimage-latest = \"off\"\nstatus-field = \"error\"\n";
        let project = crate::config::parse(std::path::Path::new("/p/podls.toml"), file).unwrap();
        let mut settings = Settings::from_initialize(Some("en"), None).0;
        // The file's locale wins over the client's UI language.
        let inputs = settings.inputs(Some(&project));
        assert_eq!(inputs.locale, Locale::ZhCn);
        assert_eq!(
            inputs
                .rules
                .severity(Code::ImageLatest, crate::analysis::Severity::Warning),
            None
        );
        settings.update(&json!({"podls": {"locale": "en", "rules": {"image-latest": "hint"}}}));
        let inputs = settings.inputs(Some(&project));
        assert_eq!(inputs.locale, Locale::En);
        assert_eq!(
            inputs
                .rules
                .severity(Code::ImageLatest, crate::analysis::Severity::Warning),
            Some(crate::analysis::Severity::Hint)
        );
        // What only the file sets still holds.
        assert_eq!(
            inputs
                .rules
                .severity(Code::StatusField, crate::analysis::Severity::Warning),
            Some(crate::analysis::Severity::Error)
        );
    }

    #[test]
    fn inlay_hints_turn_off_all_at_once_or_by_kind() {
        let hints = |value: Value| {
            let mut settings = Settings::default();
            settings.update(&value);
            (
                settings.inlay_hints.defaults,
                settings.inlay_hints.quantities,
            )
        };
        assert_eq!(hints(json!({"podls": {}})), (true, true));
        assert_eq!(
            hints(json!({"podls": {"inlayHints": false}})),
            (false, false)
        );
        assert_eq!(
            hints(json!({"inlayHints": {"defaults": false}})),
            (false, true)
        );
        assert_eq!(
            hints(json!({"podls": {"inlayHints": {"enabled": false}}})),
            (false, false)
        );
        assert_eq!(
            hints(json!({"podls": {"inlayHints": {"quantities": false}}})),
            (true, false)
        );
    }

    #[test]
    fn the_kubernetes_version_setting_wins_over_the_file_and_falls_back_when_refused() {
        let v = KubernetesVersion::release;
        let project = crate::config::parse(
            std::path::Path::new("/p/podls.toml"),
            "kubernetes-version = \"1.30\"\n",
        )
        .unwrap();
        let target = |settings: &Settings, project| settings.inputs(project).kubernetes;
        let (mut settings, problems) =
            Settings::from_initialize(None, Some(&json!({"podls": {"kubernetesVersion": "1.33"}})));
        assert!(problems.is_empty());
        assert_eq!(target(&settings, None), v(33));
        assert_eq!(target(&settings, Some(&project)), v(33));
        // Cleared (absent, empty or null): the file's version, else the default.
        for cleared in [
            json!({"podls": {}}),
            json!({"kubernetesVersion": ""}),
            json!({"kubernetesVersion": null}),
        ] {
            assert!(settings.update(&cleared).is_empty());
            assert_eq!(target(&settings, Some(&project)), v(30));
            assert_eq!(target(&settings, None), KubernetesVersion::DEFAULT);
        }
        // Refused: said once in the user's language with the range, and the setting does not apply.
        settings.update(&json!({"podls": {"kubernetesVersion": "1.29"}}));
        let problems = settings.update(&json!({"podls": {"kubernetesVersion": "1.99"}}));
        let said: Vec<String> = problems.iter().map(|m| m.render(Locale::En)).collect();
        assert_eq!(
            said,
            [
                "podls: the setting `podls.kubernetesVersion` is not applied: Kubernetes 1.99 is not \
              supported; podls knows 1.25 to 1.37 (default 1.37). Checking against the project \
              file's `kubernetes-version`, else the default"
            ]
        );
        assert!(problems[0].render(Locale::ZhCn).contains("1.25 至 1.37"));
        assert_eq!(target(&settings, Some(&project)), v(30));
        assert_eq!(target(&settings, None), KubernetesVersion::DEFAULT);
        let again = json!({"podls": {"kubernetesVersion": "1.99", "locale": "en"}});
        assert!(settings.update(&again).is_empty(), "said once");
        // Malformed, and a number where a string belongs (`1.30` would read as 1.3).
        for bad in [json!("latest"), json!(1.30), json!(["1.30"])] {
            let problems = settings.update(&json!({"podls": {"kubernetesVersion": bad}}));
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(
                problems[0]
                    .render(Locale::En)
                    .contains("is not a Kubernetes version"),
                "{bad}"
            );
            assert_eq!(target(&settings, None), KubernetesVersion::DEFAULT);
        }
        assert!(
            settings
                .update(&json!({"kubernetesVersion": " v1.25.3 "}))
                .is_empty()
        );
        assert_eq!(target(&settings, None), v(25));
    }
}
