//! The cross-field rules' messages, one file per group of rule files: `pods.rs` (and the shared helpers'),
//! `workloads.rs`. A rule file imports them all as `use crate::messages::rules as msg;`.

pub(crate) mod pods;
pub(crate) mod workloads;

pub use pods::*;
pub use workloads::*;
