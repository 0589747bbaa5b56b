import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { Action } from "../../bindings/Action";
import type { PurgeItem } from "../../bindings/PurgeItem";
import type { PurgeReport } from "../../bindings/PurgeReport";
import type { RuleKey } from "../../bindings/RuleKey";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { purgeNow } from "../../lib/ipc";
import type { ContactTab } from "../contacts/ContactDetailScreen";
import { ACTION_COLORS, ACTIONS, actionLabel, categoryOf } from "./labels";
import { PurgeResult } from "./PurgeResult";
import { invalidateAfterDeletion, usePurgePlan, useRetentionRules } from "./queries";

/** Contacts shown per list before "show all". */
export const CONTACTS_SHOWN = 60;

type Part = { action: Action; rows: number; contacts: number[] };
type PlanGroup = { rule: RuleKey; category: string; parts: Part[] };

/** The plan by rule (in the plan's order), and within a rule by action. */
export function groupPlan(items: PurgeItem[]): PlanGroup[] {
  const groups: PlanGroup[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.rule === item.rule);
    if (!group) {
      group = { rule: item.rule, category: item.category, parts: [] };
      groups.push(group);
    }
    let part = group.parts.find((p) => p.action === item.action);
    if (!part) {
      part = { action: item.action, rows: 0, contacts: [] };
      group.parts.push(part);
    }
    part.rows += item.rows;
    if (item.contact_id !== null && !part.contacts.includes(item.contact_id)) part.contacts.push(item.contact_id);
  }
  for (const group of groups) group.parts.sort((a, b) => ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action));
  return groups;
}

type Props = {
  onOpenContact: (id: number, tab?: ContactTab) => void;
  onOpenLog: () => void;
};

/** The dry run: what the rules make due now, and the clean-up on request. */
export function DryRunTab({ onOpenContact, onOpenLog }: Props) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const plan = usePurgePlan();
  const rules = useRetentionRules(language);
  // "ask": the first question; "mass": the purge stopped before a mass deletion, ask again.
  const [asking, setAsking] = useState<null | "ask" | "mass">(null);
  const [stopped, setStopped] = useState<PurgeReport | null>(null);
  const [result, setResult] = useState<PurgeReport | null>(null);

  const purge = useMutation({
    mutationFn: (confirm: boolean) => purgeNow(confirm),
    onSuccess: async (report) => {
      if (report.stopped === "confirm") {
        setStopped(report);
        setAsking("mass");
        return;
      }
      setAsking(null);
      setResult(report);
      await invalidateAfterDeletion(queryClient);
    },
  });

  return (
    <TitledSection id="plan-heading" title={t("plan.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("plan.intro")}</Text>
        {result && <PurgeResult report={result} showNothing onOpenLog={onOpenLog} onClose={() => setResult(null)} />}
        <QueryState query={plan}>
          {(items) => {
            const groups = groupPlan(items);
            return (
              <>
                {groups.length === 0 && (
                  <Text role="status" fw={500}>
                    {t("plan.empty")}
                  </Text>
                )}
                {groups.map((group) => (
                  <Paper key={group.rule} withBorder p="md" component="section" aria-labelledby={`plan-${group.rule}`}>
                    <Title order={3} size="h5" id={`plan-${group.rule}`} mb="xs">
                      {categoryOf(rules.data, group.rule, group.category)}
                    </Title>
                    <Stack gap="sm">
                      {group.parts.map((part) => (
                        <PlanPart key={part.action} part={part} onOpenContact={onOpenContact} />
                      ))}
                    </Stack>
                  </Paper>
                ))}
                <Group>
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconTrash size={18} aria-hidden />}
                    onClick={() => {
                      purge.reset();
                      setResult(null);
                      setAsking("ask");
                    }}
                    disabled={groups.length === 0}
                  >
                    {t("plan.purge")}
                  </Button>
                </Group>
              </>
            );
          }}
        </QueryState>
      </Stack>
      <ConfirmDialog
        opened={asking === "ask"}
        title={t("plan.confirmTitle")}
        message={t("plan.confirmText")}
        confirmLabel={t("plan.confirm")}
        onConfirm={() => purge.mutate(false)}
        onCancel={() => setAsking(null)}
        busy={purge.isPending}
        error={purge.isError ? <ErrorAlert error={purge.error} /> : undefined}
      />
      <ConfirmDialog
        opened={asking === "mass"}
        title={t("purge.confirmTitle")}
        message={t("purge.confirmText", { due: stopped?.contacts_due ?? 0, total: stopped?.contacts_total ?? 0 })}
        confirmLabel={t("purge.confirmAnyway")}
        onConfirm={() => purge.mutate(true)}
        onCancel={() => setAsking(null)}
        busy={purge.isPending}
        error={purge.isError ? <ErrorAlert error={purge.error} /> : undefined}
      />
    </TitledSection>
  );
}

function PlanPart({ part, onOpenContact }: { part: Part; onOpenContact: (id: number) => void }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? part.contacts : part.contacts.slice(0, CONTACTS_SHOWN);
  const action = actionLabel(t, part.action);
  return (
    <Stack gap={6}>
      <Group gap="sm">
        <Badge variant="light" color={ACTION_COLORS[part.action]} tt="none" fw={600} miw="max-content">
          {action}
        </Badge>
        <Text size="sm">{part.rows === 1 ? t("plan.countOne") : t("plan.count", { n: part.rows })}</Text>
      </Group>
      {shown.length > 0 && (
        <Group gap="xs" component="ul" aria-label={t("plan.contactsOf", { action })} m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map((id) => (
            <li key={id}>
              <Button size="compact-sm" variant="default" onClick={() => onOpenContact(id)}>
                {t("plan.contactLabel", { id })}
              </Button>
            </li>
          ))}
          {!all && part.contacts.length > shown.length && (
            <li>
              <Anchor component="button" type="button" size="sm" onClick={() => setAll(true)}>
                {t("plan.showAll", { n: part.contacts.length })}
              </Anchor>
            </li>
          )}
        </Group>
      )}
    </Stack>
  );
}
