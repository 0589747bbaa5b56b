import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconCircleCheck, IconCircleDashed } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { RecipientNotice } from "../../bindings/RecipientNotice";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatDate, toYmd } from "../../lib/format";
import { isIpcError, recipientTold } from "../../lib/ipc";

type Props = {
  /** The lines the core made after a rectification, erasure or restriction. */
  notices: RecipientNotice[];
  /** Refreshes the list after a line was recorded. */
  onChanged: () => Promise<void>;
  /** Heading level of the list's title. */
  order?: 3 | 4;
};

/**
 * Telling the recipients (Art. 19): each processor to tell of a change, whether and when it was
 * told, and a "told on" action per line. Nothing when there is no one to tell.
 */
export function RecipientsChecklist({ notices, onChanged, order = 4 }: Props) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t("recipients.list")}>
      <Title order={order} size="h6">
        {t("recipients.heading")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("recipients.intro")}
      </Text>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {notices.map((n) => (
          <Line
            key={n.id}
            line={n}
            onTold={async () => {
              setNotice(t("recipients.done", { name: n.processor_name }));
              await onChanged();
            }}
          />
        ))}
      </Stack>
      {notice && <StatusNote>{notice}</StatusNote>}
    </Stack>
  );
}

function Line({ line, onTold }: { line: RecipientNotice; onTold: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const [on, setOn] = useState(shownDate(toYmd(new Date())));
  const told = useMutation({
    mutationFn: (date: string) => recipientTold(line.id, date),
    onSuccess: onTold,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (told.isPending) return;
    told.reset();
    told.mutate(on.trim());
  };
  const name = line.processor_name;
  const dateError = isIpcError(told.error, "invalid_input")
    ? dateErrorText(t, told.error, t("recipients.dateInvalid"))
    : undefined;
  return (
    <li>
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {line.told_at ? (
            <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
          ) : (
            <IconCircleDashed size={18} color="var(--mantine-color-orange-7)" aria-hidden />
          )}
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <Text span fw={600}>
              {name}
            </Text>{" "}
            ({t(`recipients.action.${line.action}`)}) —{" "}
            {line.told_at ? t("recipients.toldAt", { date: formatDate(locale, line.told_at) }) : t("recipients.notYet")}
          </Text>
        </Group>
        {!line.told_at && (
          <form onSubmit={submit} noValidate>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <DateField
                label={t("recipients.toldOn")}
                aria-label={t("recipients.toldOnLabel", { name })}
                value={on}
                onChange={(v) => {
                  setOn(v);
                  told.reset();
                }}
                error={dateError}
                w={180}
              />
              <Button
                type="submit"
                size="sm"
                variant="default"
                leftSection={<IconCheck size={16} aria-hidden />}
                aria-label={t("recipients.recordLabel", { name })}
                loading={told.isPending}
              >
                {t("recipients.record")}
              </Button>
            </Group>
            {told.isError && !dateError && <ErrorAlert error={told.error} />}
          </form>
        )}
      </Stack>
    </li>
  );
}
