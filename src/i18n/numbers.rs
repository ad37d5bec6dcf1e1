//! Numbers as each language writes them (CLDR's symbols): `12,345.6` in English, `12.345,6` in German,
//! `12 345,6` in French (a narrow no-break space), and Spanish leaves four-digit numbers ungrouped.

use std::cell::Cell;

use fluent_bundle::FluentValue;

/// How a language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Style {
    group: &'static str,
    decimal: char,
    /// The fewest digits before the first separator: 1 groups `1,234`; 2 (Spanish) writes `1234` but `12.345`.
    min_grouping: u8,
}

pub(crate) const EN: Style = Style {
    group: ",",
    decimal: '.',
    min_grouping: 1,
};
pub(crate) const DE: Style = Style {
    group: ".",
    decimal: ',',
    min_grouping: 1,
};
pub(crate) const FR: Style = Style {
    group: "\u{202f}",
    decimal: ',',
    min_grouping: 1,
};
pub(crate) const ES: Style = Style {
    group: ".",
    decimal: ',',
    min_grouping: 2,
};
pub(crate) const PT: Style = Style {
    group: ".",
    decimal: ',',
    min_grouping: 1,
};
pub(crate) const ZH: Style = Style {
    group: ",",
    decimal: '.',
    min_grouping: 1,
};

thread_local! {
    /// The style of the bundle formatting a message on this thread, for the numbers inside it.
    static FORMATTING: Cell<Option<Style>> = const { Cell::new(None) };
}

fn style() -> Style {
    FORMATTING.with(Cell::get).unwrap_or_else(|| super::current().numbers)
}

/// Runs `format` with `style` for the numbers of the message it formats.
pub(crate) fn formatting<T>(style: Style, format: impl FnOnce() -> T) -> T {
    let before = FORMATTING.with(|f| f.replace(Some(style)));
    let result = format();
    FORMATTING.with(|f| f.set(before));
    result
}

/// A whole number with the current language's grouping: `1,204`, `1.204`, `1 204`.
pub fn count(n: u64) -> String {
    grouped(&n.to_string(), style())
}

/// `value` with `digits` decimals, in the current language's way: `3.5`, `3,5`.
pub fn decimal(value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    let style = style();
    let (sign, unsigned) = text.strip_prefix('-').map_or(("", text.as_str()), |rest| ("-", rest));
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut out = format!("{sign}{}", grouped(whole, style));
    if !fraction.is_empty() {
        out.push(style.decimal);
        out.push_str(fraction);
    }
    out
}

fn grouped(digits: &str, style: Style) -> String {
    let len = digits.len();
    if len < 4 + usize::from(style.min_grouping) - 1 {
        return digits.to_owned();
    }
    let mut out = String::with_capacity(len + len / 3 * style.group.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push_str(style.group);
        }
        out.push(c);
    }
    out
}

/// Fluent's hook for numbers in messages: whole numbers grouped, others with the language's decimal mark.
pub(crate) fn format_value<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    if n.fract() == 0.0 && n.abs() < 1e15 && number.options.minimum_fraction_digits.is_none() {
        let sign = if n < 0.0 { "-" } else { "" };
        return Some(format!("{sign}{}", grouped(&(n.abs() as u64).to_string(), style())));
    }
    let digits = number.options.minimum_fraction_digits.unwrap_or(1);
    Some(decimal(n, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_groups_and_marks_decimals_its_own_way() {
        assert_eq!(grouped("1234567", EN), "1,234,567");
        assert_eq!(grouped("1234567", DE), "1.234.567");
        assert_eq!(grouped("12345", FR), "12\u{202f}345");
        assert_eq!(grouped("1234", ES), "1234");
        assert_eq!(grouped("12345", ES), "12.345");
        assert_eq!(grouped("1234", PT), "1.234");
        assert_eq!(grouped("999", EN), "999");
    }
}
