import { describe, expect, it } from "vitest";

import { parseMarkdown, splitRow, unescapeMarkdown } from "./markdown";

describe("markdown subset", () => {
  it("reads a heading, paragraphs and a pipe table", () => {
    const source = [
      "# Retention policy",
      "",
      "We keep personal data",
      "no longer than needed.",
      "",
      "| Data | Then |",
      "|---|:---:|",
      "| Former clients | review |",
      "| Audit trail | delete | extra |",
      "| Short |",
      "",
      "Drawn up on 2025-02-01",
    ].join("\n");
    expect(parseMarkdown(source)).toEqual([
      { kind: "heading", level: 1, text: "Retention policy" },
      { kind: "paragraph", text: "We keep personal data no longer than needed." },
      {
        kind: "table",
        header: ["Data", "Then"],
        rows: [
          ["Former clients", "review"],
          ["Audit trail", "delete"],
          ["Short", ""],
        ],
      },
      { kind: "paragraph", text: "Drawn up on 2025-02-01" },
    ]);
  });

  it("keeps escaped pipes inside a cell and unescapes punctuation", () => {
    expect(splitRow("| a \\| b | c |")).toEqual(["a | b", "c"]);
    expect(splitRow("a | b")).toEqual(["a", "b"]);
    expect(splitRow("| a | |")).toEqual(["a", ""]);
    expect(unescapeMarkdown("1\\. \\*not bold\\* \\a")).toBe("1. *not bold* \\a");
  });

  it("keeps markup as plain text", () => {
    expect(parseMarkdown("<b>x</b> & <script>")).toEqual([{ kind: "paragraph", text: "<b>x</b> & <script>" }]);
  });

  it("treats a pipe line without a delimiter row as text, and handles CRLF", () => {
    expect(parseMarkdown("| not | a table |\r\n\r\n## Sub #\r\n")).toEqual([
      { kind: "paragraph", text: "| not | a table |" },
      { kind: "heading", level: 2, text: "Sub" },
    ]);
  });
});
