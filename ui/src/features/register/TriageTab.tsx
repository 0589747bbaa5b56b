import { Center, Loader, Stack, Text } from "@mantine/core";

import { ErrorAlert } from "../../components/ErrorAlert";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { FlagTable } from "./FlagTable";
import { useTriage } from "./queries";

/** Contacts without a purpose, or with a purpose whose basis is still unknown. */
export function TriageTab({ onOpenContact }: { onOpenContact: (id: number) => void }) {
  const { t } = useI18n();
  const triage = useTriage();
  return (
    <TitledSection id="triage-heading" title={t("triage.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("triage.intro")}</Text>
        {triage.isPending && (
          <Center role="status" py="md">
            <Loader size="sm" aria-label={t("app.loading")} />
          </Center>
        )}
        {triage.isError && <ErrorAlert error={triage.error} />}
        {triage.data && triage.data.length === 0 && <Text role="status">{t("triage.empty")}</Text>}
        {triage.data && triage.data.length > 0 && (
          <FlagTable
            nameHeader={t("triage.col.name")}
            flags={triage.data}
            onOpenContact={onOpenContact}
            columns={[
              {
                header: t("triage.col.purpose"),
                cell: (flag) =>
                  flag.purpose ?? (
                    <Text span c="dimmed" size="sm">
                      {t("triage.noPurpose")}
                    </Text>
                  ),
              },
            ]}
          />
        )}
      </Stack>
    </TitledSection>
  );
}
