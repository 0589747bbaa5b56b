import { Badge, Box, Button, Code, Group, Paper, Stack, Text } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useId, useState, type ReactNode } from "react";

import type { ConsentEvent } from "../../bindings/ConsentEvent";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { methodLabel, recordedByLabel } from "../register/labels";

/** Hex characters of the text's SHA-256 shown inline; the full hash is in the title. */
export const SHORT_HASH_LENGTH = 12;

/** The consent ledger, oldest first (as the backend returns it). */
export function ConsentHistory({ events }: { events: ConsentEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) return <Text c="dimmed">{t("history.empty")}</Text>;
  return (
    <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: "none" }}>
      {events.map((event) => (
        <HistoryItem key={event.id} event={event} />
      ))}
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

function HistoryItem({ event }: { event: ConsentEvent }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const textId = useId();
  const given = event.kind === "given";
  const none = t("common.empty");

  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600}>
            <time dateTime={event.at}>{formatDateTime(locale, event.at)}</time>
          </Text>
          <Badge variant="light" color={given ? "teal" : "gray"} tt="none" fw={600}>
            {given ? t("history.given") : t("history.withdrawn")}
          </Badge>
          <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
            {event.purpose}
          </Text>
        </Group>
        <Group component="dl" gap="xl" m={0} align="flex-start" wrap="wrap">
          <Detail label={t("history.method")}>{methodLabel(t, event.method)}</Detail>
          <Detail label={t("history.recordedBy")}>{recordedByLabel(t, event.recorded_by)}</Detail>
          <Detail label={t("history.evidence")}>{event.evidence ?? none}</Detail>
          {event.text_sha256 !== null && (
            <Detail label={t("history.hash")}>
              <Code title={event.text_sha256}>{event.text_sha256.slice(0, SHORT_HASH_LENGTH)}</Code>
            </Detail>
          )}
        </Group>
        {event.text !== null && (
          <Box>
            <Button
              variant="subtle"
              size="compact-sm"
              px={4}
              leftSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
              aria-expanded={open}
              aria-controls={textId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t("history.hideText") : t("history.showText")}
            </Button>
            <Box
              id={textId}
              hidden={!open}
              mt={6}
              p="sm"
              bg="gray.0"
              style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", borderRadius: "var(--mantine-radius-sm)" }}
            >
              {open ? event.text : null}
            </Box>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
