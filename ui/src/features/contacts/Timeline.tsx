import { Text, ThemeIcon, Timeline as MantineTimeline } from "@mantine/core";
import { IconCalendarEvent, IconMail, IconNote, IconPhone } from "@tabler/icons-react";

import type { Interaction } from "../../bindings/Interaction";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { kindLabel } from "./labels";

const ICONS = {
  call: IconPhone,
  email: IconMail,
  meeting: IconCalendarEvent,
  note: IconNote,
} satisfies Record<InteractionKind, unknown>;

/** Interactions, newest first, as the backend returns them. */
export function Timeline({ interactions }: { interactions: Interaction[] }) {
  const { t, locale } = useI18n();
  if (interactions.length === 0) {
    return <Text c="dimmed">{t("detail.noInteractions")}</Text>;
  }
  return (
    <MantineTimeline bulletSize={30} lineWidth={2} role="list">
      {interactions.map((item) => {
        const Icon = ICONS[item.kind];
        return (
          <MantineTimeline.Item
            key={item.id}
            role="listitem"
            bullet={
              <ThemeIcon size={30} radius="xl" variant="light" aria-hidden>
                <Icon size={16} />
              </ThemeIcon>
            }
            title={kindLabel(t, item.kind)}
          >
            <Text size="xs" c="dimmed">
              <time dateTime={item.at}>{formatDateTime(locale, item.at)}</time>
            </Text>
            <Text mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {item.text}
            </Text>
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
