//! The `podls` binary: everything is in the library (`cli` parses the arguments and dispatches).

fn main() -> std::process::ExitCode {
    podls::cli::main()
}
