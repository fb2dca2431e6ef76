//! Fields of which an object holds exactly one (or at most one): the action of a probe or lifecycle hook,
//! the source of a volume, an env value's reference. Completion offers no second one once one is written;
//! the diagnostics' conflict rules check the same groups.

use crate::schema::Schema;

/// The group of mutually exclusive fields of the object type `type_name`, if it has one:
/// `validateHandler` / `validateProbe` (one action), `validateVolumeSource` (one volume type),
/// `validateEnvVarValueFrom` and `validateEnvFrom` (one reference), `validateProjectionSources` (one
/// source per projection) in `pkg/apis/core/validation/validation.go`.
pub fn exclusive_fields<'a>(schema: &'a Schema, type_name: &str) -> Option<Vec<&'a str>> {
    let listed: &[&'static str] = match type_name {
        "Probe" => &["exec", "httpGet", "tcpSocket", "grpc"],
        "LifecycleHandler" => &["exec", "httpGet", "tcpSocket", "sleep"],
        "EnvVarSource" => &[
            "fieldRef",
            "resourceFieldRef",
            "configMapKeyRef",
            "secretKeyRef",
            "fileKeyRef",
        ],
        "EnvFromSource" => &["configMapRef", "secretRef"],
        // Every field but the name is a source.
        "Volume" | "VolumeProjection" => {
            let def = schema.type_def(type_name)?;
            return Some(
                def.fields
                    .iter()
                    .map(|field| field.name.as_str())
                    .filter(|name| *name != "name")
                    .collect(),
            );
        }
        _ => return None,
    };
    Some(listed.to_vec())
}
