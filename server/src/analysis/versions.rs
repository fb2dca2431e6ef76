//! What the target Kubernetes version has: whether a field or an enum value exists there, whether the
//! feature gate guarding it is off by default there, which rule applies where a gate relaxed one, and a
//! field's history across the table's versions in words. Diagnostics, hover, completion and explain all ask
//! here, so they never disagree about a version.

use super::inputs::KubernetesVersion;
use crate::messages::{Locale, Message, versions as msg};
use crate::schema::{FeatureGate, Field, GateStage, Schema, Stage};

/// Whether something of the table exists in the target version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Presence<'a> {
    Present,
    /// Introduced after the target.
    NotYet {
        since: KubernetesVersion,
    },
    /// Removed (or renamed) at or before the target.
    Removed {
        removed_in: KubernetesVersion,
        replaced_by: Option<&'a str>,
    },
}

/// Whether `field` exists in `target`.
pub(crate) fn field_presence(field: &Field, target: KubernetesVersion) -> Presence<'_> {
    presence(field.since, field.removed_in, target).unwrap_or(Presence::Removed {
        removed_in: KubernetesVersion::release(field.removed_in.unwrap_or_default()),
        replaced_by: field.replaced_by.as_deref(),
    })
}

/// Whether the enum value `value` of `field` exists in `target` (as far as the value itself goes).
pub(crate) fn value_presence(
    field: &Field,
    value: &str,
    target: KubernetesVersion,
) -> Presence<'static> {
    presence(field.value_since.get(value).copied(), None, target).unwrap_or(Presence::Present)
}

fn presence(
    since: Option<u32>,
    removed_in: Option<u32>,
    target: KubernetesVersion,
) -> Option<Presence<'static>> {
    if let Some(since) = since.filter(|&s| target.minor < s) {
        return Some(Presence::NotYet {
            since: KubernetesVersion::release(since),
        });
    }
    match removed_in {
        Some(gone) if target.minor >= gone => None,
        _ => Some(Presence::Present),
    }
}

/// Whether the table has it in `target`: for completion, which offers only what the target has.
pub(crate) fn has_field(field: &Field, target: KubernetesVersion) -> bool {
    field_presence(field, target) == Presence::Present
}

pub(crate) fn has_value(field: &Field, value: &str, target: KubernetesVersion) -> bool {
    value_presence(field, value, target) == Presence::Present
}

/// A gate that is off by default in the target, with its stage there (`None` when the target predates the
/// gate, so nothing enables it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GateOff<'a> {
    pub gate: &'a FeatureGate,
    pub stage: Option<Stage>,
}

/// The gate named `name` when it is off by default in `target`; `None` when it is on (beta or GA on by
/// default) or unknown to the table.
pub(crate) fn gate_off<'a>(
    schema: &'a Schema,
    name: &str,
    target: KubernetesVersion,
) -> Option<GateOff<'a>> {
    let gate = schema.gate(name)?;
    match gate.at(target.minor) {
        Some(GateStage { default: true, .. }) => None,
        Some(stage) => Some(GateOff {
            gate,
            stage: Some(stage.stage),
        }),
        None => Some(GateOff { gate, stage: None }),
    }
}

/// Whether the target's API server keeps the field as written: it has it and, when a gate guards it, the gate
/// is on by default there (off, the `dropDisabled*` helpers clear it before validation). What a rule that
/// depends on another field's meaning (an init container's `restartPolicy: Always` making it a sidecar)
/// asks.
pub(crate) fn in_effect(schema: &Schema, field: &Field, target: KubernetesVersion) -> bool {
    has_field(field, target)
        && field
            .feature_gate
            .as_deref()
            .is_none_or(|gate| gate_off(schema, gate, target).is_none())
}

/// The name format a field's values take in `target`: a stricter one while the gate that relaxed it is off
/// by default (env var names before `RelaxedEnvironmentVariableValidation`).
pub(crate) fn format_at<'a>(
    schema: &Schema,
    field: &'a Field,
    target: KubernetesVersion,
) -> Option<&'a str> {
    match &field.while_gate_off {
        Some(rule) if rule.format.is_some() && gate_off(schema, &rule.gate, target).is_some() => {
            rule.format.as_deref()
        }
        _ => field.format.as_deref(),
    }
}

/// The lower bound of a field's values in `target` (see `format_at`).
pub(crate) fn minimum_at(schema: &Schema, field: &Field, target: KubernetesVersion) -> Option<i64> {
    match &field.while_gate_off {
        Some(rule) if rule.minimum.is_some() && gate_off(schema, &rule.gate, target).is_some() => {
            rule.minimum
        }
        _ => field.minimum,
    }
}

/// The most items a list field takes in `target` when that is stricter than today's rule (`max`, the
/// rule's own): `dnsConfig.searches` before `ExpandedDNSConfig`.
pub(crate) fn max_items_at(
    schema: &Schema,
    field: &Field,
    target: KubernetesVersion,
    max: usize,
) -> usize {
    match &field.while_gate_off {
        Some(rule) if gate_off(schema, &rule.gate, target).is_some() => {
            rule.max_items.map_or(max, |stricter| stricter.min(max))
        }
        _ => max,
    }
}

/// The gate whose being off by default in `target` makes `format_at`, `minimum_at` or `max_items_at` stricter, with the first
/// version in which it is on by default (for the message).
pub(crate) fn stricter_until(
    schema: &Schema,
    field: &Field,
    target: KubernetesVersion,
) -> Option<(String, Option<KubernetesVersion>)> {
    let rule = field.while_gate_off.as_ref()?;
    gate_relaxes(schema, &rule.gate, target)
}

/// The gate `name` when it is off by default in `target`, with the first version in which it is on by
/// default: a rule is stricter there than in the newest versions.
pub(crate) fn gate_relaxes(
    schema: &Schema,
    name: &str,
    target: KubernetesVersion,
) -> Option<(String, Option<KubernetesVersion>)> {
    let off = gate_off(schema, name, target)?;
    Some((off.gate.name.clone(), on_by_default_from(off.gate)))
}

/// The first version of the table in which the gate is on by default.
fn on_by_default_from(gate: &FeatureGate) -> Option<KubernetesVersion> {
    gate.stages
        .iter()
        .find(|s| s.default)
        .map(|s| KubernetesVersion::release(s.from))
}

/// A stage in words: `alpha, off by default`.
fn stage_words(stage: GateStage) -> Message {
    let name = stage.stage.name();
    if stage.default {
        msg::stage_on(name)
    } else {
        msg::stage_off(name)
    }
}

/// Where a field stands across the table's versions, for hover and explain, in `locale`: "since 1.33
/// (alpha, off by default); beta in 1.35 (on by default); GA in 1.37", "1.35 only; removed in 1.36 (use
/// `x`)". `None` for a field every version has with no gate.
pub(crate) fn history(schema: &Schema, field: &Field, locale: Locale) -> Option<String> {
    let release = KubernetesVersion::release;
    let oldest = schema.versions().first().copied().unwrap_or_default();
    let since = field.since.unwrap_or(oldest);
    let gate = field.feature_gate.as_deref().and_then(|g| schema.gate(g));
    let mut parts = Vec::new();
    // A field removed in the release after the one that brought it existed in that one alone.
    let first = if field.removed_in.is_some_and(|gone| gone == since + 1) {
        msg::history_only(release(since))
    } else if field.since.is_some() {
        msg::history_since(release(since))
    } else {
        msg::history_every_version(release(oldest))
    };
    if let Some(gate) = gate {
        let stages: Vec<GateStage> = gate
            .stages
            .iter()
            .filter(|s| field.removed_in.is_none_or(|gone| s.from < gone))
            .copied()
            .collect();
        // The stage in force when the field appeared, then each later change.
        let mut at_first = gate.at(since);
        parts.push(match at_first {
            Some(stage) => msg::history_with_stage(first, stage_words(stage)),
            None => first,
        });
        for stage in stages.iter().filter(|s| s.from > since) {
            let changed_stage = at_first.is_none_or(|a| a.stage != stage.stage);
            let (name, from) = (stage.stage.name(), release(stage.from));
            parts.push(match (changed_stage, stage.default) {
                (true, true) => msg::stage_in_on(name, from),
                (true, false) => msg::stage_in_off(name, from),
                (false, true) => msg::on_by_default_from(from),
                (false, false) => msg::off_by_default_from(from),
            });
            at_first = Some(*stage);
        }
    } else if field.since.is_some() || field.removed_in.is_some() {
        parts.push(first);
    }
    if let Some(gone) = field.removed_in {
        let instead = match &field.replaced_by {
            Some(by) => msg::history_replaced_by(by).render(locale),
            None => String::new(),
        };
        parts.push(msg::history_removed(release(gone), instead));
    }
    let separator = msg::history_separator().render(locale);
    (!parts.is_empty()).then(|| {
        parts
            .iter()
            .map(|part| part.render(locale))
            .collect::<Vec<_>>()
            .join(&separator)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(path: &str) -> &'static Field {
        let schema = Schema::embedded();
        let (ty, name) = path.split_once('.').unwrap();
        schema.type_def(ty).unwrap().field(name).unwrap()
    }

    #[test]
    fn a_field_exists_from_its_first_version_until_its_removal() {
        let v = KubernetesVersion::release;
        let stop = field("Lifecycle.stopSignal");
        assert_eq!(
            field_presence(stop, v(32)),
            Presence::NotYet { since: v(33) }
        );
        assert_eq!(field_presence(stop, v(33)), Presence::Present);
        let source = field("PodResourceClaim.source");
        assert_eq!(field_presence(source, v(30)), Presence::Present);
        assert!(matches!(
            field_presence(source, v(31)),
            Presence::Removed { removed_in, replaced_by: Some(_) } if removed_in == v(31)
        ));
        let operator = field("Toleration.operator");
        assert!(has_value(operator, "Equal", v(25)));
        assert!(!has_value(operator, "Gt", v(34)));
        assert!(has_value(operator, "Gt", v(35)));
    }

    #[test]
    fn gates_are_off_by_default_while_alpha_and_where_beta_shipped_off() {
        let schema = Schema::embedded();
        let v = KubernetesVersion::release;
        let off = |gate, minor| gate_off(schema, gate, v(minor)).map(|g| g.stage);
        assert_eq!(off("SidecarContainers", 28), Some(Some(Stage::Alpha)));
        assert_eq!(off("SidecarContainers", 29), None);
        assert_eq!(off("SidecarContainers", 37), None);
        assert_eq!(off("ImageVolume", 33), Some(Some(Stage::Beta)));
        assert_eq!(off("ImageVolume", 35), None);
        assert_eq!(off("ContainerStopSignals", 32), Some(None));
    }

    #[test]
    fn a_relaxed_rule_is_strict_before_its_gate_is_on() {
        let schema = Schema::embedded();
        let v = KubernetesVersion::release;
        let name = field("EnvVar.name");
        assert_eq!(format_at(schema, name, v(31)), Some("env-var-name-strict"));
        assert_eq!(format_at(schema, name, v(32)), Some("env-var-name"));
        let sleep = field("SleepAction.seconds");
        assert_eq!(minimum_at(schema, sleep, v(32)), Some(1));
        assert_eq!(minimum_at(schema, sleep, v(33)), Some(0));
    }

    #[test]
    fn histories_in_words() {
        let schema = Schema::embedded();
        let history = |path| history(schema, field(path), Locale::En);
        assert_eq!(
            history("Container.resizePolicy").as_deref(),
            Some(
                "since 1.27 (alpha, off by default); beta in 1.33 (on by default); GA in 1.35 (on by default)"
            )
        );
        assert_eq!(
            history("Lifecycle.stopSignal").as_deref(),
            Some("since 1.33 (alpha, off by default)")
        );
        assert_eq!(
            history("PodSpec.workloadRef").as_deref(),
            Some(
                "1.35 only (alpha, off by default); removed in 1.36 (use `schedulingGroup` (`podGroupName`))"
            )
        );
        assert_eq!(
            history("PodSpec.hostUsers").as_deref(),
            Some(
                "in every version from 1.25 (alpha, off by default); beta in 1.30 (off by default); on by default from 1.33"
            )
        );
        assert_eq!(history("Container.image"), None);
        assert_eq!(
            history("Volume.image").as_deref(),
            Some(
                "since 1.31 (alpha, off by default); beta in 1.33 (off by default); on by default from 1.35"
            )
        );
    }

    #[test]
    fn histories_in_chinese() {
        let schema = Schema::embedded();
        let out: Vec<String> = [
            "Container.resizePolicy",
            "PodSpec.workloadRef",
            "PodSpec.hostUsers",
            "Volume.image",
        ]
        .iter()
        .map(|path| {
            format!(
                "{path}: {}",
                history(schema, field(path), Locale::ZhCn).unwrap()
            )
        })
        .collect();
        expect_test::expect![[r#"
            Container.resizePolicy: 1.27 起提供（alpha，默认关闭）；1.33 进入 beta（默认开启）；1.35 进入 GA（默认开启）
            PodSpec.workloadRef: 仅 1.35 有（alpha，默认关闭）；1.36 中移除（改用 `schedulingGroup` (`podGroupName`)）
            PodSpec.hostUsers: 自 1.25 起的每个版本都有（alpha，默认关闭）；1.30 进入 beta（默认关闭）；1.33 起默认开启
            Volume.image: 1.31 起提供（alpha，默认关闭）；1.33 进入 beta（默认关闭）；1.35 起默认开启"#]].assert_eq(&out.join("\n"));
    }
}
