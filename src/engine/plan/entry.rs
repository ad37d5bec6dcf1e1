//! One entry of a plan: what will happen to one input.

use std::path::PathBuf;

use crate::engine::error::ImageError;
use crate::engine::event::SkipReason;
use crate::engine::task::Task;

/// What will happen to one input.
#[derive(Debug)]
pub enum PlanEntry {
    /// It will be resized.
    Task(Task),
    /// It is left alone.
    Skip {
        /// Position in the plan.
        index: usize,
        /// The input.
        input: PathBuf,
        /// Why.
        reason: SkipReason,
    },
    /// It cannot be processed.
    Fail {
        /// Position in the plan.
        index: usize,
        /// The input.
        input: PathBuf,
        /// Why.
        error: ImageError,
    },
}
