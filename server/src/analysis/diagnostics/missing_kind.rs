//! An object whose `kind` is missing (`ind: Pod`, `knd: Deployment`, or no such line): the API server and
//! kubectl cannot tell what the object is and refuse it before any other check. podls serves such a
//! document as the Pod or workload its body says it is (`pod_sites::kindless_kind`), says the kind is
//! missing as kubectl does, and names the key that looks like a misspelt `kind`.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | an object without `kind` | `missing-required` | the decoder's `missingKindErr` ("Object 'Kind' is missing in ...") in apimachinery `pkg/runtime/serializer/json/json.go` |

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::analysis::pod_sites::kindless_kind;
use crate::analysis::suggest::closest;
use crate::messages::{Locale, documents as msg};
use crate::syntax::Document;

/// Words the missing-required check on `kind` is replaced by.
pub(super) fn check(locale: Locale, doc: &Document, out: &mut [Diagnostic]) {
    let Some(meant) = kindless_kind(doc) else {
        return;
    };
    let Some(root) = doc.root.map(|r| doc.resolve(r)) else {
        return;
    };
    let kind = meant.kind;
    let misspelt = doc.entries(root).iter().find_map(|&(key, value)| {
        let name = doc.scalar(key)?;
        let says_kind = doc.scalar(value) == Some(kind);
        (name != "kind" && (says_kind || closest(name, ["kind"]).is_some())).then_some((key, name))
    });
    let Some(missing) = out.iter_mut().find(|d| {
        d.code == Code::MissingRequired && d.path.as_ref().is_some_and(|p| p.to_string() == "kind")
    }) else {
        return;
    };
    missing.message = match misspelt {
        Some((key, name)) => {
            missing.range = doc.node(key).range;
            msg::kind_missing_misspelt(name, kind).render(locale)
        }
        None => msg::kind_missing(kind).render(locale),
    };
    // Its fix (add `kind`) resolves the diagnostic as it now reads.
    for fix in &mut missing.fixes {
        fix.message = missing.message.clone();
        fix.diagnostic = missing.range;
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    #[test]
    fn a_pod_without_kind_is_refused_with_the_misspelt_key_named() {
        check(
            "apiVersion: v1\nind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
                2:1-2:4 error[unknown-field] ind: unknown field `ind` in Pod; did you mean `kind`?
                2:1-2:4 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; `ind` looks like a misspelt `kind` (`kind: Pod`)
            "#]],
        );
        check(
            "apiVersion: v1\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx:1\n",
            expect![[r#"
                1:1-1:11 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; add `kind: Pod`
            "#]],
        );
        // Not the body of a served kind: not served.
        check(
            "apiVersion: v1\nind: ConfigMap\ndata:\n  a: b\n",
            expect![[""]],
        );
    }

    #[test]
    fn a_workload_without_kind_is_refused_as_the_kind_its_body_says() {
        let deployment = "apiVersion: apps/v1\nknd: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: nginx:1\n";
        // The workload's own rules apply: a Deployment's template must restart Always.
        check(
            deployment,
            expect![[r#"
                2:1-2:4 error[unknown-field] knd: unknown field `knd` in Deployment; did you mean `kind`?
                2:1-2:4 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; `knd` looks like a misspelt `kind` (`kind: Deployment`)
                12:22-12:27 error[invalid-enum] spec.template.spec.restartPolicy: a Deployment's pod template must use `restartPolicy` `Always`, found `Never`: its controller replaces pods that stop, so they must always restart
            "#]],
        );
        // No key names the kind: the shape and the group say which.
        check(
            "apiVersion: batch/v1\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: nginx:1\n",
            expect![[r#"
                1:1-1:11 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; add `kind: Job`
            "#]],
        );
        check(
            "apiVersion: apps/v1\nkidn: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: s\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1\n",
            expect![[r#"
                2:1-2:5 error[unknown-field] kidn: unknown field `kidn` in StatefulSet; did you mean `kind`?
                2:1-2:5 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; `kidn` looks like a misspelt `kind` (`kind: StatefulSet`)
            "#]],
        );
        check(
            "apiVersion: batch/v1\nmetadata:\n  name: c\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: nginx:1\n",
            expect![[r#"
                1:1-1:11 error[missing-required] kind: Object 'Kind' is missing: the API server cannot tell what this is; add `kind: CronJob`
            "#]],
        );
        // An apiVersion that does not serve what the body says: not guessed.
        check(
            "apiVersion: v1\nknd: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx:1\n",
            expect![[""]],
        );
    }
}
