//! podls: a language server for Kubernetes Pod YAML.
//!
//! Layers, each knowing nothing of the ones above it: `syntax` (YAML text → positioned trees) → `schema` (the
//! field table) → `analysis` (hover, completion, diagnostics, fixes: pure functions over text and trees) →
//! `lsp` (the protocol) and `cli` (the terminal), which both call `analysis`. `messages` is the catalog of
//! every sentence podls says, in English and Chinese, below them all.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod messages;
pub mod schema;
pub mod syntax;
