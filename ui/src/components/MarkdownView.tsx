import { Stack, Table, Text, Title, type TitleOrder } from "@mantine/core";
import { useMemo } from "react";

import { parseMarkdown } from "../lib/markdown";
import { DataTable } from "./DataTable";

type Props = {
  source: string;
  /**
   * Added to every heading level, so a document's `#` fits under the screen's own h1
   * (1: `#` becomes an h2).
   */
  headingOffset?: number;
};

function headingOrder(level: number, offset: number): TitleOrder {
  return Math.min(6, Math.max(1, level + offset)) as TitleOrder;
}

/**
 * Shows Markdown of the simple kind the backend writes (headings, paragraphs, pipe tables)
 * as React elements. Everything is rendered as text: markup in the source stays visible
 * as typed and is never interpreted as HTML.
 */
export function MarkdownView({ source, headingOffset = 1 }: Props) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <Stack gap="md">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case "heading": {
            const order = headingOrder(block.level, headingOffset);
            return (
              <Title key={index} order={order} size={order <= 2 ? "h3" : "h5"}>
                {block.text}
              </Title>
            );
          }
          case "paragraph":
            return (
              <Text key={index} style={{ overflowWrap: "break-word" }}>
                {block.text}
              </Text>
            );
          case "table":
            return (
              <DataTable key={index} striped columns={block.header}>
                {block.rows.map((row, rowIndex) => (
                  <Table.Tr key={rowIndex}>
                    {row.map((cell, column) => (
                      <Table.Td key={column} style={{ overflowWrap: "break-word" }}>
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </DataTable>
            );
        }
      })}
    </Stack>
  );
}
