//! The outline's labels (`textDocument/documentSymbol`): what each symbol is, before its name (`container
//! app`), and what it shows beside it (an image, a volume's source, a port's number). Plain text, as the
//! editor's outline draws it: names and values are written bare. The nouns a rename's refusal uses too
//! (volume, container, init container, port) are in `names.rs`.

use super::messages;

messages! {
    /// A symbol's kind and its name: `container app`.
    named(what, name) {
        en: "{what} {name}",
        zh: "{what} {name}",
    }
    /// What a symbol shows beside its label: `container app (nginx:1.27)`, `volume data (configMap)`.
    with_detail(label, detail) {
        en: "{label} ({detail})",
        zh: "{label}（{detail}）",
    }
    ephemeral_container() { en: "ephemeral container", zh: "临时容器" }
    claim_template() { en: "volume claim template", zh: "卷申领模板" }
    mount() { en: "mount", zh: "挂载" }
    /// An object without `kind` or a name.
    document() { en: "document", zh: "文档" }
    port_named(name, number, protocol) {
        en: "port {name} ({number}/{protocol})",
        zh: "端口 {name}（{number}/{protocol}）",
    }
    port_number(number, protocol) {
        en: "port {number}/{protocol}",
        zh: "端口 {number}/{protocol}",
    }
}
