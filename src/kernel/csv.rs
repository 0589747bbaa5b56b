//! A small RFC 4180 CSV writer. Cells that a spreadsheet would run as a formula (starting with
//! = + - @ or a tab/carriage return) are prefixed with an apostrophe.

/// The value with an apostrophe before it when a spreadsheet would run it as a formula.
pub fn guard(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

pub fn cell(value: &str) -> String {
    let guarded = guard(value);
    if guarded.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

pub fn row(cells: &[&str]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_formula_guard() {
        assert_eq!(row(&["Jan", "jan@example.nl"]), "Jan,jan@example.nl\r\n");
        assert_eq!(cell("Vries, de"), "\"Vries, de\"");
        assert_eq!(cell("Zoë \"Co\""), "\"Zoë \"\"Co\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
    }
}
