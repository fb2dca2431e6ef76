//! Checks of the field table itself: structure, reachability, and docs in both languages for every field.

use std::collections::{BTreeSet, HashSet};

use super::*;

fn schema() -> &'static Schema {
    Schema::embedded()
}

/// A dotted path as segments: numbers are indexes (`spec.containers.0.image`).
fn path(dotted: &str) -> Vec<PathSegment> {
    dotted
        .split('.')
        .map(|p| {
            p.parse()
                .map(PathSegment::Index)
                .unwrap_or_else(|_| PathSegment::Key(p.to_string()))
        })
        .collect()
}

#[test]
fn every_referenced_type_exists_and_none_is_orphaned() {
    let schema = schema();
    let mut reachable = HashSet::new();
    let mut stack: Vec<String> = schema.roots().map(|root| root.name.clone()).collect();
    assert!(stack.contains(&schema.root), "the Pod is one of the roots");
    let mut missing = BTreeSet::new();
    while let Some(name) = stack.pop() {
        if !reachable.insert(name.clone()) {
            continue;
        }
        let Some(def) = schema.type_def(&name) else {
            missing.insert(name);
            continue;
        };
        for field in &def.fields {
            if let Some(object) = field.ty.object_name() {
                stack.push(object.to_string());
            }
        }
        // A type that others extend is used through them.
        for other in schema.types() {
            if other.name != name && other.fields.iter().any(|f| f.declared_in == name) {
                stack.push(other.name.clone());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "referenced but not defined: {missing:?}"
    );
    let orphans: BTreeSet<_> = schema
        .types()
        .map(|t| t.name.clone())
        .filter(|n| !reachable.contains(n))
        .collect();
    assert!(
        orphans.is_empty(),
        "types not reachable from any root: {orphans:?}"
    );
}

#[test]
fn every_enum_has_values_and_bounds_make_sense() {
    for def in schema().types() {
        for field in &def.fields {
            if field.enum_pattern.is_some() {
                assert!(
                    !field.enum_values.is_empty(),
                    "{}.{} has a pattern but no values",
                    def.name,
                    field.name
                );
            }
            if let (Some(min), Some(max)) = (field.minimum, field.maximum) {
                assert!(
                    min <= max,
                    "{}.{}: minimum {min} > maximum {max}",
                    def.name,
                    field.name
                );
            }
        }
    }
}

#[test]
fn every_field_and_enum_value_has_docs_in_both_languages() {
    let schema = schema();
    let mut missing = BTreeSet::new();
    for (def, field) in declared_fields(schema) {
        match schema.field_doc(field) {
            Some(doc) if !doc.en.trim().is_empty() && !doc.zh_cn.trim().is_empty() => {}
            _ => {
                missing.insert(format!("{}.{}", def.name, field.name));
            }
        }
        for value in &field.enum_values {
            let documented = schema
                .value_doc(field, value)
                .is_some_and(|d| !d.en.is_empty() && !d.zh_cn.is_empty());
            // Signals are many and self-describing; the field's own docs explain them.
            if !documented && field.name != "stopSignal" {
                missing.insert(format!("{}.{}={}", def.name, field.name, value));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} docs missing: {missing:#?}",
        missing.len()
    );
}

/// Every field with the type that declares it (not the copies `extends` makes), where its docs live.
fn declared_fields(schema: &Schema) -> impl Iterator<Item = (&TypeDef, &Field)> {
    schema.types().flat_map(|def| {
        def.fields
            .iter()
            .filter(move |f| f.declared_in == def.name)
            .map(move |f| (def, f))
    })
}

/// The facts of the table that are written in words, so need a translation: every deprecation notice, and a
/// default that is a phrase ("the pod IP") rather than a value (`Always`, `30`).
fn worded_facts(field: &Field) -> Vec<(&'static str, &str)> {
    let mut facts = Vec::new();
    if let Some(default) = field.default.as_deref().filter(|d| d.contains(' ')) {
        facts.push(("default", default));
    }
    if let Some(deprecated) = field.deprecated.as_deref() {
        facts.push(("deprecated", deprecated));
    }
    facts
}

#[test]
fn every_worded_fact_has_a_translation_of_the_tables_text() {
    let schema = schema();
    let mut wrong = BTreeSet::new();
    for (def, field) in declared_fields(schema) {
        for (fact, text) in worded_facts(field) {
            let key = format!("{}.{}#{fact}", def.name, field.name);
            match schema.doc(&key) {
                Some(doc) if doc.en == text && !doc.zh_cn.trim().is_empty() => {}
                Some(doc) if doc.en != text => {
                    let en = &doc.en;
                    wrong.insert(format!("{key}: en is {en:?}, the table says {text:?}"));
                }
                _ => {
                    wrong.insert(format!("{key}: missing (en: {text:?})"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "translations of the table's words: {wrong:#?}"
    );
}

#[test]
fn every_docs_key_names_something_in_the_table() {
    let schema = schema();
    let mut stale = BTreeSet::new();
    for key in schema.doc_keys() {
        if let Some((path, fact)) = key.split_once('#') {
            let field = path
                .split_once('.')
                .and_then(|(ty, field)| schema.type_def(ty)?.field(field));
            if !field.is_some_and(|f| worded_facts(f).iter().any(|(name, _)| *name == fact)) {
                stale.insert(key.to_string());
            }
            continue;
        }
        let (path, value) = match key.split_once('=') {
            Some((path, value)) => (path, Some(value)),
            None => (key, None),
        };
        let known = match path.split_once('.') {
            // Resource names and quantity suffixes are not fields (`analysis::resource_docs`).
            Some(("resource" | "quantity", _)) => true,
            None => schema.type_def(path).is_some(),
            Some((ty, field)) => schema
                .type_def(ty)
                .and_then(|def| def.field(field))
                .is_some_and(|f| value.is_none_or(|v| f.enum_values.iter().any(|e| e == v))),
        };
        if !known {
            stale.insert(key.to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "docs for things the table does not have: {stale:#?}"
    );
}

#[test]
fn the_seed_fields_have_real_descriptions() {
    let schema = schema();
    for key in [
        "Pod.apiVersion",
        "Container.imagePullPolicy",
        "PodSpec.restartPolicy",
        "PodSpec.initContainers",
        "PodSpec.hostNetwork",
        "ContainerPort.hostPort",
    ] {
        let doc = schema
            .doc(key)
            .unwrap_or_else(|| panic!("{key} has no docs"));
        assert!(
            doc.en.len() > 120,
            "{key}: English text is too short to say what, when and the pitfall"
        );
        assert!(
            doc.zh_cn.chars().count() > 40,
            "{key}: Chinese text is too short"
        );
        assert!(
            doc.zh_cn
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{key}: not Chinese"
        );
    }
}

#[test]
fn resolves_paths_through_arrays_maps_and_inherited_fields() {
    let schema = schema();
    let resolved = schema
        .resolve(
            schema.root_field_type(),
            &path("spec.containers.0.ports.0.protocol"),
        )
        .unwrap();
    let (owner, field) = resolved.field.unwrap();
    assert_eq!(
        (owner.name.as_str(), field.name.as_str()),
        ("ContainerPort", "protocol")
    );
    let ephemeral = schema
        .resolve(
            schema.root_field_type(),
            &path("spec.ephemeralContainers.0.image"),
        )
        .unwrap();
    assert_eq!(ephemeral.field.unwrap().1.declared_in, "Container");
    let label = schema
        .resolve(schema.root_field_type(), &path("metadata.labels.app"))
        .unwrap();
    assert_eq!(label.ty, &FieldType::String);
    assert!(
        schema
            .resolve(schema.root_field_type(), &path("spec.nope"))
            .is_none()
    );
}

#[test]
fn every_kind_has_a_root_with_its_api_version_and_the_pod_spec_inside() {
    let schema = schema();
    let kinds: Vec<&str> = schema.roots().map(|root| root.name.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "CronJob",
            "DaemonSet",
            "Deployment",
            "Job",
            "List",
            "Pod",
            "PodTemplate",
            "ReplicaSet",
            "ReplicationController",
            "StatefulSet"
        ]
    );
    for root in schema.roots() {
        let kind = root.field("kind").unwrap();
        assert_eq!(
            kind.enum_values,
            std::slice::from_ref(&root.name),
            "{}",
            root.name
        );
        assert!(kind.required && root.field("apiVersion").unwrap().required);
    }
    for (kind, pod_spec) in [
        ("deployment", "spec.template.spec"),
        ("STATEFULSET", "spec.template.spec"),
        ("Job", "spec.template.spec"),
        ("cronjob", "spec.jobTemplate.spec.template.spec"),
        ("podtemplate", "template.spec"),
        ("replicationcontroller", "spec.template.spec"),
    ] {
        let root = schema.kind_root(kind).unwrap();
        let image = schema
            .resolve(
                root.as_field_type(),
                &path(&format!("{pod_spec}.containers.0.image")),
            )
            .unwrap_or_else(|| panic!("{kind}: no {pod_spec}"));
        assert_eq!(image.field.unwrap().1.declared_in, "Container", "{kind}");
    }
    assert!(schema.kind_root("Service").is_none());
    let claim = schema
        .resolve(
            schema.kind_root("StatefulSet").unwrap().as_field_type(),
            &path("spec.volumeClaimTemplates.0.spec.accessModes"),
        )
        .unwrap();
    assert_eq!(claim.field.unwrap().0.name, "PersistentVolumeClaimSpec");
}
