//! Builds a document's name index: each served pod (`pods.rs`), then each object of the document
//! (`objects.rs`).

use super::index::{Builder, DocumentNames};
use super::objects::objects;
use crate::analysis::inputs::PodTemplate;
use crate::analysis::pod_sites::{PodSite, pod_sites};
use crate::syntax::Document;

/// The name index of one document; `templates` are the configuration's custom resources that hold pods.
pub fn document_names(templates: &[PodTemplate], text: &str, doc: &Document) -> DocumentNames {
    build(&pod_sites(templates, text, doc), doc, true)
}

/// What the diagnostics' reference rules read of the index: the names each pod declares (volumes, claims,
/// containers, ports), without their hover details, the uses, labels and objects only navigation asks for
/// (building those was most of the index's cost, a sixth of a `podls check`); the paths of the pod's own
/// declarations are left empty (the rules never read them).
/// `sites`: the document's pod sites (`pod_sites`), which the diagnostics walk too.
pub fn pod_declarations(sites: &[PodSite], doc: &Document) -> DocumentNames {
    build(sites, doc, false)
}

fn build(sites: &[PodSite], doc: &Document, navigation: bool) -> DocumentNames {
    let mut out = Builder {
        doc,
        names: DocumentNames::default(),
        navigation,
    };
    for site in sites {
        out.pod(site);
    }
    if navigation {
        for (object, path) in objects(doc) {
            out.object(object, path);
        }
    }
    out.names
}
