import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconArrowLeft, IconFileTypePdf } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";

import type { Breach } from "../../bindings/Breach";
import type { BreachEdit } from "../../bindings/BreachEdit";
import type { Exception } from "../../bindings/Exception";
import type { Language } from "../../bindings/Language";
import type { Nature } from "../../bindings/Nature";
import type { Risk } from "../../bindings/Risk";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import {
  breachFollowUp,
  closeBreach,
  decideBreachNoNotify,
  editBreach,
  informBreach,
  linkBreachContact,
  notifyBreach,
  saveBreachReport,
  unlinkBreachContact,
} from "../../lib/ipc";
import { ContactPicker, type PickedContact } from "../requests/ContactPicker";
import { useContactNames } from "../requests/queries";
import { categoriesOf, CountField, MomentField, NatureChoice, RiskSelect, shownMoment } from "./fields";
import { clockColor, clockText, decisionText, EXCEPTIONS, exceptionLabel } from "./labels";
import { invalidateBreaches, useBreach } from "./queries";

type Props = { id: number; onBack: () => void };

/** One breach: every field of the register, the AP decision, the people, follow-ups, contacts. */
export function BreachDetailScreen({ id, onBack }: Props) {
  const { t } = useI18n();
  const breach = useBreach(id);
  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack}>
          {t("breaches.back")}
        </Button>
      </Group>
      <QueryState query={breach}>{(b) => <BreachDetail breach={b} />}</QueryState>
    </Stack>
  );
}

/** A mutation over one breach that refreshes the register afterwards. */
function useBreachAction<A>(fn: (arg: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateBreaches(queryClient) });
}

function BreachDetail({ breach: b }: { breach: Breach }) {
  const { t, locale } = useI18n();
  const at = (iso: string | null) => (iso === null ? t("common.empty") : formatDateTime(locale, iso));
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle focusOnMount>{t("breaches.detail.title", { reference: b.reference })}</PageTitle>
        <Group gap="sm">
          <Badge variant="light" color={b.status === "open" ? "blue" : "gray"} tt="none" fw={600}>
            {t(`breaches.status.${b.status}`)}
          </Badge>
          <Badge variant="light" color={clockColor(b.deadline)} tt="none" fw={600} aria-label={t("breaches.col.clock")}>
            {clockText(t, b.deadline)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t("breaches.detail.notifyBy", { at: at(b.deadline.notify_by) })}
          </Text>
        </Group>
        <Text size="sm">{t("breaches.detail.aware", { at: at(b.aware_at) })}</Text>
      </Stack>
      <ReportButton breach={b} />
      <TitledSection id="breach-facts-heading" title={t("breaches.detail.facts")}>
        <FactsForm breach={b} />
      </TitledSection>
      <TitledSection id="breach-ap-heading" title={t("breaches.detail.ap")}>
        <ApDecision breach={b} />
      </TitledSection>
      <TitledSection id="breach-people-heading" title={t("breaches.detail.people")}>
        <PeopleDecision breach={b} />
      </TitledSection>
      <TitledSection id="breach-followups-heading" title={t("breaches.detail.followUps")}>
        <FollowUps breach={b} />
      </TitledSection>
      <TitledSection id="breach-contacts-heading" title={t("breaches.detail.contacts")}>
        <LinkedContacts breach={b} />
      </TitledSection>
      <CloseBreach breach={b} />
    </Stack>
  );
}

function ReportButton({ breach }: { breach: Breach }) {
  const { t, language } = useI18n();
  const [lang, setLang] = useState<Language>(language);
  const save = useMutation({ mutationFn: () => saveBreachReport(breach.id, lang) });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <NativeSelect
          label={t("breaches.report.language")}
          value={lang}
          onChange={(event) => setLang(event.currentTarget.value as Language)}
          data={[
            { value: "nl", label: t("breaches.report.nl") },
            { value: "en", label: t("breaches.report.en") },
          ]}
        />
        <Button leftSection={<IconFileTypePdf size={18} aria-hidden />} loading={save.isPending} onClick={() => save.mutate()}>
          {t("breaches.report.save")}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && save.data !== null && <StatusNote>{t("breaches.report.saved", { file: save.data })}</StatusNote>}
    </Stack>
  );
}

const nullIfSame = <T,>(next: T, current: T): T | null =>
  JSON.stringify(next) === JSON.stringify(current) ? null : next;

/** Every field of the register; only what changed is sent (so the audit trail names it). */
function FactsForm({ breach: b }: { breach: Breach }) {
  const { t } = useI18n();
  const [reference, setReference] = useState(b.reference);
  const [occurred, setOccurred] = useState(shownMoment(b.occurred_at));
  const [description, setDescription] = useState(b.description);
  const [nature, setNature] = useState<Nature[]>(b.nature);
  const [categories, setCategories] = useState(b.data_categories.join("\n"));
  const [special, setSpecial] = useState(b.special_categories);
  const [bsn, setBsn] = useState(b.bsn);
  const [people, setPeople] = useState(b.approx_people);
  const [records, setRecords] = useState(b.approx_records);
  const [consequences, setConsequences] = useState(b.consequences);
  const [measuresBefore, setMeasuresBefore] = useState(b.measures_before);
  const [corrective, setCorrective] = useState(b.corrective_measures);
  const [preventive, setPreventive] = useState(b.preventive_measures);
  const [risk, setRisk] = useState<Risk | null>(b.risk);
  const [reasoning, setReasoning] = useState(b.risk_reasoning);
  const [officer, setOfficer] = useState(b.privacy_officer);
  const save = useBreachAction((edit: BreachEdit) => editBreach(b.id, edit));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sortedNature = (v: Nature[]) => [...v].sort();
    save.mutate({
      reference: nullIfSame(reference, b.reference),
      occurred_at: occurred.trim() === "" || occurred === shownMoment(b.occurred_at) ? null : occurred,
      description: nullIfSame(description, b.description),
      nature: nullIfSame(sortedNature(nature), sortedNature(b.nature)),
      data_categories: nullIfSame(categoriesOf(categories), b.data_categories),
      special_categories: nullIfSame(special, b.special_categories),
      bsn: nullIfSame(bsn, b.bsn),
      approx_people: people === null ? null : nullIfSame(people, b.approx_people),
      approx_records: records === null ? null : nullIfSame(records, b.approx_records),
      consequences: nullIfSame(consequences, b.consequences),
      measures_before: nullIfSame(measuresBefore, b.measures_before),
      corrective_measures: nullIfSame(corrective, b.corrective_measures),
      preventive_measures: nullIfSame(preventive, b.preventive_measures),
      risk: risk === null ? null : nullIfSame(risk, b.risk),
      risk_reasoning: nullIfSame(reasoning, b.risk_reasoning),
      privacy_officer: nullIfSame(officer, b.privacy_officer),
    });
  };
  const area = (label: string, value: string, set: (v: string) => void, description?: string) => (
    <Textarea label={label} description={description} value={value} onChange={(e) => set(e.currentTarget.value)} autosize minRows={2} />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="breach-facts-heading">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t("breaches.field.reference")} value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <MomentField label={t("breaches.field.occurred")} description={t("breaches.occurredHelp")} value={occurred} onChange={setOccurred} />
        </Group>
        {area(t("breaches.field.description"), description, setDescription)}
        <NatureChoice value={nature} onChange={setNature} />
        {area(t("breaches.field.categories"), categories, setCategories, t("breaches.categoriesHelp"))}
        <Group>
          <Checkbox label={t("breaches.field.special")} checked={special} onChange={(e) => setSpecial(e.currentTarget.checked)} />
          <Checkbox label={t("breaches.field.bsn")} checked={bsn} onChange={(e) => setBsn(e.currentTarget.checked)} />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <CountField label={t("breaches.field.people")} value={people} onChange={setPeople} />
          <CountField label={t("breaches.field.records")} value={records} onChange={setRecords} />
        </Group>
        {area(t("breaches.field.consequences"), consequences, setConsequences)}
        {area(t("breaches.field.measuresBefore"), measuresBefore, setMeasuresBefore)}
        {area(t("breaches.field.corrective"), corrective, setCorrective)}
        {area(t("breaches.field.preventive"), preventive, setPreventive)}
        <RiskSelect value={risk} onChange={setRisk} />
        {area(t("breaches.field.riskReasoning"), reasoning, setReasoning)}
        <Checkbox label={t("breaches.field.privacyOfficer")} checked={officer} onChange={(e) => setOfficer(e.currentTarget.checked)} />
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && <StatusNote>{t("breaches.detail.saved")}</StatusNote>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("breaches.detail.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Stack gap={2}>
      {rows.map(([k, v]) => (
        <Text key={k} size="sm">
          <Text span fw={600}>
            {k}:
          </Text>{" "}
          {v}
        </Text>
      ))}
    </Stack>
  );
}

function ApDecision({ breach: b }: { breach: Breach }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<"notify" | "no-notify">("notify");
  const [at, setAt] = useState(shownMoment(new Date().toISOString()));
  const [caseNumber, setCaseNumber] = useState("");
  const [late, setLate] = useState("");
  const [reason, setReason] = useState("");
  const notify = useBreachAction(() => notifyBreach(b.id, at, caseNumber.trim() || null, late.trim() || null));
  const decide = useBreachAction(() => decideBreachNoNotify(b.id, reason));
  const pending = notify.isPending || decide.isPending;
  const error = notify.error ?? decide.error;

  const summary: [string, ReactNode][] = [[t("breaches.detail.decision"), decisionText(t, b)]];
  if (b.notified_at) summary.push([t("breaches.field.notifiedAt"), formatDateTime(locale, b.notified_at)]);
  if (b.ap_case_number) summary.push([t("breaches.field.caseNumber"), b.ap_case_number]);
  if (b.late_reason) summary.push([t("breaches.field.lateReason"), b.late_reason]);
  if (b.ap_decision_reason) summary.push([t("breaches.field.noNotifyReason"), b.ap_decision_reason]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (choice === "notify") notify.mutate(undefined);
    else decide.mutate(undefined);
  };

  return (
    <Stack gap="sm">
      <Facts rows={summary} />
      {b.ap_decision !== "notify" && b.status === "open" && (
        <form onSubmit={submit} noValidate aria-label={t("breaches.detail.apForm")}>
          <Stack gap="sm">
            <Radio.Group label={t("breaches.detail.decision")} value={choice} onChange={(v) => setChoice(v as typeof choice)}>
              <Group mt={4}>
                <Radio value="notify" label={t("breaches.decision.notify")} />
                {b.ap_decision === null && <Radio value="no-notify" label={t("breaches.decision.noNotify")} />}
              </Group>
            </Radio.Group>
            {choice === "notify" ? (
              <>
                <Group grow align="flex-start" wrap="wrap">
                  <MomentField label={t("breaches.field.notifiedAt")} value={at} onChange={setAt} required />
                  <TextInput label={t("breaches.field.caseNumber")} value={caseNumber} onChange={(e) => setCaseNumber(e.currentTarget.value)} />
                </Group>
                <Textarea
                  label={t("breaches.field.lateReason")}
                  description={t("breaches.lateReasonHelp")}
                  value={late}
                  onChange={(e) => setLate(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              </>
            ) : (
              <Textarea
                label={t("breaches.field.noNotifyReason")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                autosize
                minRows={2}
              />
            )}
            {error && <ErrorAlert error={error} />}
            <Group>
              <Button type="submit" loading={pending}>
                {t("breaches.detail.recordDecision")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function PeopleDecision({ breach: b }: { breach: Breach }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<"informed" | "exception">("informed");
  const [at, setAt] = useState(shownMoment(new Date().toISOString()));
  const [how, setHow] = useState("");
  const [exception, setException] = useState<Exception>("encrypted");
  const inform = useBreachAction(() =>
    informBreach(b.id, choice === "informed" ? { informed: { at, how } } : { exception }),
  );
  const current =
    b.people_decision === "informed"
      ? t("breaches.people.informedAt", {
          at: b.people_informed_at ? formatDateTime(locale, b.people_informed_at) : "",
          how: b.people_informed_how ?? "",
        })
      : b.people_exception
        ? t("breaches.people.exceptionApplies", { exception: exceptionLabel(t, b.people_exception) })
        : t("breaches.people.open");
  return (
    <Stack gap="sm">
      <Text size="sm">{current}</Text>
      {b.status === "open" && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!inform.isPending) inform.mutate(undefined);
          }}
          noValidate
          aria-label={t("breaches.detail.peopleForm")}
        >
          <Stack gap="sm">
            <Radio.Group label={t("breaches.people.choice")} value={choice} onChange={(v) => setChoice(v as typeof choice)}>
              <Group mt={4}>
                <Radio value="informed" label={t("breaches.people.informed")} />
                <Radio value="exception" label={t("breaches.people.exception")} />
              </Group>
            </Radio.Group>
            {choice === "informed" ? (
              <Group grow align="flex-start" wrap="wrap">
                <MomentField label={t("breaches.field.informedAt")} value={at} onChange={setAt} required />
                <TextInput label={t("breaches.field.informedHow")} value={how} onChange={(e) => setHow(e.currentTarget.value)} required />
              </Group>
            ) : (
              <NativeSelect
                label={t("breaches.field.exception")}
                value={exception}
                onChange={(e) => setException(e.currentTarget.value as Exception)}
                data={EXCEPTIONS.map((x) => ({ value: x, label: exceptionLabel(t, x) }))}
              />
            )}
            {inform.isError && <ErrorAlert error={inform.error} />}
            <Group>
              <Button type="submit" variant="default" loading={inform.isPending}>
                {t("breaches.people.record")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function FollowUps({ breach: b }: { breach: Breach }) {
  const { t, locale } = useI18n();
  const [at, setAt] = useState(shownMoment(new Date().toISOString()));
  const [text, setText] = useState("");
  const add = useBreachAction(() => breachFollowUp(b.id, at, text));
  return (
    <Stack gap="sm">
      {b.follow_ups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("breaches.followUp.none")}
        </Text>
      ) : (
        <Facts rows={b.follow_ups.map((f, i) => [`${i + 1}. ${formatDateTime(locale, f.at)}`, f.text])} />
      )}
      {b.notified_at === null ? (
        <Text size="sm" c="dimmed">
          {t("breaches.followUp.afterNotify")}
        </Text>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!add.isPending) add.mutate(undefined, { onSuccess: () => setText("") });
          }}
          noValidate
          aria-label={t("breaches.followUp.form")}
        >
          <Stack gap="sm">
            <MomentField label={t("breaches.followUp.at")} value={at} onChange={setAt} required />
            <Textarea label={t("breaches.followUp.text")} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={2} />
            {add.isError && <ErrorAlert error={add.error} />}
            <Group>
              <Button type="submit" variant="default" loading={add.isPending}>
                {t("breaches.followUp.add")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function LinkedContacts({ breach: b }: { breach: Breach }) {
  const { t } = useI18n();
  const names = useContactNames(b.contacts.length > 0);
  const [picked, setPicked] = useState<PickedContact | null>(null);
  const link = useBreachAction((contactId: number) => linkBreachContact(b.id, contactId));
  const unlink = useBreachAction((contactId: number) => unlinkBreachContact(b.id, contactId));
  const error = link.error ?? unlink.error;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("breaches.contacts.help")}
      </Text>
      {b.contacts.length === 0 ? (
        <Text size="sm">{t("breaches.contacts.none")}</Text>
      ) : (
        <Stack gap={4}>
          {b.contacts.map((id) => {
            const name = names.data?.get(id) ?? t("requests.unknownContact", { id });
            return (
              <Group key={id} gap="sm">
                <Text size="sm">{name}</Text>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  aria-label={t("breaches.contacts.unlinkLabel", { name })}
                  onClick={() => unlink.mutate(id)}
                >
                  {t("breaches.contacts.unlink")}
                </Anchor>
              </Group>
            );
          })}
        </Stack>
      )}
      <Group align="flex-end">
        <ContactPicker value={picked} onChange={setPicked} />
        <Button
          variant="default"
          disabled={picked === null}
          loading={link.isPending}
          onClick={() => {
            if (picked) link.mutate(picked.id, { onSuccess: () => setPicked(null) });
          }}
        >
          {t("breaches.contacts.link")}
        </Button>
      </Group>
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}

function CloseBreach({ breach: b }: { breach: Breach }) {
  const { t, locale } = useI18n();
  const close = useBreachAction(() => closeBreach(b.id));
  if (b.status === "closed") {
    return <StatusNote>{t("breaches.closedAt", { at: b.closed_at ? formatDateTime(locale, b.closed_at) : "" })}</StatusNote>;
  }
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" disabled={b.ap_decision === null} loading={close.isPending} onClick={() => close.mutate(undefined)}>
          {t("breaches.close")}
        </Button>
      </Group>
      {b.ap_decision === null && (
        <Text size="sm" c="dimmed">
          {t("breaches.closeAfterDecision")}
        </Text>
      )}
      {close.isError && <ErrorAlert error={close.error} />}
    </Stack>
  );
}
