//! Harness for end-to-end tests that drive the real `podls` binary over stdio.
