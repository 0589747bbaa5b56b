import { Button, Group, Stack, Text, ThemeIcon, Timeline as MantineTimeline } from "@mantine/core";
import { IconCalendarEvent, IconMail, IconNote, IconPencil, IconPhone, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Interaction } from "../../bindings/Interaction";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { deleteInteraction } from "../../lib/ipc";
import { InteractionEdit } from "./InteractionEdit";
import { kindLabel } from "./labels";

const ICONS = {
  call: IconPhone,
  email: IconMail,
  meeting: IconCalendarEvent,
  note: IconNote,
} satisfies Record<InteractionKind, unknown>;

type Props = {
  interactions: Interaction[];
  /** Processing of the contact is restricted: nothing may be changed or deleted. */
  restricted?: boolean;
};

/** Interactions, newest first, as the backend returns them; each can be edited or deleted. */
export function Timeline({ interactions, restricted = false }: Props) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const remove = useMutation({
    mutationFn: (id: number) => deleteInteraction(id),
    onSuccess: async () => {
      setDeleting(null);
      setDone(t("rectify.deleted"));
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    },
  });

  if (interactions.length === 0) {
    return (
      <Stack gap="sm">
        {done && <StatusNote>{done}</StatusNote>}
        <Text c="dimmed">{t("detail.noInteractions")}</Text>
      </Stack>
    );
  }
  const what = (item: Interaction) => ({ kind: kindLabel(t, item.kind), date: formatDateTime(locale, item.at) });
  return (
    <Stack gap="sm">
      {done && <StatusNote>{done}</StatusNote>}
      {restricted && (
        <Text size="sm" c="dimmed" id="timeline-restricted">
          {t("rectify.restricted")}
        </Text>
      )}
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
              {editing === item.id ? (
                <InteractionEdit
                  interaction={item}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) setDone(t("rectify.saved"));
                  }}
                />
              ) : (
                <>
                  <Text mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {item.text}
                  </Text>
                  <Group gap="xs" mt={4}>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={t("rectify.editLabel", what(item))}
                      disabled={restricted}
                      aria-describedby={restricted ? "timeline-restricted" : undefined}
                      onClick={() => {
                        setDone(null);
                        setEditing(item.id);
                      }}
                    >
                      {t("rectify.edit")}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={t("rectify.deleteLabel", what(item))}
                      disabled={restricted}
                      aria-describedby={restricted ? "timeline-restricted" : undefined}
                      onClick={() => {
                        setDone(null);
                        remove.reset();
                        setDeleting(item);
                      }}
                    >
                      {t("rectify.delete")}
                    </Button>
                  </Group>
                </>
              )}
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
      <ConfirmDialog
        opened={deleting !== null}
        title={t("rectify.deleteTitle")}
        message={t("rectify.deleteMessage")}
        confirmLabel={t("rectify.deleteConfirm")}
        onConfirm={() => {
          if (deleting && !remove.isPending) remove.mutate(deleting.id);
        }}
        onCancel={() => setDeleting(null)}
        busy={remove.isPending}
        error={remove.isError ? <ErrorAlert error={remove.error} /> : undefined}
      />
    </Stack>
  );
}
