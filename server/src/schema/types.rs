//! The structure of the field table (`schema/fields.json`, format in `schema/README.md`) as Rust types.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::lookup::{NameIndex, Names};

/// The type of a field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    /// A resource quantity: a string or a number in the Kubernetes quantity grammar (`500m`, `1Gi`, `2`).
    Quantity,
    IntOrString,
    /// Not described further (e.g. `status`).
    Any,
    Object(String),
    Array(Box<FieldType>),
    Map(Box<FieldType>),
}

impl FieldType {
    pub fn parse(expr: &str) -> Result<FieldType, String> {
        Ok(match expr {
            "string" => FieldType::String,
            "integer" => FieldType::Integer,
            "number" => FieldType::Number,
            "boolean" => FieldType::Boolean,
            "quantity" => FieldType::Quantity,
            "int-or-string" => FieldType::IntOrString,
            "any" => FieldType::Any,
            _ => {
                if let Some(item) = expr.strip_prefix("[]") {
                    FieldType::Array(Box::new(FieldType::parse(item)?))
                } else if let Some(value) = expr.strip_prefix("map[string]") {
                    FieldType::Map(Box::new(FieldType::parse(value)?))
                } else if expr.starts_with(|c: char| c.is_ascii_uppercase())
                    && expr.chars().all(char::is_alphanumeric)
                {
                    FieldType::Object(expr.to_string())
                } else {
                    return Err(format!("unknown type expression `{expr}`"));
                }
            }
        })
    }

    /// How people read the type: `string`, `[]Container`, `map[string]quantity`.
    pub fn display(&self) -> String {
        match self {
            FieldType::String => "string".into(),
            FieldType::Integer => "integer".into(),
            FieldType::Number => "number".into(),
            FieldType::Boolean => "boolean".into(),
            FieldType::Quantity => "quantity".into(),
            FieldType::IntOrString => "int-or-string".into(),
            FieldType::Any => "any".into(),
            FieldType::Object(name) => name.clone(),
            FieldType::Array(item) => format!("[]{}", item.display()),
            FieldType::Map(value) => format!("map[string]{}", value.display()),
        }
    }

    /// The object type named here or in an array/map of it.
    pub fn object_name(&self) -> Option<&str> {
        match self {
            FieldType::Object(name) => Some(name),
            FieldType::Array(inner) | FieldType::Map(inner) => inner.object_name(),
            _ => None,
        }
    }

    pub fn is_scalar(&self) -> bool {
        !matches!(
            self,
            FieldType::Object(_) | FieldType::Array(_) | FieldType::Map(_) | FieldType::Any
        )
    }
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub ty: FieldType,
    /// The type that declares the field (docs are keyed by it; differs for inherited fields).
    pub declared_in: String,
    pub required: bool,
    pub enum_values: Vec<String>,
    pub enum_pattern: Option<String>,
    pub default: Option<String>,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    pub exclusive_minimum: bool,
    pub format: Option<String>,
    pub key_format: Option<String>,
    /// The Kubernetes minor version (1.N) that introduced it, when newer than the table's first version.
    pub since: Option<u32>,
    /// The minor version that no longer has it (the field was removed or renamed), with what replaced it.
    pub removed_in: Option<u32>,
    pub replaced_by: Option<String>,
    pub feature_gate: Option<String>,
    pub deprecated: Option<String>,
    pub read_only: bool,
    /// How a file path in this field is constrained.
    pub path_rule: Option<PathRule>,
    /// A pod with `os.name: windows` may not set it.
    pub linux_only: bool,
    /// A pod with `os.name: linux` may not set it.
    pub windows_only: bool,
    /// An enum whose `""` is unset and gets the default (a plain Go string that v1 defaulting tests `== ""`).
    pub empty_is_unset: bool,
    /// Enum values behind a feature gate, with the gate.
    pub value_gates: BTreeMap<String, String>,
    /// Enum values newer than the field, with the minor version that introduced each.
    pub value_since: BTreeMap<String, u32>,
    /// The stricter rule of the versions in which a gate that relaxed it is off by default.
    pub while_gate_off: Option<GateOffRule>,
    /// The downward API values this selector accepts, in an env var and in a volume file.
    pub selectors: Option<Selectors>,
    /// The resource names the maps of quantities of this field (or below it) take.
    pub resource_names: Option<ResourceNames>,
}

/// What a field's rule was before a feature gate relaxed it: applies where the gate is off by default.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateOffRule {
    pub gate: String,
    pub format: Option<String>,
    pub minimum: Option<i64>,
    /// At most this many items in the list.
    #[serde(rename = "maxItems")]
    pub max_items: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathRule {
    /// Relative, no `..` element (a path inside a volume, or a mount's sub-path).
    LocalDescending,
    /// Any path without a `..` element.
    NoBacksteps,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selectors {
    pub env: Selectable,
    pub volume: Selectable,
}

/// Values a selector accepts: exact ones, and prefixes followed by a non-empty rest.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selectable {
    pub values: Vec<String>,
    pub prefixes: Vec<String>,
}

impl Selectable {
    pub fn accepts(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value) || has_prefix(&self.prefixes, value)
    }
}

/// Whether `value` is one of `prefixes` followed by a non-empty rest.
fn has_prefix(prefixes: &[String], value: &str) -> bool {
    prefixes
        .iter()
        .any(|p| value.len() > p.len() && value.starts_with(p.as_str()))
}

/// Resource names: exact ones, prefixes followed by a non-empty rest (`hugepages-2Mi`), and whether
/// extended resources with a domain prefix (`example.com/gpu`) are allowed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceNames {
    pub names: Vec<String>,
    pub prefixes: Vec<String>,
    pub extended: bool,
}

impl ResourceNames {
    pub fn accepts(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
            || has_prefix(&self.prefixes, name)
            || (self.extended && name.contains('/'))
    }
}

#[derive(Clone, Debug)]
pub struct TypeDef {
    pub name: String,
    /// Sorted by name.
    pub fields: Vec<Field>,
    /// The fields by name.
    index: NameIndex,
    /// The required fields (indexes into `fields`), as people write them: `name` first (a container's
    /// `- name:` line), `apiVersion` before `kind`, the rest by name. Sorted once here, not at every object
    /// a check visits.
    required: Vec<usize>,
    as_field_type: FieldType,
}

impl TypeDef {
    /// This type as the type of a value (to start `Schema::resolve` from it).
    pub fn as_field_type(&self) -> &FieldType {
        &self.as_field_type
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        let i = self.index.find(name, |i| &self.fields[i].name)?;
        Some(&self.fields[i])
    }

    /// The fields the table marks required, in writing order (`required`).
    pub fn required(&self) -> impl Iterator<Item = &Field> {
        self.required.iter().map(|&i| &self.fields[i])
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawTable {
    root: String,
    roots: Vec<String>,
    types: HashMap<String, RawType>,
    versions: Vec<String>,
    feature_gates: BTreeMap<String, Vec<RawStage>>,
    removed_api_versions: Vec<RawRemovedApiVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawRemovedApiVersion {
    api_version: String,
    kind: String,
    removed_in: String,
    replacement: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    from: String,
    stage: Stage,
    default: bool,
}

/// What `load` reads: the default root (the Pod), every root type (one per kind podls reads) and the types.
pub(super) struct Loaded {
    pub root: String,
    pub roots: Vec<String>,
    pub types: HashMap<String, TypeDef, Names>,
    pub versions: Vec<u32>,
    pub gates: HashMap<String, FeatureGate>,
    pub removed_api_versions: Vec<RemovedApiVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    #[serde(default)]
    extends: Option<String>,
    fields: HashMap<String, RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawField {
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    required: bool,
    #[serde(default, rename = "enum")]
    enum_values: Vec<String>,
    enum_pattern: Option<String>,
    default: Option<String>,
    minimum: Option<i64>,
    maximum: Option<i64>,
    #[serde(default)]
    exclusive_minimum: bool,
    format: Option<String>,
    key_format: Option<String>,
    since: Option<String>,
    removed_in: Option<String>,
    replaced_by: Option<String>,
    feature_gate: Option<String>,
    deprecated: Option<String>,
    #[serde(default)]
    read_only: bool,
    path_rule: Option<PathRule>,
    #[serde(default)]
    linux_only: bool,
    #[serde(default)]
    windows_only: bool,
    #[serde(default)]
    empty_is_unset: bool,
    #[serde(default)]
    value_gates: BTreeMap<String, String>,
    #[serde(default)]
    value_since: BTreeMap<String, String>,
    while_gate_off: Option<GateOffRule>,
    selectors: Option<Selectors>,
    resource_names: Option<ResourceNames>,
}

pub(super) fn load(json: &str) -> Result<Loaded, String> {
    let raw: RawTable = serde_json::from_str(json).map_err(|e| format!("fields.json: {e}"))?;
    let mut types = HashMap::default();
    for (name, raw_type) in &raw.types {
        let mut fields = Vec::new();
        let mut chain = Some((name.as_str(), raw_type));
        let mut depth = 0;
        while let Some((declared_in, current)) = chain {
            for (field_name, raw_field) in &current.fields {
                if fields.iter().any(|f: &Field| &f.name == field_name) {
                    continue;
                }
                fields.push(field(declared_in, field_name, raw_field)?);
            }
            depth += 1;
            if depth > 16 {
                return Err(format!("{name}: `extends` loops"));
            }
            chain = match &current.extends {
                Some(base) => {
                    let base_type = raw
                        .types
                        .get(base)
                        .ok_or_else(|| format!("{name} extends unknown {base}"))?;
                    Some((base.as_str(), base_type))
                }
                None => None,
            };
        }
        fields.sort_by(|a, b| a.name.cmp(&b.name));
        let mut required: Vec<usize> = (0..fields.len()).filter(|&i| fields[i].required).collect();
        required.sort_by_key(|&i| (fields[i].name != "name", fields[i].name != "apiVersion"));
        let def = TypeDef {
            name: name.clone(),
            index: NameIndex::new(fields.iter().map(|f| f.name.as_str())),
            required,
            fields,
            as_field_type: FieldType::Object(name.clone()),
        };
        types.insert(name.clone(), def);
    }
    for root in std::iter::once(&raw.root).chain(&raw.roots) {
        if !types.contains_key(root) {
            return Err(format!("root type {root} is missing"));
        }
    }
    let versions = raw
        .versions
        .iter()
        .map(|v| minor(v))
        .collect::<Result<Vec<_>, _>>()?;
    let mut gates = HashMap::new();
    for (name, stages) in raw.feature_gates {
        let stages = stages
            .into_iter()
            .map(|s| {
                Ok(GateStage {
                    from: minor(&s.from)?,
                    stage: s.stage,
                    default: s.default,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        gates.insert(name.clone(), FeatureGate { name, stages });
    }
    let removed_api_versions = raw
        .removed_api_versions
        .into_iter()
        .map(|r| {
            Ok(RemovedApiVersion {
                removed_in: minor(&r.removed_in)?,
                api_version: r.api_version,
                kind: r.kind,
                replacement: r.replacement,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Loaded {
        root: raw.root,
        roots: raw.roots,
        types,
        versions,
        gates,
        removed_api_versions,
    })
}

fn field(declared_in: &str, name: &str, raw: &RawField) -> Result<Field, String> {
    Ok(Field {
        name: name.to_string(),
        ty: FieldType::parse(&raw.ty).map_err(|e| format!("{declared_in}.{name}: {e}"))?,
        declared_in: declared_in.to_string(),
        required: raw.required,
        enum_values: raw.enum_values.clone(),
        enum_pattern: raw.enum_pattern.clone(),
        default: raw.default.clone(),
        minimum: raw.minimum,
        maximum: raw.maximum,
        exclusive_minimum: raw.exclusive_minimum,
        format: raw.format.clone(),
        key_format: raw.key_format.clone(),
        since: raw.since.as_deref().map(minor).transpose()?,
        removed_in: raw.removed_in.as_deref().map(minor).transpose()?,
        replaced_by: raw.replaced_by.clone(),
        feature_gate: raw.feature_gate.clone(),
        deprecated: raw.deprecated.clone(),
        read_only: raw.read_only,
        path_rule: raw.path_rule,
        linux_only: raw.linux_only,
        empty_is_unset: raw.empty_is_unset,
        windows_only: raw.windows_only,
        value_gates: raw.value_gates.clone(),
        value_since: raw
            .value_since
            .iter()
            .map(|(value, v)| Ok((value.clone(), minor(v)?)))
            .collect::<Result<_, String>>()?,
        while_gate_off: raw.while_gate_off.clone(),
        selectors: raw.selectors.clone(),
        resource_names: raw.resource_names.clone(),
    })
}

/// The minor version of a Kubernetes `1.N` as the table writes it.
fn minor(version: &str) -> Result<u32, String> {
    version
        .strip_prefix("1.")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("`{version}` is not a Kubernetes version 1.N"))
}

/// How far a feature gate has come: alpha (off by default), beta, GA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Alpha,
    Beta,
    Ga,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Alpha => "alpha",
            Stage::Beta => "beta",
            Stage::Ga => "GA",
        }
    }
}

/// A stage of a gate, from a minor version until the next stage's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GateStage {
    pub from: u32,
    pub stage: Stage,
    pub default: bool,
}

/// An apiVersion that served a kind podls reads and that Kubernetes removed (`batch/v1beta1` CronJob,
/// gone in 1.25), with the apiVersion that serves the kind instead (`schema/tools/api_versions.py`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedApiVersion {
    pub api_version: String,
    pub kind: String,
    /// The minor version (1.N) that no longer serves it.
    pub removed_in: u32,
    pub replacement: String,
}

/// A feature gate with its stages across the table's versions (`pkg/features/kube_features.go`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureGate {
    pub name: String,
    /// In order of `from`.
    pub stages: Vec<GateStage>,
}

impl FeatureGate {
    /// The stage in Kubernetes 1.`minor`, `None` before the gate existed.
    pub fn at(&self, minor: u32) -> Option<GateStage> {
        self.stages.iter().rev().find(|s| s.from <= minor).copied()
    }
}
