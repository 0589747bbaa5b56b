//! One document, three renderings: the privacy statement is built once as a list of blocks and
//! written as Markdown, as a self-contained HTML page (every text escaped) or as a PDF (the
//! kernel's layout, fonts embedded), so no sentence is typed twice.

use crate::kernel::error::Result;
use crate::kernel::pdf::Doc;

/// A block of a document. Every string is plain text (from the register or Kluis's own
/// sentences); each renderer escapes it for its format.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Subheading(String),
    Paragraph(String),
    /// A bulleted list.
    Items(Vec<String>),
    /// Label–value rows.
    Fields(Vec<(String, String)>),
    /// A table: headers, relative column widths (for the PDF), rows.
    Table(Vec<String>, Vec<f32>, Vec<Vec<String>>),
}

/// Text made safe for Markdown: the characters that would start markup (emphasis, links,
/// headings, tables, raw HTML such as `<script>`) are backslash-escaped, line breaks become
/// spaces.
pub fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text made safe for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn or_dash(v: &str) -> &str {
    if v.trim().is_empty() {
        "—"
    } else {
        v
    }
}

/// The blocks as Markdown (CommonMark with pipe tables).
pub fn markdown(title: &str, blocks: &[Block]) -> String {
    let e = markdown_escape;
    let mut md = format!("# {}\n\n", e(title));
    for b in blocks {
        match b {
            Block::Heading(t) => md.push_str(&format!("## {}\n\n", e(t))),
            Block::Subheading(t) => md.push_str(&format!("### {}\n\n", e(t))),
            Block::Paragraph(t) => md.push_str(&format!("{}\n\n", e(t))),
            Block::Items(items) => {
                for i in items {
                    md.push_str(&format!("- {}\n", e(i)));
                }
                md.push('\n');
            }
            Block::Fields(rows) => {
                for (k, v) in rows {
                    md.push_str(&format!("- **{}:** {}\n", e(k), e(or_dash(v))));
                }
                md.push('\n');
            }
            Block::Table(headers, _, rows) => {
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| e(or_dash(c))).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                md.push_str(&line(headers));
                md.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
                for r in rows {
                    md.push_str(&line(r));
                }
                md.push('\n');
            }
        }
    }
    md
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;\
max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}\
h1,h2,h3{color:#1f5e5c;line-height:1.25}h2{margin-top:2rem}\
table{border-collapse:collapse;width:100%;margin:1rem 0}\
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}\
th{border-bottom:2px solid #999}dt{font-weight:600}dd{margin:0 0 .5rem 0}\
.version{color:#555;font-size:.9rem}";

/// The blocks as a self-contained HTML page (no scripts, no external resources), `lang` the
/// page's language tag, `footer` a last line in small print.
pub fn html(lang: &str, title: &str, blocks: &[Block], footer: &str) -> String {
    let e = html_escape;
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        e(lang),
        e(title),
        e(title)
    );
    for b in blocks {
        match b {
            Block::Heading(t) => h.push_str(&format!("<h2>{}</h2>\n", e(t))),
            Block::Subheading(t) => h.push_str(&format!("<h3>{}</h3>\n", e(t))),
            Block::Paragraph(t) => h.push_str(&format!("<p>{}</p>\n", e(t))),
            Block::Items(items) => {
                h.push_str("<ul>\n");
                for i in items {
                    h.push_str(&format!("<li>{}</li>\n", e(i)));
                }
                h.push_str("</ul>\n");
            }
            Block::Fields(rows) => {
                h.push_str("<dl>\n");
                for (k, v) in rows {
                    h.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(k), e(or_dash(v))));
                }
                h.push_str("</dl>\n");
            }
            Block::Table(headers, _, rows) => {
                h.push_str("<table>\n<thead><tr>");
                for c in headers {
                    h.push_str(&format!("<th scope=\"col\">{}</th>", e(c)));
                }
                h.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    h.push_str("<tr>");
                    for c in r {
                        h.push_str(&format!("<td>{}</td>", e(or_dash(c))));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
        }
    }
    h.push_str(&format!("<p class=\"version\">{}</p>\n</body>\n</html>\n", e(footer)));
    h
}

/// The blocks as a PDF: `sender` the letterhead lines, `subtitle` under the title, `footer` on
/// every page, `nl` the language of the page numbers.
pub fn pdf(
    title: &str,
    sender: &[String],
    subtitle: &str,
    blocks: &[Block],
    footer: &str,
    nl: bool,
) -> Result<Vec<u8>> {
    let mut doc = Doc::new(title, footer, if nl { ("Pagina", "van") } else { ("Page", "of") })?;
    doc.letterhead(sender, title, subtitle);
    for b in blocks {
        match b {
            Block::Heading(t) => doc.heading(t),
            Block::Subheading(t) => doc.subheading(t),
            Block::Paragraph(t) => doc.paragraph(t),
            Block::Items(items) => {
                for i in items {
                    doc.paragraph(&format!("•  {i}"));
                }
            }
            Block::Fields(rows) => doc.key_values(rows),
            Block::Table(headers, widths, rows) => {
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                doc.table(&headers, widths, rows);
            }
        }
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_in_every_format() {
        let blocks = vec![
            Block::Heading("<script>alert(1)</script>".into()),
            Block::Table(vec!["a|b".into()], vec![1.0], vec![vec!["*x* & <b>".into()]]),
        ];
        let h = html("nl", "T \"q\"", &blocks, "v1");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("<title>T &quot;q&quot;</title>"));
        assert!(h.contains("*x* &amp; &lt;b&gt;"));
        let md = markdown("T", &blocks);
        assert!(md.contains("## \\<script\\>alert(1)\\</script\\>"), "{md}");
        assert!(md.contains("| a\\|b |"));
        assert!(md.contains("| \\*x\\* \\& \\<b\\> |"));
    }
}
