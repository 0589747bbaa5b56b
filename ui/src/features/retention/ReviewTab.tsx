import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconArchive, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useMemo, useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { ReviewItem } from "../../bindings/ReviewItem";
import {
  BulkBar,
  BulkDeleteDialog,
  bulkOutcome,
  RowCheckbox,
  useSelection,
  type Selection,
} from "../../components/BulkActions";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable, DetailRow } from "../../components/DataTable";
import { DateField, dateErrorText } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormActions } from "../../components/FormActions";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDate, formatInstantDate } from "../../lib/format";
import { bulkReviewDelete, bulkReviewKeep, isIpcError, reviewDelete, reviewKeep } from "../../lib/ipc";
import type { ContactTab } from "../contacts/ContactDetailScreen";
import { categoryOf, reviewReasonLabel } from "./labels";
import { invalidateAfterDeletion, useRetentionRules, useReviewQueue } from "./queries";

const pad = (n: number) => String(n).padStart(2, "0");

/** A local calendar date as YYYY-MM-DD, `days` after `now`. */
export function ymdAfter(days: number, now: Date = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

type Props = { onOpenContact: (id: number, tab?: ContactTab) => void };

/** The review queue: keep with a reason until a date, or delete. */
export function ReviewTab({ onOpenContact }: Props) {
  const { t, locale, language } = useI18n();
  const queryClient = useQueryClient();
  const queue = useReviewQueue();
  const rules = useRetentionRules(language);
  const [keeping, setKeeping] = useState<number | null>(null);
  // The item the delete question is about; it stays set while the dialog closes.
  const [deleting, setDeleting] = useState<ReviewItem | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useMemo(() => (queue.data ?? []).map((item) => String(item.id)), [queue.data]);
  const selection = useSelection(keys);

  const remove = useMutation({
    mutationFn: (item: ReviewItem) => reviewDelete(item.id),
    onSuccess: async () => {
      setConfirmOpen(false);
      setNotice(t("review.deleted"));
      await invalidateAfterDeletion(queryClient);
    },
  });

  const restrictedError = deleting !== null && isIpcError(remove.error, "restricted");

  return (
    <TitledSection id="review-heading" title={t("review.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("review.intro")}</Text>
        <QueryState query={queue} empty={t("review.empty")}>
          {(items) => (
            <Stack gap="md">
            <BulkReview items={items} selection={selection} onNotice={setNotice} />
            <DataTable
              columns={[
                t("bulk.col.select"),
                t("review.col.name"),
                t("review.col.category"),
                t("review.col.reason"),
                t("review.col.queued"),
                t("review.col.kept"),
                t("review.col.actions"),
              ]}
            >
              {items.map((item) => (
                <Fragment key={item.id}>
                  <Table.Tr>
                    <Table.Td w={48}>
                      <RowCheckbox name={item.name} selection={selection} rowKey={String(item.id)} />
                    </Table.Td>
                    <Table.Td miw={140}>
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        ta="left"
                        style={{ overflowWrap: "anywhere" }}
                        onClick={() => onOpenContact(item.contact_id)}
                      >
                        {item.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td miw={160}>{categoryOf(rules.data, item.rule, item.category)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={item.reason === "restricted" ? "orange" : "gray"}
                        tt="none"
                        fw={600}
                        miw="max-content"
                      >
                        {reviewReasonLabel(t, item.reason)}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={120}>
                      <time dateTime={item.queued_at}>{formatInstantDate(locale, item.queued_at)}</time>
                    </Table.Td>
                    <Table.Td miw={140}>
                      {item.kept_until === null ? (
                        t("common.empty")
                      ) : (
                        <Stack gap={2}>
                          <time dateTime={item.kept_until}>{formatDate(locale, item.kept_until)}</time>
                          {item.keep_reason && (
                            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
                              {t("review.keepReasonText", { reason: item.keep_reason })}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconArchive size={14} aria-hidden />}
                          aria-label={t("review.keepLabel", { name: item.name })}
                          aria-expanded={keeping === item.id}
                          onClick={() => {
                            setNotice(null);
                            setKeeping(keeping === item.id ? null : item.id);
                          }}
                        >
                          {t("review.keep")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={t("review.deleteLabel", { name: item.name })}
                          onClick={() => {
                            setNotice(null);
                            remove.reset();
                            setDeleting(item);
                            setConfirmOpen(true);
                          }}
                        >
                          {t("review.delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {keeping === item.id && (
                    <DetailRow>
                      <KeepForm
                        item={item}
                        onKept={(until) => {
                          setKeeping(null);
                          setNotice(t("review.kept", { name: item.name, date: formatDate(locale, until) }));
                        }}
                        onCancel={() => setKeeping(null)}
                      />
                    </DetailRow>
                  )}
                </Fragment>
              ))}
            </DataTable>
            </Stack>
          )}
        </QueryState>
        {notice && <StatusNote>{notice}</StatusNote>}
      </Stack>
      <ConfirmDialog
        opened={confirmOpen && deleting !== null}
        title={t("review.deleteTitle", { name: deleting?.name ?? "" })}
        message={
          deleting === null
            ? ""
            : deleting.rule === "former-client-notes"
              ? t("review.deleteNotes", { name: deleting.name })
              : t("review.deleteContact", { name: deleting.name })
        }
        confirmLabel={t("review.deleteConfirm")}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
        }}
        onCancel={() => setConfirmOpen(false)}
        busy={remove.isPending}
        error={
          remove.isError ? (
            restrictedError ? (
              <ErrorAlert>{t("review.restricted", { name: deleting.name })}</ErrorAlert>
            ) : (
              <ErrorAlert error={remove.error} />
            )
          ) : undefined
        }
        extra={
          restrictedError ? (
            <Button
              variant="subtle"
              onClick={() => {
                setConfirmOpen(false);
                onOpenContact(deleting.contact_id, "privacy");
              }}
            >
              {t("review.openPrivacy", { name: deleting.name })}
            </Button>
          ) : undefined
        }
      />
    </TitledSection>
  );
}

type KeepProps = { item: ReviewItem; onKept: (until: string) => void; onCancel: () => void };
type KeepErrors = { reason?: string; until?: string };

function KeepForm({ item, onKept, onCancel }: KeepProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState(item.keep_reason ?? "");
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<KeepErrors>({});

  const keep = useMutation({
    mutationFn: (next: { reason: string; until: string }) => reviewKeep(item.id, next.reason, next.until),
    onSuccess: async (_result, next) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.retention });
      onKept(next.until);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "reason") setErrors({ reason: t("review.reasonRequired") });
      else if (error.field === "until") setErrors({ until: dateErrorText(t, error, t("review.untilInvalid")) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (keep.isPending) return;
    const next: KeepErrors = {};
    if (reason.trim() === "") next.reason = t("review.reasonRequired");
    // The date as typed (day-month-year): the core parses it and says whether it is ahead.
    if (until.trim() === "") next.until = t("review.untilInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    keep.reset();
    keep.mutate({ reason: reason.trim(), until });
  };

  const fieldError = isIpcError(keep.error, "invalid_input") && Object.keys(errors).length > 0;

  return (
    <form onSubmit={submit} noValidate aria-label={t("review.keepLabel", { name: item.name })}>
      <Stack gap="sm">
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t("review.reason")}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setErrors((e) => ({ ...e, reason: undefined }));
            }}
            error={errors.reason}
            autoComplete="off"
            maxLength={500}
            autoFocus
            miw={260}
            style={{ flex: 1 }}
          />
          <DateField
            label={t("review.until")}
            value={until}
            onChange={(text) => {
              setUntil(text);
              setErrors((e) => ({ ...e, until: undefined }));
            }}
            error={errors.until}
            w={220}
          />
        </Group>
        {keep.isError && !fieldError && <ErrorAlert error={keep.error} />}
        <FormActions submitLabel={t("review.keep")} busy={keep.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

type BulkProps = { items: ReviewItem[]; selection: Selection; onNotice: (text: string | null) => void };

/** Keep many with one reason until one date, or delete many: one transaction each. */
function BulkReview({ items, selection, onNotice }: BulkProps) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<KeepErrors>({});
  const [deleting, setDeleting] = useState(false);
  const ids = selection.selected.map(Number);
  const names = (contactId: number) => items.find((i) => i.contact_id === contactId)?.name ?? `#${contactId}`;

  const keep = useMutation({
    mutationFn: (next: { ids: number[]; reason: string; until: string }) =>
      bulkReviewKeep(next.ids, next.reason, next.until),
    onSuccess: async (report, next) => {
      onNotice(
        `${bulkOutcome(t, "bulk.kept", report, names)} ${t("bulk.keptUntil", { date: formatDate(locale, next.until) })}`,
      );
      selection.clear();
      setReason("");
      setUntil("");
      await queryClient.invalidateQueries({ queryKey: queryKeys.retention });
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "reason") setErrors({ reason: t("review.reasonRequired") });
      else if (error.field === "until") setErrors({ until: dateErrorText(t, error, t("review.untilInvalid")) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (keep.isPending) return;
    const next: KeepErrors = {};
    if (reason.trim() === "") next.reason = t("review.reasonRequired");
    // The date as typed (day-month-year): the core parses it and says whether it is ahead.
    if (until.trim() === "") next.until = t("review.untilInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onNotice(null);
    keep.reset();
    keep.mutate({ ids, reason: reason.trim(), until });
  };

  const fieldError = isIpcError(keep.error, "invalid_input") && Object.keys(errors).length > 0;

  return (
    <BulkBar total={items.length} selection={selection} busyCount={keep.isPending ? ids.length : null}>
      <form onSubmit={submit} noValidate aria-label={t("bulk.keepForm")}>
        <Stack gap="sm">
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t("review.reason")}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setErrors((e) => ({ ...e, reason: undefined }));
              }}
              error={errors.reason}
              autoComplete="off"
              maxLength={500}
              miw={240}
              style={{ flex: 1 }}
            />
            <DateField
              label={t("review.until")}
              value={until}
              onChange={(text) => {
                setUntil(text);
                setErrors((e) => ({ ...e, until: undefined }));
              }}
              error={errors.until}
              w={220}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" leftSection={<IconArchive size={16} aria-hidden />} loading={keep.isPending}>
              {t("bulk.keep", { n: ids.length })}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => {
                onNotice(null);
                setDeleting(true);
              }}
            >
              {t("bulk.delete", { n: ids.length })}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t("bulk.reviewRestrictedNote")}
          </Text>
          {keep.isError && !fieldError && <ErrorAlert error={keep.error} />}
        </Stack>
      </form>
      <BulkDeleteDialog
        opened={deleting}
        count={ids.length}
        message={t("bulk.deleteReviewed", { n: ids.length })}
        run={(confirm) => bulkReviewDelete(ids, confirm)}
        onCancel={() => setDeleting(false)}
        onDone={(report) => {
          setDeleting(false);
          onNotice(bulkOutcome(t, "bulk.deleted", report, names));
          selection.clear();
          void invalidateAfterDeletion(queryClient);
        }}
      />
    </BulkBar>
  );
}
