import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Stepper,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCopy, IconFileExport } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import type { Language } from "../../bindings/Language";
import type { Request } from "../../bindings/Request";
import type { Written } from "../../bindings/Written";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { copyText, exportSubjectAccess } from "../../lib/ipc";
import { contactLine } from "../contacts/contactLine";
import { useContact } from "../contacts/queries";
import { ContactPicker, type PickedContact } from "./ContactPicker";
import { IdentityForm } from "./IdentityForm";
import { identityMethodLabel, requestKindLabel } from "./labels";
import { invalidateRequests, openRequestsOf, useController, useRequests } from "./queries";
import {
  defaultAddress,
  PasswordNotice,
  ProtectedCopyOptions,
  RedactionPreview,
  sendTo,
  type AddressChoice,
} from "./SendSafely";

const STEPS = ["person", "identity", "scope", "review", "produce"] as const;
type Step = (typeof STEPS)[number];
const LANGUAGES: readonly Language[] = ["nl", "en"];

/** The request select: nothing chosen yet, no request, or a request's id. */
type RequestChoice = "" | "none" | number;

type Props = {
  contact: PickedContact;
  /** The request to answer, when the wizard was opened from one. */
  requestId?: number | null;
  /** The back button's text. */
  backLabel: string;
  onBack: () => void;
  onOpenSettings: () => void;
};

/**
 * Access and export (Art. 15 and 20): who and which request, the identity check, what goes
 * into the files, a review, and then the PDF (and ZIP) with their fingerprints.
 */
export function AccessExportScreen({ contact: initialContact, requestId = null, backLabel, onBack, onOpenSettings }: Props) {
  const { t, locale, language: uiLanguage } = useI18n();
  const requests = useRequests();
  const [active, setActive] = useState(0);
  const [contact, setContact] = useState<PickedContact | null>(initialContact);
  const [choice, setChoice] = useState<RequestChoice>(requestId ?? "");
  const [withZip, setWithZip] = useState(false);
  const [zipTouched, setZipTouched] = useState(false);
  const [includeSpecial, setIncludeSpecial] = useState(false);
  const [docLanguage, setDocLanguage] = useState<Language>(uiLanguage);
  // Sending safely (R6.4): a protected copy, and where the answer goes (null: the first
  // address the contact has); lines about someone else withheld (Art. 15(4)), by id.
  const [protect, setProtect] = useState(false);
  const [addressChoice, setAddressChoice] = useState<AddressChoice | null>(null);
  const [redacted, setRedacted] = useState<ReadonlySet<number>>(new Set());
  const detail = useContact(contact?.id ?? initialContact.id);
  const [stepError, setStepError] = useState<string | null>(null);
  // Sending someone else's data is itself a breach: the last step before producing asks.
  const [rightPerson, setRightPerson] = useState(false);
  // The documents were made: step 5 is ticked too.
  const [produced, setProduced] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const zipHelpId = useId();
  const specialHelpId = useId();
  const moved = useRef(false);

  const request: Request | null =
    typeof choice === "number" ? (requests.data?.find((r) => r.id === choice) ?? null) : null;
  const openRequests = contact === null ? [] : openRequestsOf(requests.data, contact.id);
  // The request the wizard was opened from stays an option even if it is no longer open.
  if (request !== null && !openRequests.includes(request)) openRequests.unshift(request);
  // A portability request asks for the ZIP, unless the user decided otherwise.
  const zip = zipTouched ? withZip : withZip || request?.kind === "portability";
  const address: AddressChoice = request === null ? { kind: "none" } : (addressChoice ?? defaultAddress(detail.data?.contact));

  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [active]);

  const labels: Record<Step, string> = {
    person: t("export.step.person"),
    identity: t("export.step.identity"),
    scope: t("export.step.scope"),
    review: t("export.step.review"),
    produce: t("export.step.produce"),
  };

  const go = (step: number) => {
    moved.current = true;
    setStepError(null);
    setProduced(false);
    setActive(step);
  };

  /** Why the current step cannot be left forwards yet, or null. */
  const blocker = (step: Step): string | null => {
    if (step === "person") {
      if (contact === null) return t("picker.required");
      if (choice === "" || (typeof choice === "number" && request === null)) return t("export.requestRequired");
    }
    if (step === "identity" && request !== null && request.identity_method === null) {
      return t("export.identityMissing");
    }
    if (step === "scope" && address.kind === "new" && address.address.trim() === "") return t("export.newAddressRequired");
    if (step === "review" && !rightPerson) return t("export.rightPersonRequired");
    return null;
  };

  const next = () => {
    const step = STEPS[active];
    const problem = step === undefined ? null : blocker(step);
    if (problem) {
      setStepError(problem);
      return;
    }
    go(active + 1);
  };

  const requestText = (r: Request) =>
    t("export.requestOption", {
      kind: requestKindLabel(t, r.kind),
      received: formatDate(locale, r.received),
      due: formatDate(locale, r.due),
    });

  const step = STEPS[active] ?? "person";

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack} px="xs">
          {backLabel}
        </Button>
      </Group>
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("export.title")}</PageTitle>
        <Text c="dimmed">{t("export.intro")}</Text>
      </Stack>

      <Paper withBorder p="lg">
        <Stepper
          active={produced ? STEPS.length : active}
          onStepClick={(index) => index < active && go(index)}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t("export.steps")}
          role="group"
        >
          {STEPS.map((value, index) => {
            const vars = { n: index + 1, total: STEPS.length, label: labels[value] };
            return (
              <Stepper.Step
                key={value}
                label={labels[value]}
                aria-label={
                  index < active || produced ? t("export.stepDone", vars) : t("export.stepLabel", vars)
                }
                aria-current={index === active ? "step" : undefined}
                aria-disabled={index >= active ? true : undefined}
              />
            );
          })}
        </Stepper>

        <Stack gap="md" mt="xl">
          <Title order={2} size="h4" ref={stepHeading} tabIndex={-1} style={{ outline: "none" }}>
            {t("export.stepLabel", { n: active + 1, total: STEPS.length, label: labels[step] })}
          </Title>

          {step === "person" && (
            <Stack gap="md" maw={560}>
              <ContactPicker
                value={contact}
                onChange={(next) => {
                  setContact(next);
                  setChoice("");
                  setAddressChoice(null);
                  setRedacted(new Set());
                  setStepError(null);
                }}
                error={contact === null ? (stepError ?? undefined) : undefined}
              />
              {requests.isError && <ErrorAlert error={requests.error} />}
              {contact !== null && requests.data && (
                <>
                  {openRequests.length === 0 && <Text size="sm">{t("export.noOpenRequests")}</Text>}
                  <NativeSelect
                    label={t("export.request")}
                    aria-label={t("export.request")}
                    value={String(choice)}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setChoice(value === "" || value === "none" ? value : Number(value));
                      setStepError(null);
                    }}
                    data={[
                      { value: "", label: t("export.chooseRequest") },
                      ...openRequests.map((r) => ({ value: String(r.id), label: requestText(r) })),
                      { value: "none", label: t("export.withoutRequest") },
                    ]}
                    error={stepError ?? undefined}
                  />
                </>
              )}
            </Stack>
          )}

          {step === "identity" && (
            <Stack gap="md">
              <Text>{t("export.identityIntro")}</Text>
              {request === null ? (
                <Alert
                  role="status"
                  color="orange"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden size={20} />}
                >
                  {t("export.noRequestWarning")}
                </Alert>
              ) : (
                <>
                  {request.identity_method !== null && (
                    <StatusNote>
                      {t("export.identityRecorded", { method: identityMethodLabel(t, request.identity_method) })}
                    </StatusNote>
                  )}
                  <IdentityForm
                    key={request.id}
                    request={request}
                    rowName={t("requests.rowName", {
                      name: contact?.name ?? "",
                      kind: requestKindLabel(t, request.kind),
                    })}
                    onRecorded={() => setStepError(null)}
                  />
                  {stepError && <ErrorAlert>{stepError}</ErrorAlert>}
                </>
              )}
            </Stack>
          )}

          {step === "scope" && (
            <Stack gap="md" maw={640}>
              <Text>{t("export.scopeIntro")}</Text>
              <Checkbox
                label={t("export.zip")}
                // Mantine does not tie a checkbox's description to it; the ids do.
                description={<span id={zipHelpId}>{t("export.zipHelp")}</span>}
                aria-describedby={zipHelpId}
                checked={zip}
                onChange={(event) => {
                  setZipTouched(true);
                  setWithZip(event.currentTarget.checked);
                  if (!event.currentTarget.checked) setIncludeSpecial(false);
                }}
              />
              <Checkbox
                label={t("export.special")}
                description={<span id={specialHelpId}>{t("export.specialHelp")}</span>}
                aria-describedby={specialHelpId}
                checked={zip && includeSpecial}
                disabled={!zip}
                onChange={(event) => setIncludeSpecial(event.currentTarget.checked)}
                ml="lg"
              />
              <NativeSelect
                label={t("export.language")}
                aria-label={t("export.language")}
                value={docLanguage}
                onChange={(event) => setDocLanguage(event.currentTarget.value as Language)}
                data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
                maw={260}
              />
              <ProtectedCopyOptions
                contact={detail.data?.contact}
                withRequest={request !== null}
                protect={protect}
                onProtect={setProtect}
                zip={zip}
                address={address}
                onAddress={(next) => {
                  setAddressChoice(next);
                  setStepError(null);
                }}
              />
              {stepError && <ErrorAlert>{stepError}</ErrorAlert>}
              {contact !== null && (
                <RedactionPreview
                  contactId={contact.id}
                  redacted={redacted}
                  onToggle={(id, on) => {
                    const next = new Set(redacted);
                    if (on) next.add(id);
                    else next.delete(id);
                    setRedacted(next);
                  }}
                />
              )}
            </Stack>
          )}

          {step === "review" && (
            <Stack gap="md" maw={680}>
              <Stack component="dl" gap="sm" m={0}>
                <Summary label={t("export.summary.person")}>
                  {contact === null
                    ? t("common.empty")
                    : contactLine({
                        id: contact.id,
                        name: contact.name,
                        email: contact.email ?? null,
                        organisation: contact.organisation ?? null,
                      })}
                </Summary>
                <Summary label={t("export.summary.request")}>
                  {request === null ? t("export.withoutRequest") : requestText(request)}
                </Summary>
                <Summary label={t("export.summary.identity")}>
                  {request === null
                    ? t("export.summary.identitySkipped")
                    : request.identity_method === null
                      ? t("requests.identityNone")
                      : identityMethodLabel(t, request.identity_method)}
                </Summary>
                <Summary label={t("export.summary.files")}>
                  {zip ? t("export.summary.pdfZip") : t("export.summary.pdfOnly")}
                </Summary>
                {zip && (
                  <Summary label={t("export.summary.special")}>
                    {includeSpecial ? t("common.yes") : t("common.no")}
                  </Summary>
                )}
                <Summary label={t("export.summary.language")}>{t(`language.${docLanguage}`)}</Summary>
                <Summary label={t("export.summary.protected")}>{protect ? t("common.yes") : t("common.no")}</Summary>
                {request !== null && (
                  <Summary label={t("export.summary.sendTo")}>
                    {address.kind === "none"
                      ? t("export.sendToNone")
                      : address.kind === "new"
                        ? t("export.summary.newAddress", { address: address.address.trim() })
                        : address.address}
                  </Summary>
                )}
                <Summary label={t("export.summary.redacted")}>{String(redacted.size)}</Summary>
              </Stack>
              <Alert color="blue" variant="light" role="note">
                {t("export.sendReminder")}
              </Alert>
              <Checkbox
                label={t("export.rightPerson")}
                checked={rightPerson}
                onChange={(event) => {
                  setRightPerson(event.currentTarget.checked);
                  setStepError(null);
                }}
                error={!rightPerson ? (stepError ?? undefined) : undefined}
              />
            </Stack>
          )}

          {step === "produce" && contact !== null && (
            <ProduceStep
              contact={contact}
              request={request}
              language={docLanguage}
              zip={zip}
              includeSpecial={zip && includeSpecial}
              protect={protect}
              sendTo={sendTo(address)}
              redacted={[...redacted]}
              onOpenSettings={onOpenSettings}
              onProduced={() => setProduced(true)}
            />
          )}

          <Group gap="sm" mt="md">
            {active > 0 && (
              <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={() => go(active - 1)}>
                {t("export.previous")}
              </Button>
            )}
            {active < STEPS.length - 1 && (
              <Button rightSection={<IconArrowRight size={18} aria-hidden />} onClick={next}>
                {t("export.next")}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Summary({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

type ProduceProps = {
  contact: PickedContact;
  request: Request | null;
  language: Language;
  zip: boolean;
  includeSpecial: boolean;
  protect: boolean;
  sendTo: string | null;
  redacted: number[];
  onOpenSettings: () => void;
  /** The files were written. */
  onProduced: () => void;
};

type Produced = Written | "cancelled";

/** A SHA-256 shown short, to compare by eye: its first four groups of four ("a1b2 c3d4 e5f6 0718"). */
export function shortFingerprint(sha256: string): string {
  return (sha256.slice(0, 16).match(/.{1,4}/g) ?? []).join(" ");
}

function ProduceStep({
  contact,
  request,
  language,
  zip,
  includeSpecial,
  protect,
  sendTo,
  redacted,
  onOpenSettings,
  onProduced,
}: ProduceProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const controller = useController();
  const nameMissing = controller.data !== undefined && controller.data.name.trim() === "";

  const produce = useMutation({
    // The backend asks where to save the PDF (and the ZIP); null: the user cancelled.
    mutationFn: async (): Promise<Produced> => {
      const written = await exportSubjectAccess({
        contactId: contact.id,
        requestId: request?.id ?? null,
        language,
        portability: zip,
        includeSpecial: zip && includeSpecial,
        protect,
        redactInteractions: redacted,
        sendTo,
      });
      return written ?? "cancelled";
    },
    onSuccess: async (result) => {
      if (result === "cancelled") return;
      onProduced();
      if (request !== null) await invalidateRequests(queryClient);
    },
  });

  const result = produce.data;
  const made = result !== undefined && result !== "cancelled";

  return (
    <Stack gap="md">
      {controller.isError && <ErrorAlert error={controller.error} />}
      {nameMissing && (
        <Alert role="status" color="orange" variant="light" icon={<IconAlertTriangle aria-hidden size={20} />}>
          <Stack gap={6}>
            <Text size="sm">{t("export.controllerMissing")}</Text>
            <Anchor component="button" type="button" size="sm" ta="left" onClick={onOpenSettings}>
              {t("export.openSettings")}
            </Anchor>
          </Stack>
        </Alert>
      )}
      <Text size="sm">{t("export.sendReminder")}</Text>
      <Group>
        <Button
          leftSection={<IconFileExport size={18} aria-hidden />}
          loading={produce.isPending}
          disabled={made}
          onClick={() => {
            produce.reset();
            produce.mutate();
          }}
        >
          {t("export.produce")}
        </Button>
      </Group>
      {produce.isError && <ErrorAlert error={produce.error} />}
      {result === "cancelled" && <StatusNote tone="info">{t("export.cancelled")}</StatusNote>}
      {made && (
        <StatusNote title={t("export.done")}>
          <Stack gap="xs">
            {result.password !== null && <PasswordNotice password={result.password} />}
            {result.redactions > 0 && <Text size="sm">{t("export.redactedDone", { n: result.redactions })}</Text>}
            <List size="sm" spacing={6} listStyleType="none" p={0} m={0}>
              <List.Item>
                <MadeFile
                  path={result.pdf_path}
                  sha256={result.pdf_sha256}
                  label={t("export.fingerprintPdf")}
                  copyLabel={t("export.copyPdf")}
                />
              </List.Item>
              {result.zip_path !== null && result.zip_sha256 !== null && (
                <List.Item>
                  <MadeFile
                    path={result.zip_path}
                    sha256={result.zip_sha256}
                    label={t("export.fingerprintZip")}
                    copyLabel={t("export.copyZip")}
                  />
                </List.Item>
              )}
            </List>
            <Text size="sm">{request === null ? t("export.recordedAudit") : t("export.recordedRequest")}</Text>
            {request !== null && <Text size="sm">{t("export.closeHint")}</Text>}
          </Stack>
        </StatusNote>
      )}
    </Stack>
  );
}

/** One file made: where it was saved and its short fingerprint, with a copy of the full one. */
function MadeFile({ path, sha256, label, copyLabel }: { path: string; sha256: string; label: string; copyLabel: string }) {
  const { t } = useI18n();
  const copy = useMutation({ mutationFn: () => copyText(sha256) });
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {t("export.savedAt", { path })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{label}:</Text>
        <Code title={sha256}>{shortFingerprint(sha256)}</Code>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconCopy size={16} aria-hidden />}
          aria-label={copyLabel}
          onClick={() => copy.mutate()}
        >
          {t("export.copy")}
        </Button>
        <Text size="sm" role="status">
          {copy.isSuccess ? t("export.copied") : ""}
        </Text>
      </Group>
      {copy.isError && <ErrorAlert error={copy.error} />}
    </Stack>
  );
}
