import { Button, Group, NumberInput, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMailForward, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { ContactFlag } from "../../bindings/ContactFlag";
import type { LinkRef } from "../../bindings/LinkRef";
import { BulkBar, BulkDeleteDialog, bulkOutcome, useSelection } from "../../components/BulkActions";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { bulkDeleteContacts, bulkMarkRepermission } from "../../lib/ipc";
import { invalidateAfterDeletion } from "../retention/queries";

import { QueryState } from "../../components/QueryState";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { FlagTable } from "./FlagTable";
import { invalidatePrivacyData, useRepermission } from "./queries";

const keyOf = (flag: ContactFlag) => `${flag.contact_id}:${flag.purpose_id ?? ""}`;

export const DEFAULT_REPERMISSION_MONTHS = 24;
const MIN_MONTHS = 1;
const MAX_MONTHS = 600;

function validMonths(value: number | string): number | null {
  if (String(value).trim() === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n >= MIN_MONTHS && n <= MAX_MONTHS ? n : null;
}

/** Consent purposes whose consent is missing, withdrawn or older than a number of months. */
export function RepermissionTab({ onOpenContact }: { onOpenContact: (id: number) => void }) {
  const { t } = useI18n();
  const [months, setMonths] = useState<number | string>(DEFAULT_REPERMISSION_MONTHS);
  const [debounced] = useDebouncedValue(months, 300);
  const valid = validMonths(debounced);
  const list = useRepermission(valid);
  const invalidNow = validMonths(months) === null;

  return (
    <TitledSection id="repermission-heading" title={t("repermission.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("repermission.intro")}</Text>
        <NumberInput
          label={t("repermission.months")}
          value={months}
          onChange={setMonths}
          min={MIN_MONTHS}
          max={MAX_MONTHS}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          error={invalidNow ? t("repermission.monthsInvalid") : undefined}
          maw={240}
        />
        {/* Nothing is asked while the number is invalid (the query is disabled then). */}
        {valid !== null && (
          <QueryState query={list} empty={t("repermission.empty")}>
            {(flags) => (
              <RepermissionList flags={flags} onOpenContact={onOpenContact} />
            )}
          </QueryState>
        )}
      </Stack>
    </TitledSection>
  );
}

function RepermissionList({ flags, onOpenContact }: { flags: ContactFlag[]; onOpenContact: (id: number) => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const keys = useMemo(() => [...new Set(flags.map(keyOf))], [flags]);
  const selection = useSelection(keys);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const chosen = flags.filter((flag) => selection.has(keyOf(flag)));
  const contactIds = [...new Set(chosen.map((flag) => flag.contact_id))];
  const names = (id: number) => flags.find((f) => f.contact_id === id)?.name ?? `#${id}`;

  const mark = useMutation({
    mutationFn: (links: LinkRef[]) => bulkMarkRepermission(links),
    onSuccess: async (report) => {
      setNotice(bulkOutcome(t, "bulk.marked", report, names));
      selection.clear();
      await invalidatePrivacyData(queryClient);
    },
  });

  return (
    <Stack gap="md">
      <BulkBar total={keys.length} selection={selection} busyCount={mark.isPending ? chosen.length : null}>
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <Button
              leftSection={<IconMailForward size={16} aria-hidden />}
              loading={mark.isPending}
              onClick={() => {
                setNotice(null);
                mark.mutate(
                  chosen.flatMap((flag) =>
                    flag.purpose_id === null ? [] : [{ contact_id: flag.contact_id, purpose_id: flag.purpose_id }],
                  ),
                );
              }}
            >
              {t("bulk.mark", { n: chosen.length })}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => {
                setNotice(null);
                setDeleting(true);
              }}
            >
              {t("bulk.delete", { n: contactIds.length })}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t("bulk.markHint")}
          </Text>
          {mark.isError && <ErrorAlert error={mark.error} />}
        </Stack>
      </BulkBar>
      {notice && <StatusNote>{notice}</StatusNote>}
      <FlagTable
        nameHeader={t("repermission.col.name")}
        flags={flags}
        onOpenContact={onOpenContact}
        selection={selection}
        rowKey={keyOf}
        columns={[
          { header: t("repermission.col.purpose"), cell: (flag) => flag.purpose ?? t("common.empty") },
          {
            header: t("repermission.col.consent"),
            cell: (flag) =>
              flag.since !== null
                ? t("repermission.since", { date: formatInstantDate(locale, flag.since) })
                : t("repermission.none"),
          },
          {
            header: t("bulk.col.marked"),
            cell: (flag) =>
              flag.marked_at !== null ? (
                <time dateTime={flag.marked_at}>{formatInstantDate(locale, flag.marked_at)}</time>
              ) : (
                t("common.empty")
              ),
          },
        ]}
      />
      <BulkDeleteDialog
        opened={deleting}
        count={contactIds.length}
        message={t("bulk.deleteContacts", { n: contactIds.length })}
        run={(confirm) => bulkDeleteContacts("repermission", contactIds, confirm)}
        onCancel={() => setDeleting(false)}
        onDone={(report) => {
          setDeleting(false);
          setNotice(bulkOutcome(t, "bulk.deleted", report, names));
          selection.clear();
          void invalidateAfterDeletion(queryClient);
        }}
      />
    </Stack>
  );
}
