//! The binary pre-commit installs: its `language: rust` runs `cargo install --path .` at the repository
//! root, which needs a package there (a virtual workspace cannot be installed). It is podls itself under
//! another name, so that it never collides with the `podls` binary of `server/` in `target/`.

fn main() -> std::process::ExitCode {
    podls::cli::main()
}
