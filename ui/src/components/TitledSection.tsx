import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered section named by its h2 (`id` is the heading's id). */
export function TitledSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
