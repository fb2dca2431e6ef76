//! Logs go to stderr, never stdout (stdout is the LSP channel). `PODLS_LOG` takes `tracing` filter syntax.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_env("PODLS_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Editors show stderr in an output panel that does not render ANSI colours.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}
