import { Stack, Tabs, Text } from "@mantine/core";

import { PageTitle } from "../../components/PageTitle";
import { useI18n } from "../../i18n";
import { DocumentsTab } from "./DocumentsTab";
import { FieldsTab } from "./FieldsTab";
import { ProcessorsTab } from "./ProcessorsTab";
import { PurposesTab } from "./PurposesTab";
import { RepermissionTab } from "./RepermissionTab";
import { TriageTab } from "./TriageTab";

export type RegisterTab = "purposes" | "processors" | "fields" | "triage" | "repermission" | "documents";

const TABS: readonly RegisterTab[] = ["purposes", "processors", "fields", "triage", "repermission", "documents"];

export function isRegisterTab(value: string | null): value is RegisterTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

type Props = {
  tab: RegisterTab;
  onTabChange: (tab: RegisterTab) => void;
  /** Opens a contact on its Privacy tab. */
  onOpenContact: (id: number) => void;
};

/** The processing register (Art. 30) and the lists of contacts that need attention. */
export function RegisterScreen({ tab, onTabChange, onOpenContact }: Props) {
  const { t } = useI18n();
  const labels: Record<RegisterTab, string> = {
    purposes: t("register.tabPurposes"),
    processors: t("register.tabProcessors"),
    fields: t("register.tabFields"),
    triage: t("register.tabTriage"),
    repermission: t("register.tabRepermission"),
    documents: t("register.tabDocuments"),
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("register.title")}</PageTitle>
        <Text c="dimmed">{t("register.intro")}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => isRegisterTab(value) && onTabChange(value)} keepMounted={false}>
        <Tabs.List aria-label={t("register.tabs")}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {labels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="purposes" pt="lg">
          <PurposesTab />
        </Tabs.Panel>
        <Tabs.Panel value="processors" pt="lg">
          <ProcessorsTab />
        </Tabs.Panel>
        <Tabs.Panel value="fields" pt="lg">
          <FieldsTab />
        </Tabs.Panel>
        <Tabs.Panel value="triage" pt="lg">
          <TriageTab onOpenContact={onOpenContact} />
        </Tabs.Panel>
        <Tabs.Panel value="repermission" pt="lg">
          <RepermissionTab onOpenContact={onOpenContact} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="lg">
          <DocumentsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
