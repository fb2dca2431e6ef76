//! The field table: every type and field of a Pod, with its rules and bilingual docs, loaded from the JSON in
//! `schema/` that is embedded in the binary. Knows nothing about YAML text or LSP; it answers "what is at this
//! field path?".

pub(crate) mod lookup;
mod types;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub use types::{
    FeatureGate, Field, FieldType, GateOffRule, GateStage, PathRule, RemovedApiVersion,
    ResourceNames, Selectable, Selectors, Stage, TypeDef,
};

use crate::syntax::PathSegment;

/// The languages of the docs: the same as the messages'.
pub use crate::messages::Locale;

#[derive(Clone, Debug, Deserialize)]
pub struct Doc {
    pub en: String,
    #[serde(rename = "zh-cn")]
    pub zh_cn: String,
}

impl Doc {
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::ZhCn => &self.zh_cn,
        }
    }
}

// The data lives in its own crate (`schema/`) so that this package never reaches outside itself.
pub use podls_schema::{DOC_FILES, FIELDS_JSON};

pub struct Schema {
    /// The type a document without a kind is read as: the Pod.
    pub root: String,
    /// One root type per kind podls reads (`Pod`, `Deployment`, `CronJob`, `List`, …), named as the kind.
    roots: Vec<String>,
    /// By name, looked up for every object a check visits.
    types: HashMap<String, TypeDef, lookup::Names>,
    docs: HashMap<String, Doc>,
    /// The Kubernetes minor versions (1.N) the table describes, oldest first.
    versions: Vec<u32>,
    gates: HashMap<String, FeatureGate>,
    removed_api_versions: Vec<RemovedApiVersion>,
}

/// Where a field path leads: the field last crossed (if any) and the type at that position.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'a> {
    /// The field whose value this is, with the type that declares it (for docs lookup).
    pub field: Option<(&'a TypeDef, &'a Field)>,
    pub ty: &'a FieldType,
}

impl Schema {
    /// The table built into the binary.
    pub fn embedded() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(|| {
            Schema::from_json(FIELDS_JSON, DOC_FILES.iter().map(|(_, json)| *json))
                .unwrap_or_else(|error| panic!("the embedded field table is invalid: {error}"))
        })
    }

    pub fn from_json<'a>(
        fields: &str,
        docs: impl IntoIterator<Item = &'a str>,
    ) -> Result<Schema, String> {
        let types::Loaded {
            root,
            roots,
            types,
            versions,
            gates,
            removed_api_versions,
        } = types::load(fields)?;
        let mut merged = HashMap::new();
        for json in docs {
            let part: HashMap<String, Doc> =
                serde_json::from_str(json).map_err(|e| e.to_string())?;
            merged.extend(part);
        }
        Ok(Schema {
            root,
            roots,
            types,
            docs: merged,
            versions,
            gates,
            removed_api_versions,
        })
    }

    /// The Kubernetes minor versions (1.N) the table describes, oldest first.
    pub fn versions(&self) -> &[u32] {
        &self.versions
    }

    /// A feature gate the table names, with its stages.
    pub fn gate(&self, name: &str) -> Option<&FeatureGate> {
        self.gates.get(name)
    }

    pub fn gates(&self) -> impl Iterator<Item = &FeatureGate> {
        self.gates.values()
    }

    /// The removed apiVersion that served `kind`, if `api_version` is one (exact spelling, as the API
    /// server reads it).
    pub fn removed_api_version(&self, api_version: &str, kind: &str) -> Option<&RemovedApiVersion> {
        self.removed_api_versions
            .iter()
            .find(|r| r.api_version == api_version && r.kind == kind)
    }

    /// Every removed apiVersion of the kinds podls reads.
    pub fn removed_api_versions(&self) -> &[RemovedApiVersion] {
        &self.removed_api_versions
    }

    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    pub fn types(&self) -> impl Iterator<Item = &TypeDef> {
        self.types.values()
    }

    pub fn root_type(&self) -> &TypeDef {
        &self.types[&self.root]
    }

    /// The root types, one per kind podls reads, sorted by name.
    pub fn roots(&self) -> impl Iterator<Item = &TypeDef> {
        self.roots.iter().map(|name| &self.types[name])
    }

    /// The root type of a kind, matched without regard to case (`deployment`, `CronJob`).
    pub fn kind_root(&self, kind: &str) -> Option<&TypeDef> {
        self.roots()
            .find(|root| root.name.eq_ignore_ascii_case(kind))
    }

    /// Docs by key: `Type.field`, `Type.field=Value` or `Type`.
    pub fn doc(&self, key: &str) -> Option<&Doc> {
        self.docs.get(key)
    }

    pub fn doc_keys(&self) -> impl Iterator<Item = &str> {
        self.docs.keys().map(String::as_str)
    }

    /// The docs of a field (looked up under the type that declares it).
    pub fn field_doc(&self, field: &Field) -> Option<&Doc> {
        self.doc(&format!("{}.{}", field.declared_in, field.name))
    }

    /// The docs of one enum value of a field.
    pub fn value_doc(&self, field: &Field, value: &str) -> Option<&Doc> {
        self.doc(&format!("{}.{}={}", field.declared_in, field.name, value))
    }

    /// Follows a path of keys and indexes from the type `start`. Keys of a map, items of an array and the
    /// fields of an object all resolve; anything the table does not know gives `None`.
    pub fn resolve<'a>(
        &'a self,
        start: &'a FieldType,
        path: &[PathSegment],
    ) -> Option<Resolved<'a>> {
        let mut here = Resolved {
            field: None,
            ty: start,
        };
        for segment in path {
            here = match (here.ty, segment) {
                (FieldType::Object(name), PathSegment::Key(key)) => {
                    let def = self.types.get(name)?;
                    let field = def.field(key)?;
                    Resolved {
                        field: Some((def, field)),
                        ty: &field.ty,
                    }
                }
                (FieldType::Map(value), PathSegment::Key(_)) => Resolved {
                    field: here.field,
                    ty: value,
                },
                (FieldType::Array(item), PathSegment::Index(_)) => Resolved {
                    field: here.field,
                    ty: item,
                },
                _ => return None,
            };
        }
        Some(here)
    }

    /// The root type as a field type (`Pod`), to start `resolve` from.
    pub fn root_field_type(&self) -> &FieldType {
        self.root_type().as_field_type()
    }
}

#[cfg(test)]
mod tests;
