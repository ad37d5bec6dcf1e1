//! The `--json` stream: one object per event (the objects themselves are the engine's `event_json`, shared
//! with reports).

use std::io::Write;

pub(crate) fn print_json(value: &serde_json::Value) -> bool {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{value}").and_then(|()| out.flush()).is_ok()
}
