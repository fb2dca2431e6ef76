"""The apiVersions of the kinds podls serves, for gen_fields.py: which apiVersion serves each kind in every
bundled version (read from the per-version schemas' `x-kubernetes-group-version-kind`), and the apiVersions
Kubernetes removed, with the version that removed each and the apiVersion that replaces it.

A removal inside the bundled range (served in 1.N, gone in 1.N+1) is found in the schemas alone. The schemas
cannot say when an apiVersion gone before the oldest bundled version went, so REMOVED_BEFORE_THE_TABLE holds
those, from the `+k8s:prerelease-lifecycle-gen:removed=1.N` tags of kubernetes/kubernetes
`staging/src/k8s.io/api/<group>/<version>/types.go` (own transcription); the schemas check that none of them
is served by any bundled version. The replacement is always computed: the one apiVersion that serves the kind
in the version that removed it (for a removal before the table, in the oldest bundled version).
"""

# apiVersion -> (version that removed it, the kinds podls serves that it served).
REMOVED_BEFORE_THE_TABLE = {
    # extensions/v1beta1 types.go: Deployment, DaemonSet, ReplicaSet tagged removed=1.16.
    "extensions/v1beta1": ("1.16", ["DaemonSet", "Deployment", "ReplicaSet"]),
    # apps/v1beta1 types.go: Deployment, StatefulSet tagged removed=1.16.
    "apps/v1beta1": ("1.16", ["Deployment", "StatefulSet"]),
    # apps/v1beta2 types.go: Deployment, StatefulSet, DaemonSet, ReplicaSet tagged removed=1.16.
    "apps/v1beta2": ("1.16", ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"]),
    # batch/v1beta1 types.go: CronJob tagged removed=1.25 (1.25 is the oldest bundled schema, which no longer
    # serves it: the schemas cannot see 1.24 serving it).
    "batch/v1beta1": ("1.25", ["CronJob"]),
    # batch/v2alpha1 (CronJob, never on by default) was deleted from the tree in 1.21.
    "batch/v2alpha1": ("1.21", ["CronJob"]),
}


def api_version(gvk):
    return "%s/%s" % (gvk["group"], gvk["version"]) if gvk["group"] else gvk["version"]


def served(defs, kinds):
    """{kind: set of apiVersions} that one version's definitions serve, for `kinds`."""
    out = {kind: set() for kind in kinds}
    for definition in defs.values():
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            if gvk["kind"] in out:
                out[gvk["kind"]].add(api_version(gvk))
    return out


def removed_api_versions(versions, load_defs, kinds):
    """The `removedApiVersions` of fields.json: one entry per (apiVersion, kind) removed, sorted."""
    by_version = [served(load_defs(v), kinds) for v in versions]
    vkey = lambda v: tuple(int(x) for x in v.split("."))
    entries = {}

    def replacement(kind, at):
        serving = sorted(by_version[versions.index(at)][kind])
        assert len(serving) == 1, "%s: %s serves %s, not one apiVersion" % (kind, at, serving)
        return serving[0]

    # Inside the table: served by one version, not by the next, and never again.
    for i in range(1, len(versions)):
        for kind in kinds:
            for gone in by_version[i - 1][kind] - by_version[i][kind]:
                later = [versions[j] for j in range(i, len(versions)) if gone in by_version[j][kind]]
                assert not later, "%s %s: gone in %s, back in %s" % (gone, kind, versions[i], later)
                entries[(gone, kind)] = versions[i]
    # Before the table: from the lifecycle tags, checked against every bundled schema.
    for gone, (removed_in, gone_kinds) in REMOVED_BEFORE_THE_TABLE.items():
        assert vkey(removed_in) <= vkey(versions[0]), (gone, removed_in)
        for kind in gone_kinds:
            assert kind in kinds, (gone, kind)
            serving = [v for v, s in zip(versions, by_version) if gone in s[kind]]
            assert not serving, "%s %s: said removed in %s, but %s serve it" % (gone, kind, removed_in, serving)
            assert (gone, kind) not in entries, (gone, kind)
            entries[(gone, kind)] = removed_in
    out = []
    for (gone, kind), removed_in in sorted(entries.items()):
        at = removed_in if vkey(removed_in) >= vkey(versions[0]) else versions[0]
        out.append({"apiVersion": gone, "kind": kind, "removedIn": removed_in,
                    "replacement": replacement(kind, at)})
    return out
