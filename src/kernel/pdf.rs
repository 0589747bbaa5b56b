//! A small document layout on printpdf for Kluis's letters and reports: an embedded font (DejaVu
//! Sans, licence in assets/fonts; never a base-14 font, so every character — Łukasz Dąbrowski
//! too — is drawn and the text can be extracted), a header, headings, wrapped paragraphs,
//! key–value blocks and tables that break across pages with their header repeated, and
//! "page x of n" on every page.

use printpdf::{
    Color, IndirectFontRef, Line, Mm, PdfDocument, PdfDocumentReference, PdfLayerIndex,
    PdfPageIndex, Point, Rgb,
};
use ttf_parser::Face;

use crate::kernel::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 20.0;
const TOP: f32 = PAGE_H - 20.0;
const BOTTOM: f32 = 22.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const PT_TO_MM: f32 = 0.352_778;

/// Font size (pt), line height factor.
const BODY: f32 = 9.5;
const LINE: f32 = 1.35;

struct Font {
    pdf: IndirectFontRef,
    face: Face<'static>,
}

impl Font {
    /// The width of `text` in mm at `size` pt.
    fn width(&self, text: &str, size: f32) -> f32 {
        let upm = f32::from(self.face.units_per_em());
        let fallback = self.face.glyph_index('?');
        let units: f32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .or(fallback)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units / upm * size * PT_TO_MM
    }

    /// Lines of at most `max` mm: words wrap, explicit newlines break, a word wider than a
    /// line is cut.
    fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate =
                    if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&candidate, size) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A single word too long for a line: cut it where it no longer fits.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size) > max && piece.chars().count() > 1 {
                        let last = piece.pop().unwrap_or(' ');
                        lines.push(std::mem::take(&mut piece));
                        piece.push(last);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }
}

pub struct Doc {
    doc: PdfDocumentReference,
    regular: Font,
    bold: Font,
    pages: Vec<(PdfPageIndex, PdfLayerIndex)>,
    y: f32,
    footer: String,
    page_label: (String, String),
}

fn face(bytes: &'static [u8]) -> Result<Face<'static>> {
    Face::parse(bytes, 0).map_err(|e| Error::Internal(format!("font: {e}")))
}

fn grey(level: f32) -> Color {
    Color::Rgb(Rgb::new(level, level, level, None))
}

fn accent() -> Color {
    Color::Rgb(Rgb::new(0.12, 0.37, 0.36, None))
}

impl Doc {
    /// A new A4 document. `footer` is printed on every page beside the page number;
    /// `page_label` is ("Pagina", "van") or ("Page", "of").
    pub fn new(title: &str, footer: &str, page_label: (&str, &str)) -> Result<Doc> {
        let (doc, page, layer) = PdfDocument::new(title, Mm(PAGE_W), Mm(PAGE_H), "content");
        let font = |bytes: &'static [u8]| -> Result<Font> {
            let pdf = doc
                .add_external_font(std::io::Cursor::new(bytes))
                .map_err(|e| Error::Internal(format!("font: {e}")))?;
            Ok(Font { pdf, face: face(bytes)? })
        };
        let regular = font(REGULAR)?;
        let bold = font(BOLD)?;
        Ok(Doc {
            doc,
            regular,
            bold,
            pages: vec![(page, layer)],
            y: TOP,
            footer: footer.to_owned(),
            page_label: (page_label.0.to_owned(), page_label.1.to_owned()),
        })
    }

    fn layer(&self) -> printpdf::PdfLayerReference {
        let (p, l) = self.pages[self.pages.len() - 1];
        self.doc.get_page(p).get_layer(l)
    }

    fn new_page(&mut self) {
        let (p, l) = self.doc.add_page(Mm(PAGE_W), Mm(PAGE_H), "content");
        self.pages.push((p, l));
        self.y = TOP;
    }

    /// Makes room for `h` mm, starting a new page when needed.
    fn room(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.new_page();
        }
    }

    fn text(&self, text: &str, size: f32, x: f32, y: f32, bold: bool, color: Color) {
        let layer = self.layer();
        layer.set_fill_color(color);
        let font = if bold { &self.bold.pdf } else { &self.regular.pdf };
        layer.use_text(text, size, Mm(x), Mm(y), font);
    }

    fn rule(&self, y: f32, color: Color, thickness: f32) {
        let layer = self.layer();
        layer.set_outline_color(color);
        layer.set_outline_thickness(thickness);
        layer.add_line(Line {
            points: vec![
                (Point::new(Mm(MARGIN), Mm(y)), false),
                (Point::new(Mm(PAGE_W - MARGIN), Mm(y)), false),
            ],
            is_closed: false,
        });
    }

    fn line_height(size: f32) -> f32 {
        size * PT_TO_MM * LINE
    }

    /// The letterhead: the sender's lines on the right, the title large on the left.
    pub fn letterhead(&mut self, sender: &[String], title: &str, subtitle: &str) {
        let mut y = TOP;
        for (i, line) in sender.iter().enumerate() {
            let w = self.regular.width(line, 8.5);
            self.text(line, 8.5, PAGE_W - MARGIN - w, y, i == 0, grey(0.3));
            y -= Self::line_height(8.5);
        }
        self.y = y.min(TOP) - 6.0;
        for line in self.bold.wrap(title, 17.0, WIDTH) {
            self.room(Self::line_height(17.0));
            self.y -= Self::line_height(17.0);
            self.text(&line, 17.0, MARGIN, self.y, true, accent());
        }
        if !subtitle.is_empty() {
            self.y -= 1.5;
            self.paragraph_styled(subtitle, 9.5, false, grey(0.35));
        }
        self.y -= 2.0;
        self.rule(self.y, accent(), 1.2);
        self.y -= 5.0;
    }

    pub fn heading(&mut self, text: &str) {
        let h = Self::line_height(12.0);
        self.room(h + 4.0 + Self::line_height(BODY) * 2.0);
        self.y -= 3.0 + h;
        self.text(text, 12.0, MARGIN, self.y, true, accent());
        self.y -= 2.0;
    }

    /// A heading of the second level: bold, body colour, kept with the lines after it.
    pub fn subheading(&mut self, text: &str) {
        let size = 10.5;
        self.room(Self::line_height(size) + 2.0 + Self::line_height(BODY) * 2.0);
        self.y -= 1.5;
        self.paragraph_styled(text, size, true, grey(0.15));
        self.y -= 1.0;
    }

    pub fn paragraph(&mut self, text: &str) {
        self.paragraph_styled(text, BODY, false, grey(0.1));
        self.y -= 1.5;
    }

    /// A smaller, grey note.
    pub fn note(&mut self, text: &str) {
        self.paragraph_styled(text, 8.0, false, grey(0.4));
        self.y -= 1.0;
    }

    fn paragraph_styled(&mut self, text: &str, size: f32, bold: bool, color: Color) {
        let font = if bold { &self.bold } else { &self.regular };
        let lines = font.wrap(text, size, WIDTH);
        for line in lines {
            let h = Self::line_height(size);
            self.room(h);
            self.y -= h;
            self.text(&line, size, MARGIN, self.y, bold, color.clone());
        }
    }

    /// Label–value rows (labels bold, in a left column).
    pub fn key_values(&mut self, rows: &[(String, String)]) {
        let label_w = 48.0;
        for (k, v) in rows {
            let v = if v.trim().is_empty() { "—" } else { v.as_str() };
            let klines = self.bold.wrap(k, BODY, label_w - 3.0);
            let vlines = self.regular.wrap(v, BODY, WIDTH - label_w);
            let n = klines.len().max(vlines.len());
            for i in 0..n {
                let h = Self::line_height(BODY);
                self.room(h);
                self.y -= h;
                if let Some(k) = klines.get(i) {
                    self.text(k, BODY, MARGIN, self.y, true, grey(0.25));
                }
                if let Some(v) = vlines.get(i) {
                    self.text(v, BODY, MARGIN + label_w, self.y, false, grey(0.1));
                }
            }
            self.y -= 1.2;
        }
        self.y -= 1.5;
    }

    /// A table: `widths` are shares of the text width; cells wrap; the header repeats on every
    /// page the table spans.
    /// Column widths in proportion to `widths`, widened where a header word would not fit (a
    /// header wraps at word boundaries, never inside a word like "Bewaartermijn"), the room
    /// taken from the columns that have it.
    fn fit_columns(&self, headers: &[&str], widths: &[f32], size: f32) -> Vec<f32> {
        let total: f32 = widths.iter().sum();
        let mut cols: Vec<f32> = widths.iter().map(|w| w / total * WIDTH).collect();
        let need: Vec<f32> = (0..cols.len())
            .map(|i| {
                let words = headers.get(i).map(|h| h.split_whitespace()).into_iter().flatten();
                words.map(|w| self.bold.width(w, size) + 3.0).fold(0.0, f32::max)
            })
            .collect();
        let short: f32 = cols.iter().zip(&need).map(|(c, n)| (n - c).max(0.0)).sum();
        let slack: f32 = cols.iter().zip(&need).map(|(c, n)| (c - n).max(0.0)).sum();
        if short > 0.0 && slack >= short {
            for (c, n) in cols.iter_mut().zip(&need) {
                if *c < *n {
                    *c = *n;
                } else {
                    *c -= (*c - n) / slack * short;
                }
            }
        }
        cols
    }

    pub fn table(&mut self, headers: &[&str], widths: &[f32], rows: &[Vec<String>]) {
        let size = 8.5;
        let cols = self.fit_columns(headers, widths, size);
        let h = Self::line_height(size);
        let heads: Vec<Vec<String>> = headers
            .iter()
            .enumerate()
            .map(|(i, t)| self.bold.wrap(t, size, cols[i] - 2.5))
            .collect();
        let head_lines = heads.iter().map(Vec::len).max().unwrap_or(1);
        let draw_header = |d: &mut Doc| {
            d.room(h * (head_lines as f32 + 2.0));
            for line in 0..head_lines {
                d.y -= h;
                let mut x = MARGIN;
                for (i, head) in heads.iter().enumerate() {
                    if let Some(t) = head.get(line) {
                        d.text(t, size, x, d.y, true, grey(0.25));
                    }
                    x += cols[i];
                }
            }
            d.y -= 1.5;
            d.rule(d.y, grey(0.6), 0.6);
        };
        draw_header(self);
        if rows.is_empty() {
            self.y -= h;
            self.text("—", size, MARGIN, self.y, false, grey(0.4));
        }
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    self.regular.wrap(if c.is_empty() { "—" } else { c }, size, cols[i] - 2.5)
                })
                .collect();
            let n = cells.iter().map(Vec::len).max().unwrap_or(1);
            let mut line = 0;
            while line < n {
                if self.y - h < BOTTOM {
                    self.new_page();
                    draw_header(self);
                }
                self.y -= h;
                let mut x = MARGIN;
                for (i, c) in cells.iter().enumerate() {
                    if let Some(t) = c.get(line) {
                        self.text(t, size, x, self.y, false, grey(0.1));
                    }
                    x += cols[i];
                }
                line += 1;
            }
            self.y -= 1.2;
            self.rule(self.y, grey(0.88), 0.4);
        }
        self.y -= 3.0;
    }

    /// Adds the footer and page numbers and returns the PDF bytes.
    pub fn finish(self) -> Result<Vec<u8>> {
        let n = self.pages.len();
        for (i, (p, l)) in self.pages.iter().enumerate() {
            let layer = self.doc.get_page(*p).get_layer(*l);
            let label = format!("{} {} {} {}", self.page_label.0, i + 1, self.page_label.1, n);
            let w = self.regular.width(&label, 7.5);
            layer.set_fill_color(grey(0.45));
            layer.use_text(&label, 7.5, Mm(PAGE_W - MARGIN - w), Mm(12.0), &self.regular.pdf);
            layer.use_text(&self.footer, 7.5, Mm(MARGIN), Mm(12.0), &self.regular.pdf);
        }
        self.doc.save_to_bytes().map_err(|e| Error::Internal(format!("pdf: {e}")))
    }
}

/// Encrypts a finished PDF with a user password: the standard security handler, V 5 R 6
/// (AES-256, ISO 32000-2), which every common reader opens after asking for the password.
/// The owner password is random and forgotten, the file encryption key too; printing and
/// copying stay allowed (the document is the person's own). Works in memory only.
pub fn encrypt(pdf: &[u8], password: &str) -> Result<Vec<u8>> {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
    use lopdf::{Dictionary, EncryptionState, EncryptionVersion, Object, Permissions};

    let err = |e: lopdf::Error| Error::Internal(format!("pdf encryption: {e}"));
    let mut doc = lopdf::Document::load_mem(pdf).map_err(err)?;
    // R 6 belongs to PDF 2.0 and to Adobe's extension level 8 of PDF 1.7; naming the extension
    // keeps 1.7 readers content.
    doc.version = "1.7".into();
    let mut adbe = Dictionary::new();
    adbe.set("BaseVersion", Object::Name(b"1.7".to_vec()));
    adbe.set("ExtensionLevel", Object::Integer(8));
    let mut extensions = Dictionary::new();
    extensions.set("ADBE", Object::Dictionary(adbe));
    doc.catalog_mut().map_err(err)?.set("Extensions", Object::Dictionary(extensions));

    let key = zeroize::Zeroizing::new(crate::kernel::crypto::random_bytes::<32>());
    let owner = hex::encode(crate::kernel::crypto::random_bytes::<24>());
    let filter: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
    let state = EncryptionState::try_from(EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
        file_encryption_key: key.as_ref(),
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: &owner,
        user_password: password,
        permissions: Permissions::all(),
    })
    .map_err(err)?;
    doc.encrypt(&state).map_err(err)?;
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| Error::Internal(format!("pdf encryption: {e}")))?;
    Ok(out)
}
