//! Fixes of values: every allowed value of an enum, quantities in the unit meant, values in the shape the
//! field wants, fields to remove or rename, paths, and the syntax layer's repairs.

use expect_test::expect;

use super::{check_changes, pod};

#[test]
fn every_allowed_value_of_an_enum_default_first() {
    check_changes(
        &pod("      imagePullPolicy: Sometimes\n", ""),
        expect![[r#"
        ## Change to `IfNotPresent` (preferred)
        -      imagePullPolicy: Sometimes
        +      imagePullPolicy: IfNotPresent
        ## Change to `Never`
        -      imagePullPolicy: Sometimes
        +      imagePullPolicy: Never
        ## Change to `Always`
        -      imagePullPolicy: Sometimes
        +      imagePullPolicy: Always
    "#]],
    );
    check_changes(
        &pod("      imagePullPolicy: 'Nevr'\n", ""),
        expect![[r#"
        ## Change to `Never` (preferred)
        -      imagePullPolicy: 'Nevr'
        +      imagePullPolicy: 'Never'
        ## Change to `IfNotPresent`
        -      imagePullPolicy: 'Nevr'
        +      imagePullPolicy: 'IfNotPresent'
        ## Change to `Always`
        -      imagePullPolicy: 'Nevr'
        +      imagePullPolicy: 'Always'
    "#]],
    );
    check_changes(
        &pod("", "  restartPolicy: \"Sometimes\"\n"),
        expect![[r###"
        ## Change to `Always` (preferred)
        -  restartPolicy: "Sometimes"
        +  restartPolicy: "Always"
        ## Change to `Never`
        -  restartPolicy: "Sometimes"
        +  restartPolicy: "Never"
        ## Change to `OnFailure`
        -  restartPolicy: "Sometimes"
        +  restartPolicy: "OnFailure"
    "###]],
    );
}

#[test]
fn quantities_in_the_unit_meant() {
    check_changes(
        &pod(
            "      resources:\n        limits:\n          memory: 128mb\n          cpu: 0.5cores\n        requests:\n          memory: 2 Gi\n          cpu: 500 m\n",
            "",
        ),
        expect![[r#"
            ## Change `128mb` to `128Mi` (preferred)
            -          memory: 128mb
            +          memory: 128Mi
            ## Change `128mb` to `128M`
            -          memory: 128mb
            +          memory: 128M
            ## Change `0.5cores` to `0.5` (preferred)
            -          cpu: 0.5cores
            +          cpu: 0.5
            ## Change `2 Gi` to `2Gi` (preferred)
            -          memory: 2 Gi
            +          memory: 2Gi
            ## Change `500 m` to `500m` (preferred)
            -          cpu: 500 m
            +          cpu: 500m
        "#]],
    );
}

#[test]
fn values_in_the_shape_the_field_wants() {
    check_changes(
        &pod(
            "      command: sleep 10\n      args: --verbose\n      ports:\n        containerPort: 80\n      livenessProbe:\n        initialDelaySeconds:5\n",
            "",
        ),
        expect![[r###"
            ## Write as a list: `["sleep", "10"]` (preferred)
            -      command: sleep 10
            +      command: ["sleep", "10"]
            ## Run in a shell: `["sh", "-c", "sleep 10"]`
            -      command: sleep 10
            +      command: ["sh", "-c", "sleep 10"]
            ## Write as a list: `["--verbose"]` (preferred)
            -      args: --verbose
            +      args: ["--verbose"]
            ## Make it an item of the list (preferred)
            -        containerPort: 80
            +        - containerPort: 80
            ## Insert a space after `:` (preferred)
            -        initialDelaySeconds:5
            +        initialDelaySeconds: 5
        "###]],
    );
}

#[test]
fn status_aliases_and_paths() {
    check_changes(
        &pod(
            "      volumeMounts:\n        - name: cache\n          mountPath: /cache\n          subPath: /app/cache\n",
            "  serviceAccount: builder\n  volumes:\n    - name: cache\n      emptyDir: {}\nstatus:\n  phase: Running\n",
        ),
        expect![[r#"
            ## Change to `app/cache` (preferred)
            -          subPath: /app/cache
            +          subPath: app/cache
            ## Rename to `serviceAccountName` (preferred)
            -  serviceAccount: builder
            +  serviceAccountName: builder
            ## Remove `status` (preferred)
            -status:
            -  phase: Running
        "#]],
    );
}

#[test]
fn syntax_repairs() {
    check_changes(
        &pod(
            "      livenessProbe:\n        tcpSocket:\n          port: 80\n        initialDelaySeconds:5\n      ports: []\n",
            "",
        ),
        expect![[r#"
        ## Insert a space after `:` (preferred)
        -        initialDelaySeconds:5
        +        initialDelaySeconds: 5
    "#]],
    );
}

#[test]
fn conflicting_fields() {
    check_changes(
        &pod(
            "      livenessProbe:\n        httpGet:\n          port: 80\n        tcpSocket:\n          port: 80\n      ports:\n        - containerPort: 80\n          hostPort: 8080\n      resources:\n        requests:\n          memory: 2Gi\n        limits:\n          memory: 1Gi\n",
            "  hostNetwork: true\n  shareProcessNamespace: true\n  hostPID: true\n",
        ),
        expect![[r#"
            ## Remove `tcpSocket`
            -        tcpSocket:
            -          port: 80
            ## Remove `httpGet`
            -        httpGet:
            -          port: 80
            ## Change the hostPort to `80` (preferred)
            -          hostPort: 8080
            +          hostPort: 80
            ## Change the request to `1Gi`
            -          memory: 2Gi
            +          memory: 1Gi
            ## Change the limit to `2Gi`
            -          memory: 1Gi
            +          memory: 2Gi
            ## Remove `shareProcessNamespace`
            -  shareProcessNamespace: true
            ## Remove `hostPID`
            -  hostPID: true
        "#]],
    );
}

#[test]
fn lenient_escapes_and_env_set_twice() {
    check_changes(
        &pod(
            "      env:\n        - name: A\n          value: \"it\\'s\"\n        - name: B\n          value: b\n        - name: A\n          value: y\n        - name: C\n          value: c\n        - name: C\n          value: $(C)d\n",
            "",
        ),
        expect![[r###"
            ## Remove the backslash (preferred)
            -          value: "it\'s"
            +          value: "it's"
            ## Remove the first `A` (it has no effect) (preferred)
            -        - name: A
            -          value: "it\'s"
            ## Quote `y` (preferred)
            -          value: y
            +          value: "y"
        "###]],
    );
}

#[test]
fn probe_settings_their_kind_allows() {
    check_changes(
        &pod(
            "      livenessProbe:\n        exec:\n          command: [\"true\"]\n        successThreshold: 3\n      readinessProbe:\n        exec:\n          command: [\"true\"]\n        terminationGracePeriodSeconds: 5\n",
            "",
        ),
        expect![[r#"
            ## Change to `1` (preferred)
            -        successThreshold: 3
            +        successThreshold: 1
            ## Remove `terminationGracePeriodSeconds` (preferred)
            -        terminationGracePeriodSeconds: 5
        "#]],
    );
}
