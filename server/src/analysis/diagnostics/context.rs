//! What every rule sees: the `Context` of the document (text, tree, inputs, the pod site being checked) and
//! the `Visit` of one node with the field the table expects there, plus the builders of the diagnostics
//! several rules share (`conflicting-fields`, the note on a rule a later version relaxed) and of their
//! messages.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::analysis::inputs::KubernetesVersion;
use crate::analysis::names::index::{DocumentNames, Scope};
use crate::analysis::pod_sites::PodSite;
use crate::analysis::scalar::Scalar;
use crate::analysis::versions::{gate_relaxes, stricter_until};
use crate::messages::Locale;
use crate::messages::Message;
use crate::messages::versions as version_msg;
use crate::schema::{Field, FieldType, Schema, TypeDef};
use crate::syntax::{Document, FieldPath, NodeId, PathSegment, TextRange};

/// The document being checked, for every rule.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub schema: &'static Schema,
    /// The language of the messages (`messages`): rules render theirs with `.render(cx.locale)`.
    pub locale: Locale,
    /// The Kubernetes version checked against.
    pub kubernetes: KubernetesVersion,
    /// The pod spec being walked: rules read pod-level fields (`spec.os`, `metadata.labels`) from here, not
    /// from the document root.
    pub site: &'a PodSite,
    /// Whether the whole document parsed and is not a patch. Rules about what is *absent* (required
    /// fields, references) stay quiet in a broken document, whose tree stops at the error, and in a
    /// kustomize patch, whose base holds the rest.
    pub complete: bool,
    /// What the document's pods declare, from the name index (`names::build::pod_declarations`): the
    /// reference rules check names against it.
    pub names: &'a DocumentNames,
    /// A kustomize patch: a partial object, whose selector and references are its base's business.
    pub partial: bool,
}

impl Context<'_> {
    /// The source text of a node.
    pub fn source(&self, id: NodeId) -> &str {
        &self.text[self.doc.node(id).range.as_range()]
    }

    /// The scope of the names the pod being walked declares (its volumes, containers, claims).
    pub fn pod_scope(&self) -> Scope {
        Scope::Pod(self.site.owner)
    }

    /// Whether `spec` is the pod spec whose names `names` holds. A mapping that repeats `spec` (a
    /// `duplicate-key` error) has its first one indexed, as every reader takes the first: a later one's
    /// references cannot be checked against it, and a fix declaring a name there would never resolve them.
    pub fn names_read_from(&self, spec: NodeId) -> bool {
        self.site.spec.map(|s| self.doc.resolve(s)) == Some(spec)
    }

    /// The value of the pod's `spec.<key>`, when written.
    pub fn spec_field(&self, key: &str) -> Option<NodeId> {
        self.site.spec_field(self.doc, key)
    }

    /// Whether `path` is the served object's own `metadata`: the only one whose name the API server requires
    /// and validates (a pod template's name, a claim template's, is given by the controller).
    pub fn is_own_metadata(&self, path: &[PathSegment]) -> bool {
        // A custom resource is walked from its pod template: its own metadata is not there.
        self.site.kind != crate::analysis::pod_sites::CUSTOM_RESOURCE
            && path
                .strip_prefix(self.site.root.prefix.segments())
                .is_some_and(|rest| matches!(rest, [PathSegment::Key(key)] if key == "metadata"))
    }
}

/// A rule: what it checks at one visited node. It returns early on nodes it does not care about.
pub(crate) type Check = fn(&Context, &Visit, &mut Vec<Diagnostic>);

/// A rule and the table types it runs on (empty: every node).
pub(crate) struct Rule {
    pub on: &'static [&'static str],
    pub check: Check,
}

/// A node and what the field table says belongs there.
pub(crate) struct Visit<'a> {
    /// The node after following an alias.
    pub node: NodeId,
    /// The node as written (an alias stays an alias): where diagnostics about the value point.
    pub written: NodeId,
    /// The key whose value this is, for mapping values.
    pub key: Option<NodeId>,
    pub path: &'a FieldPath,
    /// The field this is the value of, or an item or map value of.
    pub field: Option<&'a Field>,
    pub ty: &'a FieldType,
    /// The scalar's meaning, `None` for collections.
    pub scalar: Option<Scalar<'a>>,
    /// The table's type when this is an object of the table (`None` for other types).
    pub def: Option<&'a TypeDef>,
    /// For an object of the table, the field each entry's key names, in the order of the node's entries
    /// (`None`: a key that is not a scalar, or that the type does not declare); empty otherwise. The walk
    /// looks each key up once for every rule.
    pub fields: &'a [Option<&'a Field>],
}

impl<'a> Visit<'a> {
    pub fn range(&self, cx: &Context) -> TextRange {
        cx.doc.node(self.written).range
    }

    /// Where a diagnostic about the whole object points: its key, or for a sequence item (or the document
    /// root) its first key, so the squiggle stays on one line.
    pub fn anchor(&self, cx: &Context) -> TextRange {
        if let Some(key) = self.key {
            return cx.doc.node(key).range;
        }
        match cx.doc.entries(self.node).first() {
            Some((key, _)) => cx.doc.node(*key).range,
            None => self.range(cx),
        }
    }

    pub fn is_null(&self) -> bool {
        self.scalar == Some(Scalar::Null)
    }

    /// The object type name when this is an object of the table.
    pub fn object(&self) -> Option<&str> {
        match self.ty {
            FieldType::Object(name) => Some(name),
            _ => None,
        }
    }

    /// The entries of this object with the field each key names (see `fields`).
    pub fn entries_with_fields<'v>(
        &'v self,
        cx: &'v Context,
    ) -> impl Iterator<Item = (NodeId, NodeId, Option<&'a Field>)> + 'v {
        cx.doc
            .entries(self.node)
            .iter()
            .zip(self.fields)
            .map(|(&(key, value), &field)| (key, value, field))
    }
}

/// `conflicting-fields` at `at`, a key of this object (or its own key): the path names that key.
pub(crate) fn conflict(cx: &Context, visit: &Visit, at: NodeId, message: Message) -> Diagnostic {
    let message = message.render(cx.locale);
    let mut path = visit.path.clone();
    if let Some(name) = cx.doc.scalar(at).filter(|_| Some(at) != visit.key) {
        path.push(PathSegment::Key(name.to_string()));
    }
    Diagnostic::error(Code::ConflictingFields, cx.doc.node(at).range, message).at(path)
}

/// `(Kubernetes 1.30 checks ...)`: why the rule is stricter than the table's, when the target predates the
/// gate that relaxed it.
pub(crate) fn stricter_note(cx: &Context, field: &Field) -> Option<String> {
    let (gate, relaxed) = stricter_until(cx.schema, field, cx.kubernetes)?;
    Some(gate_note(cx, gate, relaxed))
}

/// The same note for a rule that a gate relaxes (`SidecarContainers` for an init container's probes), when
/// the gate is off by default in the target.
pub(crate) fn relaxed_by_note(cx: &Context, gate: &str) -> Option<String> {
    let (gate, relaxed) = gate_relaxes(cx.schema, gate, cx.kubernetes)?;
    Some(gate_note(cx, gate, relaxed))
}

fn gate_note(cx: &Context, gate: String, relaxed: Option<KubernetesVersion>) -> String {
    let note = match relaxed {
        Some(from) => version_msg::stricter_rule_until(cx.kubernetes, gate, from),
        None => version_msg::stricter_rule(cx.kubernetes, gate),
    };
    note.render(cx.locale)
}
