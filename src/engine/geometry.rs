//! Output size from input size and resize mode.

use serde::{Deserialize, Serialize};

/// How the output size is derived from the input size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResizeMode {
    /// Largest size that fits inside the box, keeping the aspect ratio.
    Fit { width: u32, height: u32 },
    /// Scale to cover the box, keeping the aspect ratio, then crop the centre to exactly the box.
    Fill { width: u32, height: u32 },
    /// Exactly the box, ignoring the aspect ratio.
    Stretch { width: u32, height: u32 },
    /// This width; the height follows the aspect ratio.
    Width(u32),
    /// This height; the width follows the aspect ratio.
    Height(u32),
    /// The longer side becomes this long.
    LongEdge(u32),
    /// Both sides scaled by this percentage.
    Percent(f32),
}

impl ResizeMode {
    /// Whether the picture is cut to the target's shape (fill) rather than fitted or stretched.
    pub fn crops(&self) -> bool {
        matches!(self, Self::Fill { .. })
    }

    /// Whether every size in it can be made (positive, and a percentage up to 10,000).
    pub(crate) fn is_valid(&self) -> bool {
        match *self {
            Self::Fit { width, height } | Self::Fill { width, height } | Self::Stretch { width, height } => {
                width > 0 && height > 0
            }
            Self::Width(n) | Self::Height(n) | Self::LongEdge(n) => n > 0,
            Self::Percent(p) => p.is_finite() && p > 0.0 && p <= 10_000.0,
        }
    }
}

/// The output size for an upright input of `width`×`height`. Fill mode crops the centre to this size; every
/// other mode keeps the whole picture. Never zero.
pub fn target_size(width: u32, height: u32, mode: ResizeMode, dont_enlarge: bool) -> (u32, u32) {
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let scaled = |s: f64| {
        let s = if dont_enlarge { s.min(1.0) } else { s };
        (dim(w * s), dim(h * s))
    };
    match mode {
        ResizeMode::Fit { width: bw, height: bh } => {
            let s = (f64::from(bw) / w).min(f64::from(bh) / h);
            // Pin the limiting side to the box exactly, whatever floating point makes of the other.
            let (ow, oh) = scaled(s);
            if dont_enlarge && s >= 1.0 {
                (ow, oh)
            } else if f64::from(bw) / w <= f64::from(bh) / h {
                (bw, oh.min(bh))
            } else {
                (ow.min(bw), bh)
            }
        }
        ResizeMode::Fill { width: bw, height: bh } => {
            let (bw_f, bh_f) = (f64::from(bw), f64::from(bh));
            // Too small to cover the box: shrink the box (keeping its shape) until the image covers it.
            let f = (w / bw_f).min(h / bh_f);
            if dont_enlarge && f < 1.0 {
                (dim(bw_f * f).min(width), dim(bh_f * f).min(height))
            } else {
                (bw, bh)
            }
        }
        ResizeMode::Stretch { width: bw, height: bh } => {
            if dont_enlarge {
                (bw.min(width), bh.min(height))
            } else {
                (bw, bh)
            }
        }
        ResizeMode::Width(n) => {
            let ow = if dont_enlarge { n.min(width) } else { n };
            (ow, dim(h * f64::from(ow) / w))
        }
        ResizeMode::Height(n) => {
            let oh = if dont_enlarge { n.min(height) } else { n };
            (dim(w * f64::from(oh) / h), oh)
        }
        ResizeMode::LongEdge(n) => {
            let long = if dont_enlarge { n.min(width.max(height)) } else { n };
            if width >= height {
                (long, dim(h * f64::from(long) / w))
            } else {
                (dim(w * f64::from(long) / h), long)
            }
        }
        ResizeMode::Percent(p) => scaled(f64::from(p) / 100.0),
    }
}

fn dim(x: f64) -> u32 {
    // `as` saturates, and a side is never rounded to nothing.
    (x.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIT: ResizeMode = ResizeMode::Fit {
        width: 1920,
        height: 1920,
    };

    #[test]
    fn fit_keeps_aspect_and_pins_the_long_side() {
        assert_eq!(target_size(4000, 3000, FIT, true), (1920, 1440));
        assert_eq!(target_size(3000, 4000, FIT, true), (1440, 1920));
        assert_eq!(target_size(4000, 3, FIT, true), (1920, 1));
    }

    #[test]
    fn dont_enlarge_keeps_small_images() {
        assert_eq!(target_size(800, 600, FIT, true), (800, 600));
        assert_eq!(target_size(800, 600, FIT, false), (1920, 1440));
        assert_eq!(target_size(800, 600, ResizeMode::Percent(200.0), true), (800, 600));
        assert_eq!(target_size(800, 600, ResizeMode::LongEdge(1000), true), (800, 600));
    }

    #[test]
    fn fill_is_exactly_the_box_or_its_shrunk_shape() {
        let fill = ResizeMode::Fill {
            width: 1000,
            height: 1000,
        };
        assert_eq!(target_size(4000, 3000, fill, true), (1000, 1000));
        assert_eq!(target_size(800, 600, fill, true), (600, 600));
        assert_eq!(target_size(800, 600, fill, false), (1000, 1000));
    }

    #[test]
    fn single_dimension_modes() {
        assert_eq!(target_size(4000, 3000, ResizeMode::Width(1000), true), (1000, 750));
        assert_eq!(target_size(4000, 3000, ResizeMode::Height(1000), true), (1333, 1000));
        assert_eq!(target_size(3000, 4000, ResizeMode::LongEdge(1000), true), (750, 1000));
        assert_eq!(target_size(4000, 3000, ResizeMode::Percent(25.0), true), (1000, 750));
        let stretch = ResizeMode::Stretch {
            width: 500,
            height: 100,
        };
        assert_eq!(target_size(4000, 3000, stretch, true), (500, 100));
    }
}
