//! Names across files: ConfigMaps, Secrets, claims and ServiceAccounts declared in one file and named in
//! another (namespaces compared), and a Service's selector and target port with the pods it selects.

use expect_test::expect;

use super::{check_definition, check_hover, check_references, check_rename};

pub(super) const CONFIG: &str = "//- config.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {LOG_LEVEL: info, MODE: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: prod}
stringData: {password: x}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: runner}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: cache}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
";

pub(super) const DEPLOYMENT: &str = "//- deploy.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: backend}}
    spec:
      serviceAccountName: runner
      containers:
      - name: api
        image: api:1.0
        ports: [{name: web, containerPort: 9000}]
        envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: creds}}]
      volumes:
      - name: cache
        persistentVolumeClaim: {claimName: cache}
";

pub(super) fn cursor(file: &str, needle: &str) -> String {
    file.replacen(&needle.replace('|', ""), &needle.replace('|', "$0"), 1)
}

#[test]
fn objects_of_the_cluster_across_files() {
    check_definition(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |settings")),
        expect![[r#"
            config.yaml 3:18-3:26 settings
        "#]],
    );
    check_hover(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |settings")),
        expect![[r#"
            deploy.yaml 14:41-14:49 settings
            **ConfigMap `settings`**

            - ConfigMap with keys `LOG_LEVEL` and `MODE` (in `config.yaml`)
        "#]],
    );
    check_definition(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "claimName: |cache")),
        expect![[r#"
            config.yaml 17:18-17:23 cache
        "#]],
    );
    check_references(
        &format!("{}{DEPLOYMENT}", cursor(CONFIG, "name: |runner")),
        expect![[r#"
            with declaration:
            config.yaml 13:18-13:24 runner
            deploy.yaml 9:27-9:33 runner
            without:
            deploy.yaml 9:27-9:33 runner
        "#]],
    );
    // The Secret is in `prod`; the Deployment's namespace is not written, so it may be applied there.
    check_rename(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |creds")),
        "api-creds",
        expect![[r#"
            deploy.yaml 14:72-14:77 creds -> api-creds
            config.yaml 8:18-8:23 creds -> api-creds
        "#]],
    );
    // In another namespace, the same name is another Secret.
    check_definition(
        &format!(
            "{}{CONFIG}",
            cursor(DEPLOYMENT, "name: |creds")
                .replace("{name: api}", "{name: api, namespace: dev}")
        ),
        expect![""],
    );
    check_rename(
        &format!("{}{CONFIG}", cursor(DEPLOYMENT, "name: |settings")),
        "Settings",
        expect![[r#"
            refused: cannot rename the ConfigMap `settings` to `Settings` (must be a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit)
        "#]],
    );
}

pub(super) const SERVICE: &str = "//- service.yaml
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports:
  - port: 80
    targetPort: web
";

#[test]
fn a_service_selects_pods_and_their_named_ports() {
    check_definition(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "targetPort: w|eb")),
        expect![[r#"
            deploy.yaml 13:24-13:27 web
        "#]],
    );
    check_hover(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "targetPort: w|eb")),
        expect![[r#"
            service.yaml 8:17-8:20 web
            **port `web`**

            - containerPort `9000/TCP` (in `deploy.yaml`)
        "#]],
    );
    check_definition(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "app: |api")),
        expect![[r#"
            deploy.yaml 7:30-7:33 api
        "#]],
    );
    // Renaming the port renames the Service's target port in the other file.
    check_rename(
        &format!("{}{SERVICE}", cursor(DEPLOYMENT, "name: |web")),
        "http",
        expect![[r#"
            deploy.yaml 13:24-13:27 web -> http
            service.yaml 8:17-8:20 web -> http
        "#]],
    );
    // A Service that selects other pods does not name this port.
    check_references(
        &format!(
            "{}{}",
            cursor(DEPLOYMENT, "name: |web"),
            SERVICE.replace("{app: api}", "{app: api, tier: frontend}")
        ),
        expect![[r#"
            with declaration:
            deploy.yaml 13:24-13:27 web
            without:
        "#]],
    );
    check_rename(
        &format!("{}{DEPLOYMENT}", cursor(SERVICE, "app: |api")),
        "web",
        expect![[r#"
            refused: a label is not renamed: the pods, their workloads' selectors and every Service that selects `app=api` would have to change together
        "#]],
    );
}
