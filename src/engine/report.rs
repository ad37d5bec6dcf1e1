//! A report of a run: one row per input (done, failed or skipped), written as the events happen, as CSV for a
//! spreadsheet or as the same JSON objects the CLI's `--json` stream prints.

use std::borrow::Cow;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};

use super::estimate::Estimate;
use super::event::{JobEvent, PassTrigger, Summary};
use super::guard::{Protected, SideFile};
use super::plan::PlanEntry;

/// How a report file is written, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// `.csv`: a header, then one row per input.
    Csv,
    /// `.json`: an array of the per-image objects of the `--json` stream, then the `finished` one.
    Json,
    /// `.jsonl` (or `.ndjson`): the same objects, one per line, so the reports of several runs (shards)
    /// merge by concatenation.
    JsonLines,
}

impl ReportFormat {
    /// The format a path's extension asks for; `None` for any other extension.
    pub fn of(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            _ => None,
        }
    }
}

/// One row of the CSV report.
#[derive(Serialize)]
struct Row<'a> {
    input: Cow<'a, str>,
    /// Every file written, main copy first, separated by `; `.
    outputs: String,
    status: &'a str,
    reason: Cow<'a, str>,
    input_bytes: Option<u64>,
    output_bytes: Option<u64>,
    input_width: Option<u32>,
    input_height: Option<u32>,
    output_width: Option<u32>,
    output_height: Option<u32>,
    quality: Option<u8>,
    score: Option<f32>,
    seconds: Option<f64>,
}

/// A report being written. It takes its final name only at `finish`, through a rename, so a report file is
/// always whole; a run that is killed leaves none.
pub struct Report {
    format: ReportFormat,
    csv: Option<csv::Writer<BufWriter<fs::File>>>,
    json: Option<BufWriter<fs::File>>,
    side: SideFile,
    rows: usize,
}

impl Report {
    /// Starts a report at `path` (its folder must exist); the format comes from the extension, CSV when it is
    /// none of `.csv`, `.json`, `.jsonl`. A path that is one of `protected` (the run's inputs) or not a
    /// regular file is refused.
    pub fn create(path: &Path, protected: &Protected) -> io::Result<Self> {
        Self::start(path, protected, false)
    }

    /// `create`, continuing the CSV or JSON-lines report already at `path` (a watch's earlier passes): its rows
    /// are copied into the new file first, so the report stays whole at every moment. A `.json` report cannot
    /// grow and is started afresh.
    pub fn append(path: &Path, protected: &Protected) -> io::Result<Self> {
        Self::start(path, protected, true)
    }

    fn start(path: &Path, protected: &Protected, append: bool) -> io::Result<Self> {
        let format = ReportFormat::of(path).unwrap_or(ReportFormat::Csv);
        let (mut file, side) = SideFile::create(path, protected, "report-")?;
        let mut continued = false;
        if append && format != ReportFormat::Json {
            // `SideFile::create` refused an input or a special file at `path`; a report it may replace it may
            // also continue.
            match fs::File::open(path) {
                Ok(mut earlier) => continued = io::copy(&mut earlier, &mut file)? > 0,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        let out = BufWriter::new(file);
        let (csv, mut json) = match format {
            ReportFormat::Csv => (
                Some(csv::WriterBuilder::new().has_headers(!continued).from_writer(out)),
                None,
            ),
            _ => (None, Some(out)),
        };
        if let (ReportFormat::Json, Some(json)) = (format, json.as_mut()) {
            json.write_all(b"[\n")?;
        }
        Ok(Self {
            format,
            csv,
            json,
            side,
            rows: 0,
        })
    }

    /// Where the report goes.
    pub fn path(&self) -> &Path {
        self.side.path()
    }

    /// Adds the row of a per-image event; other events add none (`finish` takes the summary).
    pub fn event(&mut self, event: &JobEvent) -> io::Result<()> {
        if !matches!(
            event,
            JobEvent::ImageDone(_) | JobEvent::ImageFailed { .. } | JobEvent::ImageSkipped { .. }
        ) {
            return Ok(());
        }
        self.rows += 1;
        if let Some(csv) = &mut self.csv {
            return csv
                .serialize(row(event).safe_for_spreadsheets())
                .map_err(io::Error::other);
        }
        self.json_value(&event_json(event))
    }

    fn json_value(&mut self, value: &Value) -> io::Result<()> {
        let Some(out) = &mut self.json else { return Ok(()) };
        if self.format == ReportFormat::Json && self.rows > 1 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, value)?;
        if self.format == ReportFormat::JsonLines {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Ends the report (the JSON ones with the `finished` object) and gives it its name.
    pub fn finish(self, summary: &Summary) -> io::Result<PathBuf> {
        self.close(Some(summary))
    }

    /// Ends the report of a watch's pass: its rows only, for the next pass to continue (`append`).
    pub fn finish_pass(self) -> io::Result<PathBuf> {
        self.close(None)
    }

    fn close(mut self, summary: Option<&Summary>) -> io::Result<PathBuf> {
        if let (Some(summary), true) = (summary, self.json.is_some()) {
            self.rows += 1;
            self.json_value(&summary_json(summary))?;
        }
        let file = match (self.csv.take(), self.json.take()) {
            (Some(csv), _) => csv.into_inner().map_err(|e| io::Error::other(e.to_string()))?,
            (None, Some(mut json)) => {
                if self.format == ReportFormat::Json {
                    json.write_all(b"\n]\n")?;
                }
                json
            }
            (None, None) => return Err(io::Error::other("the report was already finished")),
        };
        file.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
        self.side.commit()
    }
}

impl Row<'_> {
    /// The text cells made safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return would run as a formula (a file named `=HYPERLINK(…).jpg`), so it gets the usual `'`
    /// in front, which spreadsheets show as text.
    fn safe_for_spreadsheets(self) -> Self {
        Self {
            input: as_text(self.input),
            outputs: as_text(Cow::Owned(self.outputs)).into_owned(),
            reason: as_text(self.reason),
            ..self
        }
    }
}

/// `cell`, with a `'` in front when a spreadsheet would take it for a formula.
fn as_text(cell: Cow<'_, str>) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

fn row(event: &JobEvent) -> Row<'_> {
    let blank = |status| Row {
        input: Cow::Borrowed(""),
        outputs: String::new(),
        status,
        reason: Cow::Borrowed(""),
        input_bytes: None,
        output_bytes: None,
        input_width: None,
        input_height: None,
        output_width: None,
        output_height: None,
        quality: None,
        score: None,
        seconds: None,
    };
    match event {
        JobEvent::ImageDone(d) => Row {
            input: d.input.to_string_lossy(),
            outputs: std::iter::once(&d.output)
                .chain(d.extra.iter().map(|e| &e.output))
                .map(|p| p.to_string_lossy())
                .collect::<Vec<_>>()
                .join("; "),
            status: "done",
            reason: Cow::Borrowed(d.note.as_deref().unwrap_or(if d.kept_original {
                "kept the original: the copy was larger"
            } else {
                ""
            })),
            input_bytes: Some(d.input_bytes),
            output_bytes: Some(d.output_bytes + d.extra.iter().map(|e| e.output_bytes).sum::<u64>()),
            input_width: Some(d.input_size.0),
            input_height: Some(d.input_size.1),
            output_width: Some(d.output_size.0),
            output_height: Some(d.output_size.1),
            quality: d.quality,
            score: d.score,
            seconds: Some(d.elapsed.as_secs_f64()),
        },
        JobEvent::ImageFailed { input, error, .. } => Row {
            input: input.to_string_lossy(),
            reason: Cow::Owned(error.to_string()),
            ..blank("failed")
        },
        JobEvent::ImageSkipped { input, reason, .. } => Row {
            input: input.to_string_lossy(),
            reason: Cow::Owned(reason.to_string()),
            ..blank("skipped")
        },
        _ => blank(""),
    }
}

/// The JSON object of one event, as the CLI's `--json` stream prints it (`event`: started, done, failed,
/// skipped, finished; for a watch also watching, pass, input_gone).
pub fn event_json(event: &JobEvent) -> Value {
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
            // Two decimals: the metric means nothing finer, and an f32 printed whole reads as 80.27623748779297.
            "score": d.score.map(|s| (f64::from(s) * 100.0).round() / 100.0),
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
            "reason": reason.to_string(),
        }),
        JobEvent::Watching { folders, polling } => json!({
            "event": "watching",
            "folders": folders.iter().map(|f| f.to_string_lossy()).collect::<Vec<_>>(),
            "polling": polling,
        }),
        JobEvent::Pass {
            number,
            trigger,
            summary: s,
        } => json!({
            "event": "pass",
            "number": number,
            "trigger": trigger.name(),
            "changed": match trigger { PassTrigger::Changes(n) => Some(n), _ => None },
            "done": s.done,
            "failed": s.failed,
            "skipped": s.skipped,
            "held": s.held,
            "input_bytes": s.input_bytes,
            "output_bytes": s.output_bytes,
            "elapsed_ms": s.elapsed.as_secs_f64() * 1000.0,
            "error": s.setup_error.as_ref().map(ToString::to_string),
        }),
        JobEvent::InputGone { input } => json!({
            "event": "input_gone",
            "input": input.to_string_lossy(),
            "note": "deleted or renamed away: its copies stay",
        }),
        JobEvent::Finished { summary } => summary_json(summary),
    }
}

/// The `planned` object of a dry run: what will happen to one input, and where its copies go.
pub fn planned_json(entry: &PlanEntry) -> Value {
    match entry {
        PlanEntry::Task(t) => json!({
            "event": "planned",
            "index": t.index,
            "input": t.input.to_string_lossy(),
            "action": "resize",
            "output": t.output.to_string_lossy(),
            "input_bytes": t.input_bytes,
            "format": t.encoding.format().name(),
            "replaces": t.replace(),
            "numbered_from": t.numbered_from.as_ref().map(|p| p.to_string_lossy()),
            "extra": t.extra.iter().map(|e| e.output.to_string_lossy()).collect::<Vec<_>>(),
        }),
        PlanEntry::Skip { index, input, reason } => json!({
            "event": "planned",
            "index": index,
            "input": input.to_string_lossy(),
            "action": "skip",
            "reason": reason.to_string(),
        }),
        PlanEntry::Fail { index, input, error } => json!({
            "event": "planned",
            "index": index,
            "input": input.to_string_lossy(),
            "action": "fail",
            "error": error.to_string(),
        }),
    }
}

/// The `estimate` object of a dry run.
pub fn estimate_json(e: &Estimate) -> Value {
    json!({
        "event": "estimate",
        "images": e.images,
        "skipped": e.skipped,
        "failed": e.failed,
        "input_bytes": e.input_bytes,
        "sampled": e.sampled,
        "sample_failed": e.sample_failed,
        "output_bytes": e.output_bytes,
        "seconds": e.seconds,
        "threads": e.threads,
        "not_smaller": e.not_smaller,
    })
}

/// The `finished` object.
pub fn summary_json(s: &Summary) -> Value {
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
