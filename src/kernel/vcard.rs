//! vCard 2.1, 3.0 and 4.0 as address books write them, read line by line into properties, and
//! vCard 4.0 written back. This module knows the format only (folding, quoted-printable,
//! charsets, parameters, groups, escapes); what a property means for a contact is decided by the
//! importer above it.
//!
//! Reading is lenient where exporters differ and strict where data would be lost: a card that is
//! never closed, a property line without a colon, or a property over [`MAX_PROPERTY`] bytes is an
//! error naming its line, never a guess.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// The longest property (after unfolding) that is read; photos of a few megabytes fit.
pub const MAX_PROPERTY: usize = 16 * 1024 * 1024;

/// Why a file could not be read, with the (1-based) line of the file where it went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// One property of a card: `item1.EMAIL;TYPE=INTERNET,pref:jan@example.nl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The group (`item1`), as written.
    pub group: Option<String>,
    /// The name in upper case (`EMAIL`, `X-ABLABEL`).
    pub name: String,
    /// Parameters with upper-case names and their values as written. vCard 2.1's bare
    /// parameters (`TEL;CELL;PREF:`) are read as `TYPE`; a base64 or quoted-printable encoding
    /// is read as `ENCODING`.
    pub params: Vec<(String, String)>,
    /// The value: quoted-printable decoded and turned into text by its charset, still escaped
    /// (`\,` `\;` `\n`) so that structured values can be split; see [`Property::text`] and
    /// [`Property::components`].
    pub value: String,
    /// The line of the file where the property starts.
    pub line: usize,
}

impl Property {
    /// The values of parameter `name` (upper case), comma lists split, lower-cased.
    pub fn param_values(&self, name: &str) -> Vec<String> {
        self.params
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().trim_matches('"').to_lowercase())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Whether `TYPE` holds `t` (case-insensitive): `TYPE=HOME`, `type=home,work`, `HOME`.
    pub fn has_type(&self, t: &str) -> bool {
        self.param_values("TYPE").iter().any(|v| v.eq_ignore_ascii_case(t))
    }

    /// Whether the value is binary (a base64 photo, logo, sound or key).
    pub fn is_binary(&self) -> bool {
        self.param_values("ENCODING").iter().any(|e| e == "b" || e == "base64")
            || self.value.trim_start().starts_with("data:")
    }

    /// The whole value as text, escapes resolved.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }

    /// A structured value (`N`, `ADR`, `ORG`) split at unescaped semicolons, each part unescaped.
    pub fn components(&self) -> Vec<String> {
        split_unescaped(&self.value, ';').into_iter().map(|c| unescape(&c)).collect()
    }
}

/// One card: its properties in file order, nested cards (vCard 2.1 `AGENT`) left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The line of `BEGIN:VCARD`.
    pub line: usize,
    pub properties: Vec<Property>,
}

impl Card {
    /// The properties called `name` (upper case).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    /// The first property called `name`.
    pub fn first(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// The `VERSION` as written (`2.1`, `3.0`, `4.0`), if any.
    pub fn version(&self) -> Option<&str> {
        self.first("VERSION").map(|p| p.value.trim())
    }

    /// The label an address book put on a grouped property (`item1.X-ABLabel:_$!<Other>!$_`).
    pub fn group_label(&self, p: &Property) -> Option<String> {
        let group = p.group.as_deref()?;
        self.properties
            .iter()
            .find(|l| l.name == "X-ABLABEL" && l.group.as_deref() == Some(group))
            .map(|l| l.text().trim_start_matches("_$!<").trim_end_matches(">!$_").to_owned())
    }
}

/// Reads every card of a vCard file. The file may be UTF-8 (with or without a byte-order mark),
/// UTF-16 with a byte-order mark, or, line by line, Windows-1252 where it is not valid UTF-8.
pub fn parse(bytes: &[u8]) -> Result<Vec<Card>, ParseError> {
    let decoded;
    let bytes = match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_16LE || enc == UTF_16BE => {
            decoded = enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
            decoded.as_bytes()
        }
        Some((_, bom)) => &bytes[bom..],
        None => bytes,
    };
    let lines = physical_lines(bytes);
    let mut cards = Vec::new();
    let mut current: Option<Card> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let (logical, next) = logical_line(&lines, i)?;
        i = next;
        if logical.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let p = property(&logical, start + 1)?;
        let is =
            |name: &str, value: &str| p.name == name && p.value.trim().eq_ignore_ascii_case(value);
        match current.as_mut() {
            None if is("BEGIN", "VCARD") => {
                current = Some(Card { line: start + 1, properties: Vec::new() });
            }
            None => {
                let message = if cards.is_empty() {
                    "not a vCard file: expected BEGIN:VCARD"
                } else {
                    "expected BEGIN:VCARD after the end of a card"
                };
                return Err(ParseError { line: start + 1, message: message.into() });
            }
            Some(_) if is("BEGIN", "VCARD") => depth += 1,
            Some(_) if is("END", "VCARD") && depth > 0 => depth -= 1,
            Some(_) if is("END", "VCARD") => cards.extend(current.take()),
            Some(_) if depth > 0 => {}
            Some(card) => card.properties.push(p),
        }
    }
    if let Some(card) = current {
        return Err(ParseError {
            line: card.line,
            message: "this card is never closed with END:VCARD (is the file complete?)".into(),
        });
    }
    if cards.is_empty() {
        return Err(ParseError { line: 1, message: "not a vCard file: no BEGIN:VCARD".into() });
    }
    Ok(cards)
}

/// The lines of the file without their CRLF, LF or CR ends.
fn physical_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&bytes[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&bytes[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

/// The property that starts at line `i`, unfolded: a following line that starts with a space or
/// a tab continues it (without that one character); in a quoted-printable value a line that
/// ends with `=` continues on the next line whatever it starts with (vCard 2.1's soft line
/// break); a binary vCard 2.1 value may continue on lines without indentation until an empty line.
/// Returns the bytes and the index of the next property's first line.
fn logical_line(lines: &[&[u8]], i: usize) -> Result<(Vec<u8>, usize), ParseError> {
    let mut out = lines[i].to_vec();
    let head = head_of(&out);
    let quoted_printable = head.contains("QUOTED-PRINTABLE");
    let base64 = head.contains("BASE64") || head.contains("ENCODING=B");
    let mut j = i + 1;
    while j < lines.len() {
        let next = lines[j];
        if quoted_printable && out.ends_with(b"=") {
            out.pop();
            out.extend_from_slice(next);
        } else if matches!(next.first(), Some(b' ' | b'\t')) {
            out.extend_from_slice(&next[1..]);
        } else if base64 && !next.is_empty() && !next.contains(&b':') {
            out.extend_from_slice(next);
        } else {
            break;
        }
        if out.len() > MAX_PROPERTY {
            return Err(ParseError {
                line: i + 1,
                message: format!("a property longer than {} MB", MAX_PROPERTY / (1024 * 1024)),
            });
        }
        j += 1;
    }
    if out.len() > MAX_PROPERTY {
        return Err(ParseError {
            line: i + 1,
            message: format!("a line longer than {} MB", MAX_PROPERTY / (1024 * 1024)),
        });
    }
    Ok((out, j))
}

/// The name and parameters of a property line (before the first colon outside quotes), upper case.
fn head_of(line: &[u8]) -> String {
    let end = colon(line).unwrap_or(line.len().min(200));
    String::from_utf8_lossy(&line[..end]).to_ascii_uppercase()
}

/// The first colon outside double quotes.
fn colon(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn property(line: &[u8], number: usize) -> Result<Property, ParseError> {
    let err = |message: &str| ParseError { line: number, message: message.into() };
    let Some(colon) = colon(line) else {
        return Err(err("not a vCard property (no colon)"));
    };
    let head = std::str::from_utf8(&line[..colon])
        .map_err(|_| err("a property name that is not plain text"))?
        .trim();
    let raw = &line[colon + 1..];
    let mut parts = split_head(head).into_iter();
    let full_name = parts.next().unwrap_or_default();
    let (group, name) = match full_name.rsplit_once('.') {
        Some((g, n)) => (Some(g.to_owned()), n),
        None => (None, full_name.as_str()),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(err("not a vCard property (a name like EMAIL or TEL before the colon)"));
    }
    let params: Vec<(String, String)> = parts
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (n.trim().to_ascii_uppercase(), param_unescape(v.trim())),
            None => {
                let bare = p.trim().to_ascii_uppercase();
                match bare.as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "8BIT" | "7BIT" => ("ENCODING".into(), bare),
                    _ => ("TYPE".into(), p.trim().to_owned()),
                }
            }
        })
        .collect();
    let param = |n: &str| params.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    let charset =
        param("CHARSET").and_then(|c| Encoding::for_label(c.trim_matches('"').as_bytes()));
    let value_bytes =
        if param("ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE")) {
            quoted_printable(raw)
        } else {
            raw.to_vec()
        };
    Ok(Property {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value: text_of(&value_bytes, charset),
        line: number,
    })
}

/// The name and parameters, split at semicolons outside double quotes.
fn split_head(head: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut quoted = false;
    for c in head.chars() {
        match c {
            ';' if !quoted => parts.push(std::mem::take(&mut part)),
            '"' => {
                quoted = !quoted;
                part.push(c);
            }
            _ => part.push(c),
        }
    }
    parts.push(part);
    parts
}

/// Quoted-printable decoding: `=C3=AB` is a byte, `=` at the end was a soft line break (joined
/// already); a malformed escape is kept as written.
fn quoted_printable(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'=' {
            if let (Some(h), Some(l)) =
                (raw.get(i + 1).copied().and_then(hex), raw.get(i + 2).copied().and_then(hex))
            {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// Bytes as text: in the declared charset, else UTF-8 when they are valid UTF-8, else
/// Windows-1252 (what Outlook and Dutch Windows write).
fn text_of(bytes: &[u8], charset: Option<&'static Encoding>) -> String {
    let encoding = match charset {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Splits at `sep` where it is not escaped with a backslash.
fn split_unescaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let last = parts.last_mut().expect("never empty");
                last.push('\\');
                if let Some(n) = chars.next() {
                    last.push(n);
                }
            }
            c if c == sep => parts.push(String::new()),
            c => parts.last_mut().expect("never empty").push(c),
        }
    }
    parts
}

/// Resolves `\n` `\N` (a line break), `\,` `\;` `\:` `\\`; another backslash stays.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ (',' | ';' | ':' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A text value escaped for vCard 4.0 (RFC 6350 §3.4): backslash, comma, semicolon, line breaks.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A parameter value escaped with RFC 6868: `^n` a line break, `^'` a double quote, `^^` a caret.
pub fn param_escape(value: &str) -> String {
    value.replace('^', "^^").replace("\r\n", "^n").replace(['\n', '\r'], "^n").replace('"', "^'")
}

/// RFC 6868 caret escapes in a parameter value resolved; another caret stays.
fn param_unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// One content line of a written card: folded at 75 octets (never inside a UTF-8 sequence),
/// continued with CRLF and a space, ended with CRLF.
pub fn content_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(text: &str) -> Card {
        let mut cards = parse(text.as_bytes()).unwrap();
        assert_eq!(cards.len(), 1);
        cards.remove(0)
    }

    fn value(card: &Card, name: &str) -> String {
        card.first(name).unwrap_or_else(|| panic!("no {name}")).text()
    }

    #[test]
    fn folding_with_crlf_or_lf_and_a_space_or_a_tab() {
        let c = one("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan van\r\n  der Berg\r\nNOTE:een\n\tlange notitie\r\nEND:VCARD\r\n");
        assert_eq!(value(&c, "FN"), "Jan van der Berg");
        assert_eq!(value(&c, "NOTE"), "eenlange notitie");
        assert_eq!(c.version(), Some("3.0"));
    }

    #[test]
    fn quoted_printable_with_soft_line_breaks_and_a_charset() {
        let c = one(concat!(
            "BEGIN:VCARD\nVERSION:2.1\n",
            "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB;;;\n",
            "NOTE;ENCODING=QUOTED-PRINTABLE:Eerste regel=0D=0ATweede =\nregel zonder inspringen=\n en een spatie\n",
            "ADR;HOME;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:;;Stra=DFe 1;K=F6ln;;;\n",
            "END:VCARD\n"
        ));
        assert_eq!(c.first("N").unwrap().components()[..2], ["Müller", "Zoë"]);
        assert_eq!(
            value(&c, "NOTE"),
            "Eerste regel\r\nTweede regel zonder inspringen en een spatie"
        );
        let adr = c.first("ADR").unwrap();
        assert!(adr.has_type("home"));
        assert_eq!(adr.components()[2..4], ["Straße 1", "Köln"]);
    }

    #[test]
    fn windows_1252_bytes_without_a_charset_are_read_as_windows_1252() {
        let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren".to_vec();
        bytes.extend_from_slice(&[0xE9, b' ', 0x80, b'5']);
        bytes.extend_from_slice(b"\r\nEND:VCARD\r\n");
        assert_eq!(value(&parse(&bytes).unwrap()[0], "FN"), "René €5");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_and_utf8_with_one() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Łukasz Dąbrowski\r\nEND:VCARD\r\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(value(&parse(&le).unwrap()[0], "FN"), "Łukasz Dąbrowski");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(value(&parse(&bom).unwrap()[0], "FN"), "Łukasz Dąbrowski");
    }

    #[test]
    fn groups_parameters_and_labels() {
        let c = one(concat!(
            "begin:vCard\nversion:3.0\n",
            "item1.EMAIL;type=INTERNET;type=pref:jan@example.nl\n",
            "item1.X-ABLabel:_$!<Other>!$_\n",
            "TEL;TYPE=\"cell,voice\":+31 6 1234 5678\n",
            "TEL;CELL;PREF:06-11112222\n",
            "end:vcard\n"
        ));
        let email = c.first("EMAIL").unwrap();
        assert_eq!(email.group.as_deref(), Some("item1"));
        assert!(email.has_type("pref") && email.has_type("internet"));
        assert_eq!(c.group_label(email).as_deref(), Some("Other"));
        let tels: Vec<_> = c.all("TEL").collect();
        assert_eq!(tels.len(), 2);
        assert!(tels[0].has_type("cell") && tels[1].has_type("cell") && tels[1].has_type("pref"));
    }

    #[test]
    fn escapes_structured_values_and_escaped_colons() {
        let c = one(concat!(
            "BEGIN:VCARD\nVERSION:4.0\n",
            "ORG:Bakker\\, Zonen & Co;Tuinontwerp\n",
            "NOTE:regel 1\\nregel 2\\; met\\\\backslash\n",
            "URL:https\\://example.nl\n",
            "END:VCARD\n"
        ));
        assert_eq!(c.first("ORG").unwrap().components(), ["Bakker, Zonen & Co", "Tuinontwerp"]);
        assert_eq!(value(&c, "NOTE"), "regel 1\nregel 2; met\\backslash");
        assert_eq!(value(&c, "URL"), "https://example.nl");
    }

    #[test]
    fn base64_photos_are_read_as_binary_in_every_version() {
        let c = one(concat!(
            "BEGIN:VCARD\nVERSION:2.1\nFN:Foto\n",
            "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\n",
            "  /2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc\n",
            "KDcpLDAxNDQ0Hyc5PTgyPC4zNDL\n",
            "\n",
            "EMAIL:foto@example.nl\n",
            "END:VCARD\n"
        ));
        assert!(c.first("PHOTO").unwrap().is_binary());
        assert_eq!(value(&c, "EMAIL"), "foto@example.nl");
        let v4 =
            one("BEGIN:VCARD\nVERSION:4.0\nPHOTO:data:image/jpeg;base64,/9j/4AAQ\nEND:VCARD\n");
        assert!(v4.first("PHOTO").unwrap().is_binary());
    }

    #[test]
    fn several_cards_and_a_nested_agent_card() {
        let cards = parse(
            concat!(
                "BEGIN:VCARD\nVERSION:2.1\nFN:Een\nAGENT:\nBEGIN:VCARD\nFN:Binnen\nEND:VCARD\n",
                "EMAIL:een@example.nl\nEND:VCARD\n\n",
                "BEGIN:VCARD\nVERSION:2.1\nFN:Twee\nEND:VCARD\n"
            )
            .as_bytes(),
        )
        .unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(value(&cards[0], "FN"), "Een");
        assert_eq!(value(&cards[0], "EMAIL"), "een@example.nl");
        assert_eq!(cards[1].line, 11);
    }

    #[test]
    fn bad_files_name_their_line() {
        let e = parse(b"Naam;E-mail\nJan;jan@example.nl\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("not a vCard")), (1, true));
        let e = parse(b"BEGIN:VCARD\nVERSION:3.0\nFN:Jan\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("END:VCARD"), "{e}");
        let e = parse(b"BEGIN:VCARD\nVERSION:3.0\nFN:Jan\ndit is geen eigenschap\nEND:VCARD\n")
            .unwrap_err();
        assert_eq!(e.line, 4);
        assert!(parse(b"").is_err());
        let mut long = b"BEGIN:VCARD\nNOTE:".to_vec();
        long.resize(MAX_PROPERTY + 100, b'x');
        long.extend_from_slice(b"\nEND:VCARD\n");
        let e = parse(&long).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("MB"), "{e}");
    }

    #[test]
    fn folding_on_write_never_splits_a_character() {
        let line = format!("NOTE:{}", "ë€😀a".repeat(40));
        let written = content_line(&line);
        for physical in written.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let c = one(&format!("BEGIN:VCARD\r\nVERSION:4.0\r\n{written}END:VCARD\r\n"));
        assert_eq!(value(&c, "NOTE"), "ë€😀a".repeat(40));
    }

    proptest! {
        #[test]
        fn any_bytes_give_cards_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut file = b"BEGIN:VCARD\r\n".to_vec();
            file.extend_from_slice(&bytes);
            let _ = parse(&file);
            let _ = parse(&bytes);
        }

        #[test]
        fn text_written_escaped_and_folded_reads_back_the_same(text in "\\PC{0,200}") {
            let text = text.replace('\r', "");
            let line = content_line(&format!("NOTE:{}", escape(&text)));
            let card = parse(format!("BEGIN:VCARD\r\nVERSION:4.0\r\n{line}END:VCARD\r\n").as_bytes()).unwrap();
            prop_assert_eq!(card[0].first("NOTE").unwrap().text(), text);
        }
    }
}
