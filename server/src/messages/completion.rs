//! What a completion item says beside its label (its detail): a skeleton's kind, a volume source's use, a
//! name's kind, a field gated off in the target. Labels are what the user types, so they stay as written.

use super::messages;

messages! {
    /// A skeleton of an object: `Deployment skeleton`.
    skeleton(kind) {
        en: "{kind} skeleton",
        zh: "{kind} 骨架",
    }
    container_skeleton() { en: "Container skeleton", zh: "容器骨架" }
    volume_scratch() { en: "Volume: scratch space", zh: "卷：临时的暂存空间" }
    volume_config_map() { en: "Volume: files from a ConfigMap", zh: "卷：来自 ConfigMap 的文件" }
    volume_secret() { en: "Volume: files from a Secret", zh: "卷：来自 Secret 的文件" }
    volume_claim() { en: "Volume: a PersistentVolumeClaim", zh: "卷：一个 PersistentVolumeClaim" }
    volume_host_path() { en: "Volume: a path on the node", zh: "卷：节点上的一个路径" }
    container_port() { en: "container port", zh: "容器端口" }
    /// A resource name's value in a resource list.
    quantity() { en: "quantity", zh: "资源数量" }
    /// `string · gate ContainerStopSignals (alpha, off by default)`.
    gated_off(ty, gate, stage) {
        en: "{ty} · gate {gate} ({stage}, off by default)",
        zh: "{ty} · 特性门控 {gate}（{stage}，默认关闭）",
    }
    /// A gate the target does not have at all yet.
    gate_not_yet() { en: "not yet", zh: "尚未引入" }
}
