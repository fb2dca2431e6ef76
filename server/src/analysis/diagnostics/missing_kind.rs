//! A Pod whose `kind` is missing (`ind: Pod`, or no such line): the API server and kubectl cannot tell what
//! the object is and refuse it before any other check. podls serves such a document as the Pod its body
//! says it is (`pod_sites::kindless_pod`), says the kind is missing as kubectl does, and names the key that
//! looks like a misspelt `kind`.
//!
//! | rule | code | upstream |
//! |---|---|---|
//! | an object without `kind` | `missing-required` | the decoder's `missingKindErr` ("Object 'Kind' is missing in ...") in apimachinery `pkg/runtime/serializer/json/json.go` |

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::analysis::pod_sites::kindless_pod;
use crate::analysis::suggest::closest;
use crate::messages::{Locale, documents as msg};
use crate::syntax::Document;

/// Words the missing-required check on `kind` is replaced by.
pub(super) fn check(locale: Locale, doc: &Document, out: &mut [Diagnostic]) {
    if !kindless_pod(doc) {
        return;
    }
    let Some(root) = doc.root.map(|r| doc.resolve(r)) else {
        return;
    };
    let misspelt = doc.entries(root).iter().find_map(|&(key, value)| {
        let name = doc.scalar(key)?;
        let says_pod = doc.scalar(value) == Some("Pod");
        (name != "kind" && (says_pod || closest(name, ["kind"]).is_some())).then_some((key, name))
    });
    let Some(missing) = out.iter_mut().find(|d| {
        d.code == Code::MissingRequired && d.path.as_ref().is_some_and(|p| p.to_string() == "kind")
    }) else {
        return;
    };
    missing.message = match misspelt {
        Some((key, name)) => {
            missing.range = doc.node(key).range;
            msg::kind_missing_misspelt(name).render(locale)
        }
        None => msg::kind_missing().render(locale),
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
        // Not a Pod's body: not served.
        check(
            "apiVersion: v1\nind: ConfigMap\ndata:\n  a: b\n",
            expect![[""]],
        );
    }
}
