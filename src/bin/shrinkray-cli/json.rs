//! The `--json` stream: one object per event.

use std::io::Write;

use serde_json::json;
use shrinkray::engine::{JobEvent, Summary};

pub(crate) fn print_json(value: &serde_json::Value) -> bool {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{value}").and_then(|()| out.flush()).is_ok()
}

pub(crate) fn event_json(event: &JobEvent) -> serde_json::Value {
    match event {
        JobEvent::Started { total } => json!({ "event": "started", "total": total }),
        JobEvent::ImageDone(d) => json!({
            "event": "done",
            "index": d.index,
            "input": d.input.to_string_lossy(),
            "output": d.output.to_string_lossy(),
            "input_bytes": d.input_bytes,
            "output_bytes": d.output_bytes,
            "input_size": [d.input_size.0, d.input_size.1],
            "output_size": [d.output_size.0, d.output_size.1],
            "quality": d.quality,
            "kept_original": d.kept_original,
            "note": d.note,
            "extra": d.extra.iter().map(|e| json!({
                "output": e.output.to_string_lossy(),
                "output_bytes": e.output_bytes,
                "output_size": [e.output_size.0, e.output_size.1],
            })).collect::<Vec<_>>(),
            "elapsed_ms": d.elapsed.as_secs_f64() * 1000.0,
        }),
        JobEvent::ImageFailed { index, input, error } => json!({
            "event": "failed",
            "index": index,
            "input": input.to_string_lossy(),
            "error": error.to_string(),
        }),
        JobEvent::ImageSkipped { index, input, reason } => json!({
            "event": "skipped",
            "index": index,
            "input": input.to_string_lossy(),
            "reason": reason,
        }),
        JobEvent::Finished { summary } => summary_json(summary),
    }
}

pub(crate) fn summary_json(s: &Summary) -> serde_json::Value {
    json!({
        "event": "finished",
        "total": s.total,
        "done": s.done,
        "failed": s.failed,
        "skipped": s.skipped,
        "input_bytes": s.input_bytes,
        "output_bytes": s.output_bytes,
        "elapsed_ms": s.elapsed.as_secs_f64() * 1000.0,
        "cancelled": s.cancelled,
        "error": s.setup_error.as_ref().map(ToString::to_string),
    })
}
