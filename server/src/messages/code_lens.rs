//! The code lenses over a pod spec: the QoS class the kubelet gives the pod and why, and the requests and
//! limits the scheduler counts. Lenses are plain text (no Markdown), so class and resource names are written
//! bare, the same in both languages.

use super::messages;

messages! {
    qos(class, reason) {
        en: "QoS {class} ({reason})",
        zh: "QoS 等级 {class}（{reason}）",
    }
    qos_pod_level(reason) {
        en: "pod-level resources: {reason}",
        zh: "按 Pod 级资源：{reason}",
    }
    qos_guaranteed() {
        en: "cpu and memory limits equal requests",
        zh: "CPU 和内存的限制都等于请求",
    }
    qos_best_effort() {
        en: "no cpu or memory requests or limits",
        zh: "CPU 和内存都没有请求或限制",
    }
    qos_burstable() {
        en: "requests below limits, or set for some containers only",
        zh: "请求低于限制，或只有部分容器设置了它们",
    }
    no_requests_or_limits() {
        en: "no requests or limits",
        zh: "没有请求，也没有限制",
    }
    requests_only(requests) {
        en: "requests {requests} · no limits",
        zh: "请求 {requests} · 没有限制",
    }
    limits_only(limits) {
        en: "no requests · limits {limits}",
        zh: "没有请求 · 限制 {limits}",
    }
    requests_and_limits(requests, limits) {
        en: "requests {requests} · limits {limits}",
        zh: "请求 {requests} · 限制 {limits}",
    }
    /// Between the amounts of one list (`cpu 750m, memory 384Mi`).
    amount_separator() {
        en: ", ",
        zh: "，",
    }
}
