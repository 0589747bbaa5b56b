import { Stack, Text } from "@mantine/core";

import { QueryState } from "../../components/QueryState";
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
        <QueryState query={triage} empty={t("triage.empty")}>
          {(flags) => (
            <FlagTable
              nameHeader={t("triage.col.name")}
              flags={flags}
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
        </QueryState>
      </Stack>
    </TitledSection>
  );
}
