// A tiny Markdown reader for the subset the backend writes (the retention policy): `#`
// headings, paragraphs and pipe tables. It returns plain data; the text is never treated as
// HTML (the component that shows it renders React text nodes only).

export type MarkdownBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const DELIMITER_CELL = /^:?-+:?$/;

/** Backslash escapes of ASCII punctuation ("\|", "\\", "\*") become the character itself. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** The cells of a table row; an escaped pipe (`\|`) stays inside its cell. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith("|")) text = text.slice(1);
  const cells: string[] = [];
  let cell = "";
  let closed = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "\\" && i + 1 < text.length) {
      cell += char + text.charAt(i + 1);
      i++;
      closed = false;
    } else if (char === "|") {
      cells.push(cell);
      cell = "";
      closed = true;
    } else {
      cell += char;
      if (char.trim() !== "") closed = false;
    }
  }
  // A trailing pipe closes the last cell; text after the last pipe is a cell of its own.
  if (!closed || cell.trim() !== "") cells.push(cell);
  return cells.map((c) => unescapeMarkdown(c.trim()));
}

function isTableRow(line: string): boolean {
  return line.trim().startsWith("|");
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes("-") || !isTableRow(line)) return false;
  const cells = splitRow(line);
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell));
}

/** Reads `source` into blocks. Unknown syntax is kept as paragraph text, never dropped. */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const lines = source.split(/\r\n|\r|\n/);
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ kind: "paragraph", text: unescapeMarkdown(paragraph.join(" ")) });
      paragraph = [];
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({
        kind: "heading",
        level: heading[1]?.length ?? 1,
        text: unescapeMarkdown(heading[2]?.trim() ?? ""),
      });
      continue;
    }
    const next = lines[i + 1];
    if (isTableRow(line) && next !== undefined && isDelimiterRow(next)) {
      flush();
      const header = splitRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && isTableRow(lines[i] ?? "")) {
        const cells = splitRow(lines[i] ?? "");
        // As in GitHub's tables: missing cells are empty, extra ones are dropped.
        rows.push(header.map((_, index) => cells[index] ?? ""));
        i++;
      }
      i--; // the loop's i++ moves to the first line after the table
      blocks.push({ kind: "table", header, rows });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
