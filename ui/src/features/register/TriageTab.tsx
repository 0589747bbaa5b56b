import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { IconLink, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { BulkReport } from "../../bindings/BulkReport";
import type { ContactFlag } from "../../bindings/ContactFlag";
import { BulkBar, BulkDeleteDialog, bulkOutcome, useSelection } from "../../components/BulkActions";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { bulkDeleteContacts, bulkLink, isIpcError } from "../../lib/ipc";
import { invalidateAfterDeletion } from "../retention/queries";
import { FlagTable } from "./FlagTable";
import { basisLabel } from "./labels";
import { invalidatePrivacyData, usePurposes, useTriage } from "./queries";

const keyOf = (flag: ContactFlag) => String(flag.contact_id);

/** Contacts without a purpose, or with a purpose whose basis is still unknown. */
export function TriageTab({ onOpenContact }: { onOpenContact: (id: number) => void }) {
  const { t } = useI18n();
  const triage = useTriage();
  return (
    <TitledSection id="triage-heading" title={t("triage.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("triage.intro")}</Text>
        <QueryState query={triage} empty={t("triage.empty")}>
          {(flags) => <TriageList flags={flags} onOpenContact={onOpenContact} />}
        </QueryState>
      </Stack>
    </TitledSection>
  );
}

function TriageList({ flags, onOpenContact }: { flags: ContactFlag[]; onOpenContact: (id: number) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const purposes = usePurposes();
  const keys = useMemo(() => [...new Set(flags.map(keyOf))], [flags]);
  const selection = useSelection(keys);
  const [purposeId, setPurposeId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const names = (id: number) => flags.find((f) => f.contact_id === id)?.name ?? `#${id}`;
  const ids = selection.selected.map(Number);

  const link = useMutation({
    mutationFn: (next: { ids: number[]; purposeId: number }) => bulkLink(next.ids, next.purposeId),
    onSuccess: async (report) => {
      const name = purposes.data?.find((p) => String(p.id) === purposeId)?.name ?? "";
      setNotice(bulkOutcome(t, "bulk.linked", report, names) + (name ? ` (${name})` : ""));
      selection.clear();
      await invalidatePrivacyData(queryClient);
    },
  });

  const consentRefused = isIpcError(link.error, "invalid_input") && link.error.field === "purpose";
  const purposeOptions = (purposes.data ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.name} (${basisLabel(t, p.basis)})`,
  }));

  return (
    <Stack gap="md">
      <BulkBar total={keys.length} selection={selection} busyCount={link.isPending ? ids.length : null}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              label={t("bulk.linkPurpose")}
              aria-label={t("bulk.linkPurpose")}
              description={t("bulk.linkHint")}
              data={[{ value: "", label: t("bulk.choosePurpose") }, ...purposeOptions]}
              value={purposeId ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPurposeId(value === "" ? null : value);
                link.reset();
              }}
              miw={280}
              maw={480}
            />
            <Button
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={purposeId === null || link.isPending}
              loading={link.isPending}
              onClick={() => {
                setNotice(null);
                if (purposeId !== null) link.mutate({ ids, purposeId: Number(purposeId) });
              }}
            >
              {t("bulk.link", { n: ids.length })}
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
              {t("bulk.delete", { n: ids.length })}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t("bulk.restrictedNote")}
          </Text>
          {link.isError &&
            (consentRefused ? <ErrorAlert>{t("bulk.consentRefused")}</ErrorAlert> : <ErrorAlert error={link.error} />)}
        </Stack>
      </BulkBar>
      {notice && <StatusNote>{notice}</StatusNote>}
      <FlagTable
        nameHeader={t("triage.col.name")}
        flags={flags}
        onOpenContact={onOpenContact}
        selection={selection}
        rowKey={keyOf}
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
      <BulkDeleteDialog
        opened={deleting}
        count={ids.length}
        message={t("bulk.deleteContacts", { n: ids.length })}
        run={(confirm) => bulkDeleteContacts("triage", ids, confirm)}
        onCancel={() => setDeleting(false)}
        onDone={(report: BulkReport) => {
          setDeleting(false);
          setNotice(bulkOutcome(t, "bulk.deleted", report, names));
          selection.clear();
          void invalidateAfterDeletion(queryClient);
        }}
      />
    </Stack>
  );
}
