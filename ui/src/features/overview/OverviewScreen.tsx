import { Button, Group, List, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import type { ReactNode } from "react";

import type { OpenBreach } from "../../bindings/OpenBreach";
import type { Overview } from "../../bindings/Overview";
import type { Target } from "../../bindings/Target";
import { PageTitle } from "../../components/PageTitle";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n, type MessageKey, type Translate } from "../../i18n";
import { formatDate, formatDateTime } from "../../lib/format";
import { requestKindLabel } from "../requests/labels";
import { useOverview } from "./queries";

type Props = {
  /** What opens the place a line is fixed; undefined for a target the app cannot open (yet). */
  linkTo: (target: Target) => (() => void) | undefined;
};

/** "1 …" or "{n} …" from a key pair `<key>One` / `<key>`. */
function counted(t: Translate, key: MessageKey, n: number): string {
  return n === 1 ? t(`${key}One` as MessageKey) : t(key, { n });
}

/** One line: what needs attention (or how things stand) and the button to where it is fixed. */
function Line({ children, go, label }: { children: ReactNode; go: (() => void) | undefined; label: string }) {
  return (
    <List.Item>
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Stack gap={2}>{children}</Stack>
        {go !== undefined && (
          <Button
            size="compact-md"
            variant="default"
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={go}
            style={{ flexShrink: 0 }}
          >
            {label}
          </Button>
        )}
      </Group>
    </List.Item>
  );
}

function breachText(t: Translate, locale: string, b: OpenBreach): string {
  const vars = { ref: b.reference, h: b.hours, m: b.minutes, by: formatDateTime(locale, b.notify_by) };
  if (!b.running) return t("overview.breachDecided", vars);
  return b.overdue ? t("overview.breachOverdue", vars) : t("overview.breachLeft", vars);
}

/** The lines that need attention, in the order of urgency the core gave. */
function AttentionLines({ data, linkTo }: { data: Overview } & Props) {
  const { t, locale } = useI18n();
  const c = data.counts;
  const firstRequest = data.requests[0];
  const firstProcessor = data.processors[0];
  return (
    <List listStyleType="none" spacing="md" aria-label={t("overview.attention")}>
      {firstRequest !== undefined && (
        <Line go={linkTo(firstRequest.target)} label={t("overview.toRequests")}>
          {c.requests_overdue > 0 && (
            <Text fw={600}>{counted(t, "overview.requestsOverdue", c.requests_overdue)}</Text>
          )}
          {c.requests_due > 0 && <Text fw={600}>{counted(t, "overview.requestsDue", c.requests_due)}</Text>}
          {data.requests.map((r) => {
            const vars = { kind: requestKindLabel(t, r.kind), due: formatDate(locale, r.due), n: Math.abs(r.days_left) };
            const key: MessageKey = r.overdue
              ? "overview.requestLate"
              : r.days_left === 0
                ? "overview.requestToday"
                : r.days_left === 1
                  ? "overview.requestLeftOne"
                  : "overview.requestLeft";
            return (
              <Text key={r.id} size="sm" c="dimmed">
                {t(key, vars)}
              </Text>
            );
          })}
        </Line>
      )}
      {data.breaches.map((b) => (
        <Line key={b.id} go={linkTo(b.target)} label={t("overview.toBreach", { ref: b.reference })}>
          <Text fw={600} c={b.overdue ? "red.8" : undefined}>
            {breachText(t, locale, b)}
          </Text>
        </Line>
      ))}
      {data.contacts_without_basis.count > 0 && (
        <Line go={linkTo(data.contacts_without_basis.target)} label={t("overview.toTriage")}>
          <Text fw={600}>{counted(t, "overview.withoutBasis", data.contacts_without_basis.count)}</Text>
        </Line>
      )}
      {data.repermission_due.count > 0 && (
        <Line go={linkTo(data.repermission_due.target)} label={t("overview.toRepermission")}>
          <Text fw={600}>{counted(t, "overview.repermission", data.repermission_due.count)}</Text>
        </Line>
      )}
      {data.review_queue.count > 0 && (
        <Line go={linkTo(data.review_queue.target)} label={t("overview.toReview")}>
          <Text fw={600}>{counted(t, "overview.review", data.review_queue.count)}</Text>
        </Line>
      )}
      {firstProcessor !== undefined && (
        <Line go={linkTo(firstProcessor.target)} label={t("overview.toProcessors")}>
          {data.processors.map((p) => (
            <Text key={p.id} fw={600}>
              {p.no_agreement && p.review_overdue
                ? t("overview.processorBoth", { name: p.name })
                : p.no_agreement
                  ? t("overview.processorNoAgreement", { name: p.name })
                  : t("overview.processorReview", { name: p.name })}
            </Text>
          ))}
        </Line>
      )}
      {data.backup.overdue && (
        <Line go={linkTo(data.backup_target)} label={t("overview.toBackups")}>
          <Text fw={600}>{data.backup.warning === "none-yet" ? t("backup.never") : t("backup.overdue")}</Text>
        </Line>
      )}
      {c.audit_check_failed && (
        <Line go={linkTo(data.audit_target)} label={t("overview.toCheck")}>
          <Text fw={600}>{t("overview.auditFailed")}</Text>
        </Line>
      )}
      {data.purge !== null && data.purge.report.stopped !== null && (
        <Line go={linkTo(data.purge_target)} label={t("overview.toPurgePlan")}>
          <Text fw={600}>
            {data.purge.report.stopped === "confirm"
              ? t("overview.purgePaused", { due: data.purge.report.contacts_due, total: data.purge.report.contacts_total })
              : t("overview.purgeClock")}
          </Text>
        </Line>
      )}
    </List>
  );
}

/** How things stand: the last backup, the last audit-trail check, the last purge. */
function StateLines({ data, linkTo }: { data: Overview } & Props) {
  const { t, locale } = useI18n();
  const when = (iso: string) => formatDateTime(locale, iso);
  const backup = data.backup.last_backup_at;
  const check = data.audit_check;
  const purge = data.purge;
  const lastPurgeAt = data.counts.last_purge_at;
  return (
    <List listStyleType="none" spacing="md" aria-label={t("overview.state")}>
      <Line go={linkTo(data.backup_target)} label={t("overview.toBackupSettings")}>
        <Text>
          {backup !== null
            ? t("overview.lastBackup", { when: when(backup) })
            : data.backup.settings.dir !== null
              ? t("overview.noBackupYet")
              : t("overview.backupsOff")}
        </Text>
      </Line>
      <Line go={linkTo(data.audit_target)} label={t("overview.toCheckVault")}>
        <Text>
          {check === null
            ? t("overview.neverChecked")
            : check.ok
              ? t("overview.lastCheckOk", { when: when(check.at) })
              : t("overview.lastCheckFailed", { when: when(check.at) })}
        </Text>
      </Line>
      <Line go={linkTo(data.deletion_log_target)} label={t("overview.toDeletionLog")}>
        <Text>
          {purge !== null && purge.report.ran
            ? purge.removed === 0
              ? t("overview.purgeNothing", { when: when(purge.at) })
              : t("overview.purgeRemoved", { when: when(purge.at), n: purge.removed })
            : lastPurgeAt !== null
              ? t("overview.purgeAt", { when: when(lastPurgeAt) })
              : t("overview.purgeNever")}
        </Text>
      </Line>
    </List>
  );
}

/** The first screen after unlock: what needs attention, each line a button to where it is fixed. */
export function OverviewScreen({ linkTo }: Props) {
  const { t } = useI18n();
  const overview = useOverview();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("overview.title")}</PageTitle>
        <Text c="dimmed">{t("overview.intro")}</Text>
      </Stack>
      <QueryState query={overview}>
        {(data) => (
          <Stack gap="lg">
            {data.counts.all_in_order ? (
              <StatusNote tone="success" title={t("overview.allInOrder")}>
                {t("overview.allInOrderText")}
              </StatusNote>
            ) : (
              <TitledSection id="overview-attention" title={t("overview.attention")}>
                <AttentionLines data={data} linkTo={linkTo} />
              </TitledSection>
            )}
            <TitledSection id="overview-state" title={t("overview.state")}>
              <StateLines data={data} linkTo={linkTo} />
            </TitledSection>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
