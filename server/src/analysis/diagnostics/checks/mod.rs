//! Table-driven checks, one file per code: each reads what the field table says about the visited field
//! (its type, `enum`, `format`, bounds, `required`, `deprecated`, path rule, the versions that have it) and reports values that break
//! it. They run on every node the walk visits; `type_mismatch` runs first and decides whether the walk
//! goes deeper.

mod deprecated;
mod invalid_enum;
mod invalid_name;
mod invalid_path;
mod invalid_quantity;
mod missing_required;
mod out_of_range;
pub(super) mod type_mismatch;
mod unknown_field;
mod version;
mod yaml11;

use super::context::Rule;

pub(crate) use invalid_name::format_error;
pub(super) use invalid_name::is_dns_label;

/// In the order their diagnostics come out when they share a place.
pub(super) const RULES: &[Rule] = &[
    unknown_field::RULE,
    version::RULE,
    missing_required::RULE,
    invalid_enum::RULE,
    invalid_name::RULE,
    invalid_path::RULE,
    out_of_range::RULE,
    invalid_quantity::RULE,
    deprecated::RULE,
    yaml11::RULE,
];
