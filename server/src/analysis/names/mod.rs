//! Names as symbols: what a Pod declares and refers to by name (volumes, containers, ports, resource
//! claims), the ConfigMaps, Secrets, claims and ServiceAccounts it names across files, and the pods a
//! Service selects. `index.rs` is the index of one `---` document (which the diagnostics read too), `build.rs`
//! builds it from `pods.rs` and `objects.rs`,
//! `cache.rs` keeps it per document version, `links.rs` groups a name's declarations and uses across the
//! files given; each request is its own file: `navigate.rs` (definition, references, highlights),
//! `rename.rs`, `hover.rs`.

pub(crate) mod build;
mod cache;
mod hover;
pub(crate) mod index;
mod links;
mod navigate;
mod objects;
mod pods;
mod rename;

pub use build::document_names;
pub use cache::{Indexed, NamesCache, file_names};
pub use hover::{hover as name_hover, on_use as on_name_use};
pub use index::{DocumentNames, NameKind, Role, Symbol};
pub use links::{FileNames, Location, Workspace};
pub use navigate::{definition, highlights, references};
pub use rename::{FileEdits, prepare_rename, rename};

#[cfg(test)]
mod tests;
