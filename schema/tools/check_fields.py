#!/usr/bin/env python3
"""Consistency checks for schema/fields.json (see schema/README.md for the format).

Asserts: the file is canonical (2-space indent, sorted keys); every type expression parses; every referenced type
(field types and `extends`) exists; every type is reachable from a root (no orphans; `root` is the Pod, `roots` every kind podls reads); every enum is a non-empty
list of distinct strings; only documented keys / formats are used; bounds are consistent; the version facts
agree: `versions` is the run of minor versions, every `since` / `removedIn` / `valueSince` lies in it (a field's
versions are `since` up to but not including `removedIn`), every gate a field names is in `featureGates`, whose
stages start inside the range, in order, alpha never on by default; each `removedApiVersions` entry names a
root kind once, replaced by the kind's own apiVersion.
Exit status 0 = OK.  Usage: python3 schema/tools/check_fields.py [path/to/fields.json]
"""
import json
import os
import re
import sys

PRIMITIVES = {"string", "integer", "number", "boolean", "quantity", "int-or-string", "any"}
FIELD_KEYS = {"type", "required", "enum", "enumPattern", "default", "minimum", "maximum", "exclusiveMinimum",
              "format", "keyFormat", "since", "removedIn", "replacedBy", "featureGate", "valueGates", "valueSince",
              "whileGateOff", "deprecated", "readOnly", "pathRule", "linuxOnly", "windowsOnly", "emptyIsUnset",
              "selectors", "resourceNames"}
STAGES = {"alpha", "beta", "ga"}
PATH_RULES = {"local-descending", "no-backsteps"}
FORMATS = {"dns1123-label", "dns1123-subdomain", "qualified-name", "label-value", "iana-port-name", "env-var-name",
           "configmap-key", "http-header-name", "ip", "int32", "int64", "env-var-name-strict"}
NAME_RE = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def parse(expr):
    """Return (element kind, named type or None) for a type expression; raise ValueError if it does not parse."""
    if expr.startswith("[]"):
        return parse(expr[2:])
    if expr.startswith("map[string]"):
        return parse(expr[len("map[string]"):])
    if expr in PRIMITIVES:
        return expr, None
    if NAME_RE.match(expr):
        return "object", expr
    raise ValueError("bad type expression: %r" % expr)


def leaf(expr):
    while True:
        if expr.startswith("[]"):
            expr = expr[2:]
        elif expr.startswith("map[string]"):
            expr = expr[len("map[string]"):]
        else:
            return expr


def main(path):
    raw = open(path, encoding="utf-8").read()
    doc = json.loads(raw)
    errors = []

    def err(msg):
        errors.append(msg)

    if raw != json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n":
        err("file is not canonical (json.dumps indent=2, sort_keys=True + newline)")
    if set(doc) != {"root", "roots", "types", "versions", "featureGates", "removedApiVersions"}:
        err("top-level keys must be root, roots, types, versions, featureGates, removedApiVersions: %s"
            % sorted(doc))
    versions = doc.get("versions", [])
    minors = [int(v[2:]) if re.match(r"^1\.\d+$", str(v)) else -1 for v in versions]
    if not versions or minors != list(range(minors[0], minors[0] + len(minors))) or minors[0] < 0:
        err("versions must be consecutive minor versions \"1.N\": %s" % versions)

    def in_range(v):
        return v in versions

    gates = doc.get("featureGates", {})
    for gate, stages in gates.items():
        if not NAME_RE.match(gate) or not isinstance(stages, list) or not stages:
            err("featureGates.%s: must be a gate name with a non-empty list of stages" % gate)
            continue
        froms = [s.get("from") for s in stages]
        if not all(in_range(v) for v in froms) or froms != sorted(froms, key=versions.index if all(
                in_range(v) for v in froms) else str) or len(set(froms)) != len(froms):
            err("featureGates.%s: stages must start at distinct versions of the range, in order" % gate)
        for s in stages:
            if set(s) != {"from", "stage", "default"} or s.get("stage") not in STAGES \
                    or not isinstance(s.get("default"), bool):
                err("featureGates.%s: a stage is {from, stage: alpha|beta|ga, default: bool}: %s" % (gate, s))
            elif s["stage"] == "alpha" and s["default"]:
                err("featureGates.%s: an alpha stage is never on by default" % gate)
    removed = doc.get("removedApiVersions", [])
    seen = set()
    for r in removed:
        if set(r) != {"apiVersion", "kind", "removedIn", "replacement"} or not re.match(r"^1\.\d+$", r["removedIn"]):
            err("removedApiVersions: an entry is {apiVersion, kind, removedIn: \"1.N\", replacement}: %s" % r)
            continue
        if r["kind"] not in doc.get("roots", []) or r["apiVersion"] == r["replacement"]:
            err("removedApiVersions: %s: a kind podls reads, replaced by another apiVersion" % r)
        if (r["apiVersion"], r["kind"]) in seen:
            err("removedApiVersions: %s %s listed twice" % (r["apiVersion"], r["kind"]))
        seen.add((r["apiVersion"], r["kind"]))
        served = doc.get("types", {}).get(r["kind"], {}).get("fields", {}).get("apiVersion", {})
        if served.get("enum") and r["replacement"] not in served["enum"]:
            err("removedApiVersions: %s: the replacement is not the kind's apiVersion %s" % (r, served["enum"]))
    types = doc.get("types", {})
    root = doc.get("root")
    roots = doc.get("roots", [])
    if root not in types:
        err("root type %r missing" % root)
    if root not in roots or roots != sorted(set(roots)):
        err("roots must be a sorted list of distinct type names including the root %r" % root)
    for name in roots:
        if name not in types:
            err("root type %r missing" % name)
        elif set(types[name]["fields"]) & {"apiVersion", "kind"} != {"apiVersion", "kind"}:
            err("root type %r has no apiVersion and kind" % name)
        elif types[name]["fields"]["kind"].get("enum") != [name]:
            err("root type %r: its kind enum must be [%r]" % (name, name))

    edges = {}
    for tn, t in types.items():
        if not NAME_RE.match(tn):
            err("bad type name %r" % tn)
        if not set(t) <= {"fields", "extends"} or "fields" not in t:
            err("%s: bad type keys %s" % (tn, sorted(t)))
            continue
        refs = set()
        if "extends" in t:
            if t["extends"] not in types:
                err("%s extends unknown type %s" % (tn, t["extends"]))
            refs.add(t["extends"])
        for fn, f in t["fields"].items():
            where = "%s.%s" % (tn, fn)
            extra = set(f) - FIELD_KEYS
            if extra:
                err("%s: unknown keys %s" % (where, sorted(extra)))
            if "type" not in f:
                err("%s: no type" % where)
                continue
            try:
                _, ref = parse(f["type"])
            except ValueError as e:
                err("%s: %s" % (where, e))
                continue
            if ref:
                refs.add(ref)
                if ref not in types:
                    err("%s: unknown type %s" % (where, ref))
            base = leaf(f["type"])
            if "enum" in f:
                e = f["enum"]
                if not isinstance(e, list) or not e:
                    err("%s: enum must be a non-empty list" % where)
                elif not all(isinstance(x, str) for x in e) or len(set(e)) != len(e):
                    err("%s: enum must hold distinct strings" % where)
                if base != "string":
                    err("%s: enum on non-string type %s" % (where, f["type"]))
            if "enumPattern" in f:
                try:
                    re.compile(f["enumPattern"])
                except re.error as e2:
                    err("%s: bad enumPattern: %s" % (where, e2))
                if "enum" not in f:
                    err("%s: enumPattern without enum" % where)
            if "pathRule" in f and (f["pathRule"] not in PATH_RULES or f["type"] != "string"):
                err("%s: pathRule %r on %s" % (where, f["pathRule"], f["type"]))
            for k in ("linuxOnly", "windowsOnly"):
                if k in f and f[k] is not True:
                    err("%s: %s must be true when present" % (where, k))
            for k in ("valueGates", "valueSince"):
                if k in f and (not isinstance(f[k], dict) or not f[k] or not set(f[k]) <= set(f.get("enum", []))):
                    err("%s: %s must map values of its enum" % (where, k))
            for gate in list(f.get("valueGates", {}).values()) + [f.get("featureGate"),
                                                                   f.get("whileGateOff", {}).get("gate")]:
                if gate is not None and gate not in gates:
                    err("%s: gate %r is not in featureGates" % (where, gate))
            if "whileGateOff" in f and (not set(f["whileGateOff"]) - {"gate"} or not set(f["whileGateOff"]) <= {
                    "gate", "format", "minimum", "maxItems"}):
                err("%s: whileGateOff is {gate, format?, minimum?, maxItems?} with at least one rule" % where)
            first = f.get("since", versions[0] if versions else None)
            for v in f.get("valueSince", {}).values():
                if not in_range(v) or (in_range(first) and versions.index(v) <= versions.index(first)):
                    err("%s: valueSince %s must be a version of the range after the field's own" % (where, v))
            if "removedIn" in f:
                if not in_range(f["removedIn"]) or not in_range(first) \
                        or versions.index(f["removedIn"]) <= versions.index(first):
                    err("%s: removedIn must be a version of the range after since" % where)
                if not isinstance(f.get("replacedBy"), str) or not f["replacedBy"]:
                    err("%s: a removed field says what replaced it (replacedBy)" % where)
            elif "replacedBy" in f:
                err("%s: replacedBy without removedIn" % where)
            if "selectors" in f:
                sel = f["selectors"]
                if not isinstance(sel, dict) or set(sel) != {"env", "volume"} or not all(
                        isinstance(v, dict) and set(v) == {"values", "prefixes"}
                        and all(isinstance(x, list) and all(isinstance(y, str) for y in x) for x in v.values())
                        for v in sel.values()):
                    err("%s: selectors must be {env, volume} -> {values, prefixes} lists of strings" % where)
            if "resourceNames" in f:
                rn = f["resourceNames"]
                if not isinstance(rn, dict) or set(rn) != {"names", "prefixes", "extended"} \
                        or not isinstance(rn["extended"], bool):
                    err("%s: resourceNames must be {names, prefixes, extended}" % where)
            for k in ("format", "keyFormat"):
                if k in f and f[k] not in FORMATS:
                    err("%s: unknown %s %r" % (where, k, f[k]))
            if "keyFormat" in f and not f["type"].startswith("map[string]"):
                err("%s: keyFormat on non-map" % where)
            if f.get("format") in ("int32", "int64") and base != "integer":
                err("%s: integer format on %s" % (where, f["type"]))
            for k in ("minimum", "maximum"):
                if k in f and (not isinstance(f[k], int) or isinstance(f[k], bool)):
                    err("%s: %s must be an integer" % (where, k))
                if k in f and base not in ("integer", "int-or-string"):
                    err("%s: %s on non-integer type" % (where, k))
            if "minimum" in f and "maximum" in f and f["minimum"] > f["maximum"]:
                err("%s: minimum > maximum" % where)
            if "exclusiveMinimum" in f and (f["exclusiveMinimum"] is not True or "minimum" not in f):
                err("%s: exclusiveMinimum must be true and come with minimum" % where)
            for k in ("required", "readOnly"):
                if k in f and f[k] is not True:
                    err("%s: %s must be true when present" % (where, k))
            for k in ("default", "featureGate", "deprecated"):
                if k in f and (not isinstance(f[k], str) or not f[k]):
                    err("%s: %s must be a non-empty string" % (where, k))
            if "since" in f and (not in_range(f["since"]) or f["since"] == versions[0]):
                err("%s: since must be a version of the range after its first" % where)
        edges[tn] = refs

    # reachability
    seen, stack = set(), [r for r in roots if r in types]
    while stack:
        tn = stack.pop()
        if tn in seen:
            continue
        seen.add(tn)
        stack.extend(r for r in edges.get(tn, ()) if r in types)
    for tn in sorted(set(types) - seen):
        err("orphan type %s (not reachable from any of %s)" % (tn, ", ".join(roots)))

    # extends chains must not loop; extended fields must not be redeclared
    for tn, t in types.items():
        chain, cur = [tn], t.get("extends")
        while cur:
            if cur in chain:
                err("extends cycle: %s" % " -> ".join(chain + [cur]))
                break
            chain.append(cur)
            if cur in types:
                dup = set(t["fields"]) & set(types[cur]["fields"])
                if dup:
                    err("%s redeclares fields of %s: %s" % (tn, cur, sorted(dup)))
            cur = types.get(cur, {}).get("extends")

    nfields = sum(len(t.get("fields", {})) for t in types.values())
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print("%d error(s)" % len(errors), file=sys.stderr)
        return 1
    print("OK: %d types, %d fields" % (len(types), nfields))
    return 0


if __name__ == "__main__":
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fields.json")
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else default))
