//! The inlay hints' tooltips: why the API server fills in a default where a field is left out or written
//! empty, and the defaulting function that does it (`SetDefaults_PodSpec`, kept as it is in both languages).

use super::messages;

messages! {
    set_when_left_out(why) {
        en: "Set by the API server when left out ({why}).",
        zh: "省略时由 API 服务器填入（{why}）。",
    }
    read_as_unset(default, why) {
        en: "The API server reads this as unset and fills in {default} ({why}).",
        zh: "API 服务器把这个值当作未设置，填入 {default}（{why}）。",
    }
    /// The upstream function and what it does: `SetDefaults_PodSpec: …`.
    defaulted_by(function, reason) {
        en: "{function}: {reason}",
        zh: "{function}：{reason}",
    }
    restart_always() {
        en: "a pod restarts its containers unless it says otherwise",
        zh: "Pod 没有另行指定时会重启它的容器",
    }
    dns_cluster_first() {
        en: "names resolve through the cluster's DNS first",
        zh: "域名先经集群的 DNS 解析",
    }
    grace_period() {
        en: "30 seconds between SIGTERM and SIGKILL",
        zh: "从 SIGTERM 到 SIGKILL 之间等 30 秒",
    }
    pull_always() {
        en: "the image's tag is `latest` (no tag and no digest means `latest`), so the kubelet pulls at every start",
        zh: "镜像的标签是 `latest`（既没有标签也没有摘要就等于 `latest`），所以 kubelet 每次启动都会拉取",
    }
    pull_if_not_present() {
        en: "the image names a tag other than `latest` or a digest, so the kubelet pulls only when the node lacks it",
        zh: "镜像写明了 `latest` 以外的标签或摘要，所以只有节点上还没有这个镜像时 kubelet 才会拉取",
    }
    protocol_tcp() {
        en: "ports are TCP unless they say UDP or SCTP",
        zh: "端口没写明 UDP 或 SCTP 时就是 TCP",
    }
    host_network_port() {
        en: "on the host's network a container port is the node's port too",
        zh: "使用主机网络时，容器端口同时也是节点上的端口",
    }
    probe_default(field, default) {
        en: "{field} is {default} when left out or 0",
        zh: "{field} 省略或为 0 时取 {default}",
    }
}
