//! Numbers, durations and paths as people read them; shared by the desktop app and the CLI.

use std::path::Path;
use std::time::Duration;

/// `2026-12-02-0315`: a UTC time for file names, sortable and free of characters file systems refuse.
pub fn file_stamp(time: std::time::SystemTime) -> String {
    let secs = time.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days since 1970 to a civil date (Howard Hinnant's algorithm, proleptic Gregorian).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}-{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// `1,204` (`1.204` in German: the current language's way).
pub fn count(n: usize) -> String {
    crate::i18n::count(n as u64)
}

/// `3.1 GB`, in powers of 1000 like file managers (`3,1 Go` in French).
pub fn bytes(n: u64) -> String {
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < 4 {
        value /= 1000.0;
        unit += 1;
    }
    let number = if unit == 0 {
        crate::i18n::count(n)
    } else {
        crate::i18n::decimal(value, 1)
    };
    match unit {
        0 => crate::tr!("size-b", n = number),
        1 => crate::tr!("size-kb", n = number),
        2 => crate::tr!("size-mb", n = number),
        3 => crate::tr!("size-gb", n = number),
        _ => crate::tr!("size-tb", n = number),
    }
}

/// Reads `200KB`, `1.5 GB`, `512MiB` or a plain number of bytes: KB, MB, GB and TB in powers of 1000 (as
/// `bytes` writes them), KiB, MiB, GiB and TiB in powers of 1024; case does not matter.
pub fn parse_bytes(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("\"{text}\" is not a size; write it like 200KB, 1.5GB or 512MiB"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "tb" | "t" => 1_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        other => {
            return Err(format!(
                "unknown unit \"{other}\" in \"{text}\"; use KB, MB, GB, KiB, MiB or GiB"
            ));
        }
    };
    let bytes = value * factor as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("\"{text}\" is not a usable size"));
    }
    Ok(bytes.round() as u64)
}

/// `1:05` or `1:02:05`.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// A time in words, rounded as an estimate should be: `under 1 s`, `40 s`, `1 min 40 s`, `2 h 05 min`.
pub fn rough_duration(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 1.0 {
        return crate::tr!("time-under-a-second");
    }
    let s = seconds.round() as u64;
    match s {
        0..60 => crate::tr!("time-seconds", s = s),
        // Tens of seconds are noise beyond ten minutes.
        60..600 => crate::tr!("time-minutes-seconds", m = s / 60, s = s % 60),
        600..3600 => crate::tr!("time-minutes", m = (s + 30) / 60),
        _ => {
            let m = (s + 30) / 60;
            crate::tr!("time-hours-minutes", h = m / 60, m = format!("{:02}", m % 60))
        }
    }
}

/// A path with the home folder shown as `~`.
pub fn path(p: &Path) -> String {
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && let Ok(rest) = p.strip_prefix(&home)
    {
        return if rest.as_os_str().is_empty() {
            "~".to_owned()
        } else {
            format!("~/{}", rest.display())
        };
    }
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stamps_are_utc_dates() {
        use std::time::{Duration, UNIX_EPOCH};
        // `date -u -d @1796181300 +%Y-%m-%d-%H%M` gives 2026-12-02-0315; 951782400 is 2000-02-29.
        assert_eq!(
            file_stamp(UNIX_EPOCH + Duration::from_secs(1_796_181_300)),
            "2026-12-02-0315"
        );
        assert_eq!(
            file_stamp(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29-0000"
        );
    }

    #[test]
    fn sizes_are_read_as_people_write_them() {
        assert_eq!(parse_bytes("200KB"), Ok(200_000));
        assert_eq!(parse_bytes("1.5 GB"), Ok(1_500_000_000));
        assert_eq!(parse_bytes("512MiB"), Ok(512 << 20));
        assert_eq!(parse_bytes("4096"), Ok(4096));
        assert!(parse_bytes("lots").is_err());
        assert!(parse_bytes("5 parsecs").is_err());
        assert!(parse_bytes("0").is_err());
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(count(1204), "1,204");
        assert_eq!(count(12), "12");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(bytes(3_100_000_000), "3.1 GB");
        assert_eq!(bytes(999), "999 B");
        assert_eq!(duration(Duration::from_secs(65)), "1:05");
        assert_eq!(duration(Duration::from_secs(3725)), "1:02:05");
        assert_eq!(rough_duration(0.4), "under 1 s");
        assert_eq!(rough_duration(100.2), "1 min 40 s");
        assert_eq!(rough_duration(1234.0), "21 min");
        assert_eq!(rough_duration(7500.0), "2 h 05 min");
    }
}
