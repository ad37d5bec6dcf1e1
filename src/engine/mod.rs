//! The batch engine: plans a job from input paths and `Settings`, runs it on a dedicated rayon pool and reports
//! one `JobEvent` per image. It knows nothing of any user interface; the desktop app and the CLI both drive it.

mod budget;
mod codecs;
mod control;
mod discover;
mod error;
mod estimate;
mod event;
mod failed_list;
mod formats;
mod geometry;
mod guard;
mod in_place;
mod job;
mod jpeg_options;
mod keys;
mod manifest;
mod metadata;
pub mod naming;
mod pipeline;
mod plan;
mod platform;
mod prefix_walk;
mod presets;
mod report;
mod score;
mod selection;
mod settings;
pub mod stages;
mod storage;
mod task;
mod walk;
mod watch;
mod workers;

pub use budget::auto_memory_budget;
pub use control::CancelToken;
pub use discover::{InputCount, ListedImage, count_images, list_images};
pub use error::{ImageError, SetupError};
pub use estimate::{Estimate, SAMPLE_IMAGES, estimate};
pub use event::{ExtraDone, ImageDone, JobEvent, PassTrigger, SkipReason, Summary, Thumbnail};
pub use failed_list::FailedListSpec;
pub use formats::detect::InputFormat;
pub use formats::encode::Encoding;
pub use geometry::target_size;
#[cfg(unix)]
pub use guard::remove_stale_socket;
pub use guard::{Keep, KeptAt, Settled, SwapRecord};
pub use guard::{
    Protected, SideFile, TEMP_PREFIX, open_lock_file, remove_empty_folder, remove_marked, save_copy, write_marked,
};
pub use in_place::{Undone, journals as in_place_journals, last_run as last_in_place_run, undo_run};
pub use job::{JobHandle, JobOptions, QUEUED_WITH_THUMBNAILS, THUMBNAIL_EDGE, Waker, WatchPass, process_task};
pub use jpeg_options::{JpegEncoder, JpegOptions, Subsampling};
pub use manifest::MANIFEST_DIR;
pub use pipeline::{Preview, load_thumbnail, load_thumbnail_sized, open, preview, resize_bytes};
pub use plan::InPlacePlan;
pub use plan::names::example_output;
pub use plan::{
    CopiesFound, OutputGroup, Plan, PlanEntry, beside_each_input, check_subfolder, copies_found, plan, plan_dry,
    plan_selected,
};
pub use platform::FileId;
pub use platform::{set_state_dir, state_dir};
pub use presets::{Preset, PresetOutput, Presets, builtin_presets, describe as describe_preset, presets_path};
pub use report::{Report, ReportFormat, estimate_json, event_json, planned_json, summary_json};
pub use score::{LOOKS, Look, ssimulacra2};
pub use selection::{PassFilter, Selection, Shard, ShardError};
pub use settings::{
    Collision, Dpi, ExtraOutput, Filter, Limits, MAX_THREADS, OutputFormat, PngCompression, ResizeMode, Settings,
    SettingsError, auto_threads,
};
pub use storage::{file_url_path, is_object};
pub use task::{ExtraTask, Task};
pub use watch::{Listen, Watch, WatchOptions};
pub use workers::quiet_worker_panics;
