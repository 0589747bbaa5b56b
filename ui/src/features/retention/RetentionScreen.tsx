import { Stack, Tabs, Text } from "@mantine/core";

import { PageTitle } from "../../components/PageTitle";
import { useI18n } from "../../i18n";
import type { ContactTab } from "../contacts/ContactDetailScreen";
import { DeletionLogTab } from "./DeletionLogTab";
import { DryRunTab } from "./DryRunTab";
import { PolicyTab } from "./PolicyTab";
import { ReviewTab } from "./ReviewTab";
import { RulesTab } from "./RulesTab";

export type RetentionTab = "rules" | "plan" | "review" | "log" | "policy";

const TABS: readonly RetentionTab[] = ["rules", "plan", "review", "log", "policy"];

export function isRetentionTab(value: string | null): value is RetentionTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

type Props = {
  tab: RetentionTab;
  onTabChange: (tab: RetentionTab) => void;
  onOpenContact: (id: number, tab?: ContactTab) => void;
};

/** Retention: the rules, a dry run, the review queue, the deletion log and the written policy. */
export function RetentionScreen({ tab, onTabChange, onOpenContact }: Props) {
  const { t } = useI18n();
  const labels: Record<RetentionTab, string> = {
    rules: t("retention.tabRules"),
    plan: t("retention.tabPlan"),
    review: t("retention.tabReview"),
    log: t("retention.tabLog"),
    policy: t("retention.tabPolicy"),
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("retention.title")}</PageTitle>
        <Text c="dimmed">{t("retention.intro")}</Text>
      </Stack>
      <Tabs value={tab} onChange={(value) => isRetentionTab(value) && onTabChange(value)} keepMounted={false}>
        <Tabs.List aria-label={t("retention.tabs")}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {labels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="rules" pt="lg">
          <RulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="lg">
          <DryRunTab onOpenContact={onOpenContact} onOpenLog={() => onTabChange("log")} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="lg">
          <ReviewTab onOpenContact={onOpenContact} />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="lg">
          <DeletionLogTab />
        </Tabs.Panel>
        <Tabs.Panel value="policy" pt="lg">
          <PolicyTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
