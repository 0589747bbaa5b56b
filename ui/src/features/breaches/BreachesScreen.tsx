import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconDeviceLaptopOff, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadingNote, QueryState } from "../../components/QueryState";
import { PageTitle } from "../../components/PageTitle";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { lostDeviceDraft } from "../../lib/ipc";
import { clockColor, clockText } from "./labels";
import { NewBreachForm } from "./NewBreachForm";
import { useBreaches } from "./queries";

type Props = { onOpen: (id: number) => void };

type Mode = "list" | "new" | "lost-device";

/** The breach register: every breach with its 72-hour clock, a new breach, the lost-device helper. */
export function BreachesScreen({ onOpen }: Props) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<Mode>("list");
  const breaches = useBreaches();

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("breaches.title")}</PageTitle>
        <Text c="dimmed">{t("breaches.intro")}</Text>
      </Stack>
      <Group>
        <Button leftSection={<IconPlus size={18} aria-hidden />} variant={mode === "new" ? "light" : "default"} onClick={() => setMode("new")}>
          {t("breaches.new.open")}
        </Button>
        <Button
          leftSection={<IconDeviceLaptopOff size={18} aria-hidden />}
          variant={mode === "lost-device" ? "light" : "default"}
          onClick={() => setMode("lost-device")}
        >
          {t("breaches.lostDevice.open")}
        </Button>
      </Group>
      {mode === "new" && (
        <TitledSection id="new-breach-heading" title={t("breaches.new.heading")}>
          <NewBreachForm onSaved={onOpen} onCancel={() => setMode("list")} />
        </TitledSection>
      )}
      {mode === "lost-device" && (
        <TitledSection id="lost-device-heading" title={t("breaches.lostDevice.heading")}>
          <LostDeviceForm onSaved={onOpen} onCancel={() => setMode("list")} />
        </TitledSection>
      )}
      <TitledSection id="breaches-heading" title={t("breaches.listHeading")}>
        <QueryState query={breaches} empty={t("breaches.empty")}>
          {(list) => (
            <DataTable
              aria-labelledby="breaches-heading"
              columns={[
                t("breaches.col.reference"),
                t("breaches.col.aware"),
                t("breaches.col.status"),
                t("breaches.col.clock"),
              ]}
            >
              {list.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" fw={600} onClick={() => onOpen(b.id)}>
                      {b.reference}
                    </Anchor>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {b.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={b.aware_at}>{formatDateTime(locale, b.aware_at)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.status === "open" ? "blue" : "gray"} tt="none" fw={600}>
                      {t(`breaches.status.${b.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={clockColor(b.deadline)} tt="none" fw={600} miw="max-content">
                      {clockText(t, b.deadline)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </TitledSection>
    </Stack>
  );
}

/** The lost-device helper: the core's draft, shown as the new-breach form to check. */
function LostDeviceForm({ onSaved, onCancel }: { onSaved: (id: number) => void; onCancel: () => void }) {
  const { language } = useI18n();
  const draft = useQuery({
    queryKey: queryKeys.lostDeviceDraft(language),
    queryFn: () => lostDeviceDraft(language),
    staleTime: 0,
    gcTime: 0,
  });
  if (draft.isPending) return <LoadingNote />;
  if (draft.isError) return <ErrorAlert error={draft.error} />;
  return <NewBreachForm draft={draft.data} onSaved={onSaved} onCancel={onCancel} />;
}
