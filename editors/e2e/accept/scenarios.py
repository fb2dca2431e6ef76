#!/usr/bin/env python3
"""The real-editor typing tests in one place: what a person types (a few letters of each key, then the item
accepted from the menu) and the whole YAML they want after each step, for a 2-space and a 4-space document,
plus quick fixes applied through the editor's code-action menu. Prints JSON; the Neovim driver
(../nvim/typing.lua) and the VS Code driver (../vscode/typing.js) replay it and compare each buffer byte for byte.

Actions: {"type": text} types characters; {"accept": label} waits for the menu to list label, moves to it and
accepts it; {"accept_first": label} opens the menu if it is not open and accepts its first item, which must be
label; {"key": "Tab"|"Escape"}; {"open": {"below": line, "indent": n}} starts a new line indented by n blanks below
the first line whose text is `line` (the editors' own auto-indent is off, so both start from the same line); {"code_action": {"at": text,
"title": title}} opens the code-action menu with the cursor on the last character of the first `text` and applies
`title` (compared without quotes or
backticks; an offered title may add details after it, "Add volume data (emptyDir: {})"). A step may start from its own text ("start")."""
import json
import os


def typing(u):
    """A Pod typed in a document indented by u spaces per level, with `- ` items one level below their key."""
    s = " "
    c = 2 * u  # the `- ` of a container
    k = c + 2  # a container's keys
    ik = k + u  # the `- ` of a list under a container key
    ikk = ik + 2  # the keys of such an item
    ck = k + u  # the child of a container key (resources: requests)
    cck = ck + u  # its child (requests: memory)
    head = ["apiVersion: v1", "kind: Pod", "metadata:", s * u + "name: web", "spec:", s * u + "containers:"]
    app = [s * c + "- name: app", s * k + "image: nginx:1.27"]
    pull = [s * k + "imagePullPolicy: IfNotPresent"]
    ports = [s * k + "ports:", s * ik + "- containerPort: 80"]
    proto = [s * ikk + "protocol: TCP"]
    env = [s * k + "env:", s * ik + "- name: LOG_LEVEL", s * ikk + "value: debug"]
    mounts = [s * k + "volumeMounts:", s * ik + "- name: data", s * ikk + "mountPath: /data"]
    res = [s * k + "resources:", s * ck + "requests:", s * cck + "memory: 128Mi"]
    probe = [s * k + "livenessProbe:", s * ck + "httpGet:", s * cck + "path: /healthz", s * cck + "port: 80"]
    side = [s * c + "- name: sidecar", s * k + "image: busybox:1.36"]
    vols = [s * u + "volumes:", s * 2 * u + "- name: data", s * (2 * u + 2) + "emptyDir: {}"]

    def opened(below, indent):
        return {"open": {"below": below, "indent": indent}}

    steps = []
    if u == 2:  # an empty file has no indentation to follow: the skeleton comes in the default 2 spaces
        steps.append(("Pod skeleton from an empty file",
                      [{"type": "Po"}, {"accept": "Pod"}, {"type": "web"}, {"key": "Tab"}, {"type": "app"},
                       {"key": "Tab"}, {"type": "nginx:1.27"}],
                      head + app))
    steps += [
        ("a second container (container skeleton)",
         [opened("image: nginx:1.27", c), {"type": "- co"}, {"accept": "container"}, {"type": "sidecar"},
          {"key": "Tab"}, {"type": "busybox:1.36"}],
         head + app + side),
        ("ports with a containerPort value",
         [opened("image: nginx:1.27", k), {"type": "por"}, {"accept": "ports"}, {"type": "contai"},
          {"accept": "containerPort"}, {"type": "80"}],
         head + app + ports + side),
        ("env with a name and a value",
         [opened("- containerPort: 80", k), {"type": "en"}, {"accept": "env"}, {"type": "na"}, {"accept": "name"},
          {"type": "LOG_LEVEL"}, opened("- name: LOG_LEVEL", ikk), {"type": "val"}, {"accept": "value"},
          {"type": "debug"}],
         head + app + ports + env + side),
        ("volumeMounts naming a volume",
         [opened("value: debug", k), {"type": "volumeM"}, {"accept": "volumeMounts"}, {"type": "na"},
          {"accept": "name"}, {"type": "data"}, opened("- name: data", ikk), {"type": "mountP"},
          {"accept": "mountPath"}, {"type": "/data"}],
         head + app + ports + env + mounts + side),
        ("a volume skeleton (emptyDir)",
         [opened("image: busybox:1.36", u), {"type": "volu"}, {"accept": "volumes"}, {"type": "emp"},
          {"accept": "emptyDir volume"}, {"type": "data"}],
         head + app + ports + env + mounts + side + vols),
        ("resources.requests.memory",
         [opened("mountPath: /data", k), {"type": "reso"}, {"accept": "resources"}, {"type": "req"},
          {"accept": "requests"}, {"type": "mem"}, {"accept": "memory"}, {"type": "128Mi"}],
         head + app + ports + env + mounts + res + side + vols),
        ("livenessProbe with httpGet",
         [opened("memory: 128Mi", k), {"type": "live"}, {"accept": "livenessProbe"}, {"type": "htt"},
          {"accept": "httpGet"}, {"type": "pa"}, {"accept": "path"}, {"type": "/healthz"},
          opened("path: /healthz", cck), {"type": "po"}, {"accept": "port"}, {"type": "80"}],
         head + app + ports + env + mounts + res + probe + side + vols),
        ("an enum value through its choice (imagePullPolicy: IfNotPresent)",
         [opened("image: nginx:1.27", k), {"type": "imagePu"}, {"accept": "imagePullPolicy"},
          {"accept": "IfNotPresent"}],
         head + app + pull + ports + env + mounts + res + probe + side + vols),
        ("the default enum value first (protocol: TCP)",
         [opened("- containerPort: 80", ikk), {"type": "proto"}, {"accept": "protocol"}, {"accept_first": "TCP"}],
         head + app + pull + ports + proto + env + mounts + res + probe + side + vols),
    ]
    return {
        "name": f"{u}-space document",
        "file": f"typing-{u}.yaml",
        "indent": u,
        "start": [] if u == 2 else head + app,
        "steps": [{"name": n, "actions": a, "expect": e} for n, a, e in steps],
    }


def fixes():
    """Quick fixes a person applies from the code-action menu, each on its own small Pod."""
    head = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: web", "spec:", "  containers:",
            "    - name: app", "      image: nginx:1.27"]

    def fix(name, at, title, before, after, tail=()):
        return {"name": name, "start": head + before + list(tail),
                "actions": [{"code_action": {"at": at, "title": title}}], "expect": head + after + list(tail)}

    return {
        "name": "quick fixes",
        "file": "fixes.yaml",
        "indent": 2,
        "start": [],
        "steps": [
            fix("an invalid enum value: Change to `IfNotPresent`", "Sometimes", "Change to `IfNotPresent`",
                ["      imagePullPolicy: Sometimes"], ["      imagePullPolicy: IfNotPresent"]),
            fix("a quantity in the wrong unit: Change `128mb` to `128Mi`", "128mb", "Change `128mb` to `128Mi`",
                ["      resources:", "        requests:", "          memory: 128mb"],
                ["      resources:", "        requests:", "          memory: 128Mi"]),
            fix("a probe naming an undeclared port: Change to `http`", "htp", "Change to `http`",
                ["      ports:", "        - name: http", "          containerPort: 8080", "      livenessProbe:",
                 "        httpGet:", "          port: htp"],
                ["      ports:", "        - name: http", "          containerPort: 8080", "      livenessProbe:",
                 "        httpGet:", "          port: http"]),
            fix("a mount of an undeclared volume: Add volume `data`", "name: data", "Add volume `data`",
                ["      volumeMounts:", "        - name: data", "          mountPath: /data"],
                ["      volumeMounts:", "        - name: data", "          mountPath: /data", "  volumes:",
                 "    - name: data", "      emptyDir: {}"]),
        ],
    }


if __name__ == "__main__":
    documents = [typing(2), typing(4), fixes()]
    # STEPS=TEXT (editors/test.sh) runs only the steps whose "document / step" name holds TEXT; a skipped step
    # is replaced by its expected text, so the next one starts where it should.
    only = os.environ.get("STEPS", "")
    for doc in documents:
        for step in doc["steps"]:
            if only not in f'{doc["name"]} / {step["name"]}':
                step["skip"] = f"not in STEPS={only!r}"
    print(json.dumps({"documents": documents}, indent=1))
