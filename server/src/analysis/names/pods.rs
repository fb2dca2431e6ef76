//! The names of a pod spec for the index: its volumes (and a StatefulSet's claim templates), containers,
//! ports, resource claims and labels, and every field of the pod that names one of them or an object of
//! the cluster (a mount, a probe's port, a `containerName`, a ConfigMap, a Secret, a claim, a
//! ServiceAccount).

use super::index::{
    Builder, NameKind, PodLabels, Role, Scope, at_keys, first_scalar, namespace_of, port_name,
    string,
};
use crate::analysis::containers::{Container, containers};
use crate::analysis::pod_sites::PodSite;
use crate::messages::{Message, names as msg};
use crate::syntax::{Document, FieldPath, NodeId, PathSegment};

/// Fields from a container that name something, as keys from it (`[]`: each item of a list).
const CONTAINER_USES: &[(NameKind, &[&str])] = &[
    (NameKind::Volume, &["volumeMounts", "[]", "name"]),
    (NameKind::Volume, &["volumeDevices", "[]", "name"]),
    (NameKind::Container, &["targetContainerName"]),
    (
        NameKind::Container,
        &[
            "env",
            "[]",
            "valueFrom",
            "resourceFieldRef",
            "containerName",
        ],
    ),
    (
        NameKind::ResourceClaim,
        &["resources", "claims", "[]", "name"],
    ),
    (
        NameKind::ConfigMap,
        &["env", "[]", "valueFrom", "configMapKeyRef", "name"],
    ),
    (
        NameKind::ConfigMap,
        &["envFrom", "[]", "configMapRef", "name"],
    ),
    (
        NameKind::Secret,
        &["env", "[]", "valueFrom", "secretKeyRef", "name"],
    ),
    (NameKind::Secret, &["envFrom", "[]", "secretRef", "name"]),
];

/// Where a container's probes and lifecycle hooks name a port (the kubelet resolves a name against the
/// container's own ports: `findPortByName` in `pkg/kubelet/prober`, `resolvePort` in `pkg/kubelet/lifecycle`).
const PORT_USES: &[&[&str]] = &[
    &["livenessProbe", "httpGet", "port"],
    &["livenessProbe", "tcpSocket", "port"],
    &["readinessProbe", "httpGet", "port"],
    &["readinessProbe", "tcpSocket", "port"],
    &["startupProbe", "httpGet", "port"],
    &["startupProbe", "tcpSocket", "port"],
    &["lifecycle", "postStart", "httpGet", "port"],
    &["lifecycle", "postStart", "tcpSocket", "port"],
    &["lifecycle", "preStop", "httpGet", "port"],
    &["lifecycle", "preStop", "tcpSocket", "port"],
];

/// Fields from a pod spec that name something.
const SPEC_USES: &[(NameKind, &[&str])] = &[
    (NameKind::ConfigMap, &["volumes", "[]", "configMap", "name"]),
    (
        NameKind::ConfigMap,
        &[
            "volumes",
            "[]",
            "projected",
            "sources",
            "[]",
            "configMap",
            "name",
        ],
    ),
    (NameKind::Secret, &["volumes", "[]", "secret", "secretName"]),
    (
        NameKind::Secret,
        &[
            "volumes",
            "[]",
            "projected",
            "sources",
            "[]",
            "secret",
            "name",
        ],
    ),
    (NameKind::Secret, &["imagePullSecrets", "[]", "name"]),
    (
        NameKind::PersistentVolumeClaim,
        &["volumes", "[]", "persistentVolumeClaim", "claimName"],
    ),
    (NameKind::ServiceAccount, &["serviceAccountName"]),
    (NameKind::ServiceAccount, &["serviceAccount"]),
    (
        NameKind::Container,
        &[
            "volumes",
            "[]",
            "downwardAPI",
            "items",
            "[]",
            "resourceFieldRef",
            "containerName",
        ],
    ),
    (
        NameKind::Container,
        &[
            "volumes",
            "[]",
            "projected",
            "sources",
            "[]",
            "downwardAPI",
            "items",
            "[]",
            "resourceFieldRef",
            "containerName",
        ],
    ),
    (
        NameKind::ResourceClaim,
        &["resources", "claims", "[]", "name"],
    ),
];

impl Builder<'_> {
    pub(super) fn pod(&mut self, site: &PodSite) {
        let doc = self.doc;
        let owner = site.owner;
        let namespace = namespace_of(doc, owner);
        let pod = Scope::Pod(owner);
        if self.navigation {
            self.labels(site, &namespace);
        }
        if let Some(spec) = site.spec.map(|s| doc.resolve(s)) {
            let spec_path = site.spec_path(&[]);
            self.declarations(spec, &spec_path, &pod);
            if self.navigation {
                self.uses(spec, &spec_path, SPEC_USES, |kind| match kind {
                    NameKind::Container | NameKind::ResourceClaim => pod.clone(),
                    _ => Scope::Namespace(namespace.clone()),
                });
            }
            for container in containers(doc, spec) {
                let path = self.path(|| spec_path.key(container.list).index(container.index));
                self.container(owner, &container, &path, &namespace);
            }
        }
        // Beside the template: a StatefulSet's claim templates are volumes of its pods (`updateStorage` in
        // pkg/controller/statefulset/stateful_set_utils.go), a Job's pod failure policy names containers.
        let beside = site
            .prefix
            .get(site.root.prefix.len()..site.prefix.len().saturating_sub(1))
            .unwrap_or_default();
        let Some((parent, parent_path)) = walk_keys(doc, owner, beside, site.root.prefix.clone())
        else {
            return;
        };
        if site.kind == "StatefulSet" {
            let mut found = Vec::new();
            let keys = ["volumeClaimTemplates", "[]", "metadata", "name"];
            at_keys(doc, parent, &keys, &mut parent_path.clone(), &mut found);
            for (node, path) in found {
                let detail = self.navigation.then(msg::claim_template_volume);
                self.add(
                    NameKind::Volume,
                    Role::Declaration,
                    pod.clone(),
                    node,
                    path,
                    detail,
                );
            }
        }
        if !self.navigation {
            return;
        }
        let keys: &[&str] = &[
            "podFailurePolicy",
            "rules",
            "[]",
            "onExitCodes",
            "containerName",
        ];
        self.uses(parent, &parent_path, &[(NameKind::Container, keys)], |_| {
            pod.clone()
        });
    }

    /// A declaration's path, for navigation: the diagnostics read the names alone (`pod_declarations`), and
    /// their symbols have an empty path.
    fn path(&self, make: impl FnOnce() -> FieldPath) -> FieldPath {
        if self.navigation {
            make()
        } else {
            FieldPath::new()
        }
    }

    /// A pod's volumes and resource claims.
    fn declarations(&mut self, spec: NodeId, path: &FieldPath, pod: &Scope) {
        let doc = self.doc;
        if let Some(volumes) = doc.get(spec, "volumes") {
            for (i, volume) in doc.items(volumes).iter().enumerate() {
                let volume = doc.resolve(*volume);
                if let Some(name) = doc.get(volume, "name") {
                    let path = self.path(|| path.key("volumes").index(i).key("name"));
                    let detail = self
                        .navigation
                        .then(|| volume_source(doc, volume))
                        .flatten();
                    self.add(
                        NameKind::Volume,
                        Role::Declaration,
                        pod.clone(),
                        name,
                        path,
                        detail,
                    );
                }
            }
        }
        if let Some(claims) = doc.get(spec, "resourceClaims") {
            for (i, claim) in doc.items(claims).iter().enumerate() {
                let claim = doc.resolve(*claim);
                if let Some(name) = doc.get(claim, "name") {
                    let path = self.path(|| path.key("resourceClaims").index(i).key("name"));
                    let detail = first_scalar(doc, claim, &["name"])
                        .filter(|_| self.navigation)
                        .map(|(k, v)| msg::resource_claim_from(k, v));
                    self.add(
                        NameKind::ResourceClaim,
                        Role::Declaration,
                        pod.clone(),
                        name,
                        path,
                        detail,
                    );
                }
            }
        }
    }

    fn container(
        &mut self,
        owner: NodeId,
        container: &Container,
        path: &FieldPath,
        namespace: &Option<String>,
    ) {
        let doc = self.doc;
        let node = container.node;
        let pod = Scope::Pod(owner);
        // An ephemeral container is not a target of `targetContainerName` or `containerName`
        // (`validateEphemeralContainers`): only the regular and init containers are declared.
        if container.list != "ephemeralContainers"
            && let Some(name) = doc.get(node, "name")
        {
            let image = doc.get(node, "image").and_then(|i| string(doc, i));
            let what = match container.list {
                "initContainers" => msg::init_container(),
                _ => msg::container(),
            };
            let detail = self.navigation.then(|| match image {
                Some(image) => msg::container_with_image(what, image),
                None => what,
            });
            self.add(
                NameKind::Container,
                Role::Declaration,
                pod.clone(),
                name,
                self.path(|| path.key("name")),
                detail,
            );
        }
        let ports = Scope::Container(owner, node);
        if let Some(list) = doc.get(node, "ports") {
            for (i, port) in doc.items(list).iter().enumerate() {
                let port = doc.resolve(*port);
                if let Some(name) = doc.get(port, "name") {
                    let detail = self.navigation.then(|| port_detail(doc, port));
                    let path = self.path(|| path.key("ports").index(i).key("name"));
                    self.add(
                        NameKind::Port,
                        Role::Declaration,
                        ports.clone(),
                        name,
                        path,
                        detail,
                    );
                }
            }
        }
        if !self.navigation {
            return;
        }
        let mut from = path.clone();
        for keys in PORT_USES {
            let mut found = Vec::new();
            at_keys(doc, node, keys, &mut from, &mut found);
            for (port, path) in found {
                // A number, even written as a string, is not a name (names need a letter: `IsValidPortName`).
                if port_name(doc, port) {
                    self.add(
                        NameKind::Port,
                        Role::Reference,
                        ports.clone(),
                        port,
                        path,
                        None,
                    );
                }
            }
        }
        self.uses(node, path, CONTAINER_USES, |kind| match kind {
            NameKind::ConfigMap | NameKind::Secret => Scope::Namespace(namespace.clone()),
            _ => pod.clone(),
        });
    }

    /// A pod's labels, which Services select it by.
    fn labels(&mut self, site: &PodSite, namespace: &Option<String>) {
        let labels = match site.metadata_field(self.doc, "labels") {
            Some(map) => {
                let path = site.prefix.keys(&["metadata", "labels"]);
                self.label_map(map, &path, Role::Declaration, Scope::Pod(site.owner))
            }
            None => Vec::new(),
        };
        self.names.pods.push(PodLabels {
            owner: site.owner,
            namespace: namespace.clone(),
            labels,
        });
    }
}

/// The node at a path of keys below `from` (after aliases), and its full path.
fn walk_keys(
    doc: &Document,
    from: NodeId,
    keys: &[PathSegment],
    mut path: FieldPath,
) -> Option<(NodeId, FieldPath)> {
    let mut node = from;
    for segment in keys {
        let PathSegment::Key(key) = segment else {
            return None;
        };
        node = doc.resolve(doc.get(node, key)?);
        path.push(segment.clone());
    }
    Some((node, path))
}

/// `persistentVolumeClaim` `claimName: data`: a volume's source, as its hover on a mount says.
fn volume_source(doc: &Document, volume: NodeId) -> Option<Message> {
    let (key, value) = doc
        .entries(volume)
        .iter()
        .find(|(k, _)| doc.scalar(*k).is_some_and(|k| k != "name"))?;
    let source = doc.scalar(*key)?;
    let value = doc.resolve(*value);
    Some(match first_scalar(doc, value, &[]) {
        Some((k, v)) => msg::volume_from_entry(source, k, v),
        None => msg::volume_from(source),
    })
}

/// `8080/TCP`: a port's number and protocol.
fn port_detail(doc: &Document, port: NodeId) -> Message {
    let number = doc.get(port, "containerPort").and_then(|p| doc.scalar(p));
    let protocol = doc
        .get(port, "protocol")
        .and_then(|p| doc.scalar(p))
        .filter(|p| !p.is_empty())
        .unwrap_or("TCP");
    match number {
        Some(number) => msg::container_port(number, protocol),
        None => msg::port_without_number(),
    }
}
