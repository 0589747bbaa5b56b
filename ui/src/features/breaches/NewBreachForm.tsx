import { Alert, Button, Checkbox, Group, List, Stack, Textarea } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { BreachEdit } from "../../bindings/BreachEdit";
import type { LostDeviceDraft } from "../../bindings/LostDeviceDraft";
import type { Nature } from "../../bindings/Nature";
import type { Risk } from "../../bindings/Risk";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n";
import { addBreach, isIpcError } from "../../lib/ipc";
import { categoriesOf, CountField, MomentField, NatureChoice, RiskSelect, shownMoment } from "./fields";
import { exceptionLabel } from "./labels";
import { invalidateBreaches } from "./queries";

type Props = {
  /** The lost-device helper's pre-filled breach, with its explanation. */
  draft?: LostDeviceDraft;
  onSaved: (id: number) => void;
  onCancel?: () => void;
};

const EMPTY_EDIT: BreachEdit = {
  reference: null,
  occurred_at: null,
  description: null,
  nature: null,
  data_categories: null,
  special_categories: null,
  bsn: null,
  approx_people: null,
  approx_records: null,
  consequences: null,
  measures_before: null,
  corrective_measures: null,
  preventive_measures: null,
  risk: null,
  risk_reasoning: null,
  privacy_officer: null,
};

/** Registers a breach: a blank one, or the lost-device helper's draft to check and complete. */
export function NewBreachForm({ draft, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [aware, setAware] = useState(draft?.input.aware_at ?? shownMoment(new Date().toISOString()));
  const [occurred, setOccurred] = useState("");
  const [description, setDescription] = useState(draft?.input.description ?? "");
  const [nature, setNature] = useState<Nature[]>(draft?.input.nature ?? []);
  const [people, setPeople] = useState<number | null>(draft?.input.approx_people ?? null);
  const [records, setRecords] = useState<number | null>(null);
  const [risk, setRisk] = useState<Risk | null>(draft?.input.risk ?? null);
  const [categories, setCategories] = useState((draft?.details.data_categories ?? []).join("\n"));
  const [special, setSpecial] = useState(draft?.details.special_categories ?? false);
  const [bsn, setBsn] = useState(draft?.details.bsn ?? false);
  const [consequences, setConsequences] = useState(draft?.details.consequences ?? "");
  const [measures, setMeasures] = useState(draft?.details.measures_before ?? "");
  const [reasoning, setReasoning] = useState(draft?.details.risk_reasoning ?? "");
  const [errors, setErrors] = useState<{ aware?: string; occurred?: string; description?: string }>({});

  const add = useMutation({
    mutationFn: () => {
      const details: BreachEdit = {
        ...EMPTY_EDIT,
        approx_records: records,
        data_categories: categoriesOf(categories).length > 0 ? categoriesOf(categories) : null,
        special_categories: special ? true : null,
        bsn: bsn ? true : null,
        consequences: consequences.trim() !== "" ? consequences : null,
        measures_before: measures.trim() !== "" ? measures : null,
        risk_reasoning: reasoning.trim() !== "" ? reasoning : null,
      };
      return addBreach(
        {
          reference: null,
          aware_at: aware,
          occurred_at: occurred.trim() === "" ? null : occurred,
          description,
          nature,
          approx_people: people,
          risk,
        },
        details,
      );
    },
    onSuccess: async (id) => {
      await invalidateBreaches(queryClient);
      onSaved(id);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "aware_at") setErrors({ aware: momentError(error.message) });
      if (error.field === "occurred_at") setErrors({ occurred: momentError(error.message) });
      if (error.field === "description") setErrors({ description: t("breaches.descriptionRequired") });
    },
  });

  const momentError = (message: string) => {
    if (message.includes("future")) return t("breaches.momentFuture");
    if (message.includes("after the moment")) return t("breaches.occurredAfterAware");
    return t("breaches.momentInvalid");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const next: typeof errors = {};
    if (aware.trim() === "") next.aware = t("breaches.awareRequired");
    if (description.trim() === "") next.description = t("breaches.descriptionRequired");
    setErrors(next);
    if (next.aware || next.description) return;
    add.reset();
    add.mutate();
  };

  const atField = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-label={draft ? t("breaches.lostDevice.formLabel") : t("breaches.new.heading")}>
      <Stack gap="sm">
        {draft && (
          <Alert color="blue" title={t("breaches.lostDevice.explanationTitle")}>
            <Stack gap="xs">
              {draft.explanation.map((p) => (
                <p key={p} style={{ margin: 0 }}>
                  {p}
                </p>
              ))}
              <List size="sm">
                <List.Item>{t("breaches.lostDevice.contacts", { n: draft.facts.contacts })}</List.Item>
                <List.Item>
                  {draft.facts.remembered ? t("breaches.lostDevice.remembered") : t("breaches.lostDevice.notRemembered")}
                </List.Item>
                <List.Item>
                  {draft.facts.backup_recent ? t("breaches.lostDevice.backupRecent") : t("breaches.lostDevice.backupOld")}
                </List.Item>
                <List.Item>
                  {draft.suggested_exception
                    ? t("breaches.lostDevice.suggestedException", {
                        exception: exceptionLabel(t, draft.suggested_exception),
                      })
                    : t("breaches.lostDevice.noException")}
                </List.Item>
              </List>
            </Stack>
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <MomentField
            label={t("breaches.field.aware")}
            value={aware}
            onChange={(v) => {
              setAware(v);
              setErrors((e) => ({ ...e, aware: undefined }));
            }}
            error={errors.aware}
            required
          />
          <MomentField
            label={t("breaches.field.occurred")}
            description={t("breaches.occurredHelp")}
            value={occurred}
            onChange={(v) => {
              setOccurred(v);
              setErrors((e) => ({ ...e, occurred: undefined }));
            }}
            error={errors.occurred}
          />
        </Group>
        <Textarea
          label={t("breaches.field.description")}
          value={description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
            setErrors((e) => ({ ...e, description: undefined }));
          }}
          error={errors.description}
          required
          autosize
          minRows={2}
        />
        <NatureChoice value={nature} onChange={setNature} />
        <Group grow align="flex-start" wrap="wrap">
          <CountField label={t("breaches.field.people")} value={people} onChange={setPeople} />
          <CountField label={t("breaches.field.records")} value={records} onChange={setRecords} />
          <RiskSelect value={risk} onChange={setRisk} />
        </Group>
        {draft && (
          <>
            <Textarea
              label={t("breaches.field.categories")}
              description={t("breaches.categoriesHelp")}
              value={categories}
              onChange={(event) => setCategories(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Checkbox label={t("breaches.field.special")} checked={special} onChange={(e) => setSpecial(e.currentTarget.checked)} />
              <Checkbox label={t("breaches.field.bsn")} checked={bsn} onChange={(e) => setBsn(e.currentTarget.checked)} />
            </Group>
            <Textarea
              label={t("breaches.field.consequences")}
              value={consequences}
              onChange={(event) => setConsequences(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t("breaches.field.measuresBefore")}
              value={measures}
              onChange={(event) => setMeasures(event.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t("breaches.field.riskReasoning")}
              value={reasoning}
              onChange={(event) => setReasoning(event.currentTarget.value)}
              autosize
              minRows={2}
            />
          </>
        )}
        {add.isError && !atField && <ErrorAlert error={add.error} />}
        <Group>
          <Button type="submit" leftSection={<IconPlus size={18} aria-hidden />} loading={add.isPending}>
            {t("breaches.new.submit")}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
