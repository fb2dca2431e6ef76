//! What people accept while typing a Pod: the first key under a new key, a key continuing the item above,
//! one action per probe, resource names, and absolute indentation for clients that insert as is.

use expect_test::expect;

use super::*;

#[test]
fn the_first_key_typed_under_a_new_key() {
    // YAML reads the half-typed word as the parent's value; a person is typing its first key.
    check_labels(&two("    resources:\n      req$0\n"), expect!["requests"]);
    check_labels(
        &two("    livenessProbe:\n      httpGet:\n        po$0\n"),
        expect!["port protocol"],
    );
    check_edit(
        &two("    livenessProbe:\n      ini$0\n"),
        "initialDelaySeconds",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("integer") snippet=true
                  initialDelaySeconds: $0"#]],
    );
    // Under a list: the first key of a new item.
    check_edit(
        &four("          ports:\n              cont$0\n"),
        "- containerPort",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("integer") snippet=true
                          - containerPort: $0"#]],
    );
    // A value on its own line below a scalar field stays a value.
    check(&two("    image:\n      ngi$0\n"), expect!["nothing"]);
}

#[test]
fn a_key_at_the_dash_column_continues_the_item_above() {
    // After Enter at the end of `- containerPort: 80`, editors put the cursor at the dash's column.
    let fixture = two("    ports:\n      - containerPort: 80\n      $0\n");
    check_labels(
        &fixture,
        expect![
            "hostIP hostPort name protocol - containerPort - hostIP - hostPort - name - protocol"
        ],
    );
    check_edit(
        &fixture,
        "protocol",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("string") snippet=true
                    protocol: ${1|TCP,SCTP,UDP|}"#]],
    );
    check_edit(
        &two("    ports:\n      - containerPort: 80\n        name: http\n      pro$0\n"),
        "protocol",
        plain_text(),
        expect![[r#"
            Field Some("string") snippet=false
                    protocol:·"#]],
    );
    // kubectl style: the item's keys, then the container's own.
    check_labels(
        &two("    ports:\n    - containerPort: 80\n    na$0\n"),
        expect!["name terminationMessagePath terminationMessagePolicy"],
    );
    check_labels(
        &two("    env:\n    - name: A\n    val$0\n"),
        expect!["value valueFrom"],
    );
}

#[test]
fn one_action_per_probe_and_one_source_per_volume() {
    check_labels(
        &two("    livenessProbe:\n      httpGet:\n        port: 80\n      $0\n"),
        expect![
            "failureThreshold initialDelaySeconds periodSeconds successThreshold terminationGracePeriodSeconds timeoutSeconds"
        ],
    );
    check_labels(
        &two("    lifecycle:\n      preStop:\n        sleep:\n          seconds: 5\n        $0\n"),
        expect!["nothing"],
    );
    check_labels(
        &two("  volumes:\n  - name: data\n    emptyDir: {}\n    $0\n"),
        expect!["nothing"],
    );
}

#[test]
fn resource_names_under_requests_and_limits() {
    check(
        &two("    resources:\n      requests:\n        cpu: 100m\n        $0\n"),
        expect![[r#"
            replaces ""
            memory "memory: $0"
            ephemeral-storage "ephemeral-storage: $0"
            hugepages-2Mi "hugepages-2Mi: $0"
            hugepages-1Gi "hugepages-1Gi: $0"
        "#]],
    );
    check_labels(
        &two("  resources:\n    limits:\n      $0\n"),
        expect!["cpu memory hugepages-2Mi hugepages-1Gi"],
    );
    check_labels(
        &two("    resources:\n      limits:\n        mem$0\n"),
        expect!["memory"],
    );
    check_labels(
        &two(
            "  volumes:\n  - name: v\n    ephemeral:\n      volumeClaimTemplate:\n        spec:\n          resources:\n            requests:\n              $0\n",
        ),
        expect!["storage"],
    );
}

#[test]
fn typed_prefix_filters_and_orders() {
    // Those that start with it first, then those that hold its letters in order.
    check_labels(&two("    por$0\n"), expect!["ports restartPolicyRules"]);
    check_labels(&two("    volumeM$0\n"), expect!["volumeMounts"]);
    check_labels(
        &two("    rp$0\n"),
        expect![
            "readinessProbe resizePolicy restartPolicy restartPolicyRules startupProbe terminationMessagePath terminationMessagePolicy"
        ],
    );
}

#[test]
fn absolute_indentation_for_clients_that_insert_as_is() {
    let as_is = CompletionOptions {
        as_is: true,
        ..CompletionOptions::default()
    };
    check_edit(
        &four("          po$0\n"),
        "ports",
        as_is,
        expect![[r#"
            Field Some("[]ContainerPort") snippet=true
                      ports:
                          - $0"#]],
    );
    check_edit(
        &four("    volumes:\n        - $0\n"),
        "configMap volume",
        as_is,
        expect![[r#"
            Snippet Some("Volume: files from a ConfigMap") snippet=true
                    - name: ${1:config}
                      configMap:
                          name: ${2:my-config}$0"#]],
    );
}

#[test]
fn scalars_are_snippets_so_neovim_inserts_them_whole() {
    // Neovim inserts only the first word of a plain-text item: `containerPort:` without its blank.
    check_edit(
        &two("    ports:\n    - cont$0\n"),
        "containerPort",
        CompletionOptions::default(),
        expect![[r#"
            Field Some("integer") snippet=true
                - containerPort: $0"#]],
    );
    // A value after the `:` trigger (`" Never"`) is one too: see `trigger_characters_answer_only_where_they_help`.
}
