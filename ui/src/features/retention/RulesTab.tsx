import { Badge, Button, Group, NativeSelect, NumberInput, Stack, Table, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useRef, useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Action } from "../../bindings/Action";
import type { Rule } from "../../bindings/Rule";
import type { RuleKey } from "../../bindings/RuleKey";
import { DataTable, DetailRow } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormActions } from "../../components/FormActions";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { isIpcError, setRetentionRule } from "../../lib/ipc";
import { ACTION_COLORS, ACTIONS, actionLabel, unitLabel } from "./labels";
import { composePeriod, MAX_PERIOD, MIN_PERIOD, parsePeriod, PERIOD_UNITS, validAmount, type PeriodUnit } from "./period";
import { useRetentionRules } from "./queries";

/** The retention rules, each editable in place. */
export function RulesTab() {
  const { t, language } = useI18n();
  const rules = useRetentionRules(language);
  const [editing, setEditing] = useState<RuleKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editButtons = useRef(new Map<RuleKey, HTMLButtonElement>());

  const close = (key: RuleKey) => {
    setEditing(null);
    // Back to the button that opened the form.
    requestAnimationFrame(() => editButtons.current.get(key)?.focus());
  };

  return (
    <TitledSection id="rules-heading" title={t("rules.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("rules.intro")}</Text>
        <QueryState query={rules}>
          {(list) => (
            <DataTable
              columns={[
                t("rules.col.category"),
                t("rules.col.period"),
                t("rules.col.action"),
                t("rules.col.note"),
                t("rules.col.actions"),
              ]}
            >
              {list.map((rule) => (
                <Fragment key={rule.key}>
                  <Table.Tr>
                    <Table.Th scope="row" miw={180} style={{ overflowWrap: "break-word" }}>
                      <Text fw={600} span>
                        {rule.category}
                      </Text>
                      {rule.changed && (
                        <Badge variant="light" color="grape" tt="none" fw={600} ml={8} miw="max-content">
                          {t("rules.changed")}
                        </Badge>
                      )}
                    </Table.Th>
                    <Table.Td miw={110}>{rule.period_text}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ACTION_COLORS[rule.action]} tt="none" fw={600} miw="max-content">
                        {actionLabel(t, rule.action)}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={240}>
                      <Text size="sm">{rule.note}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        ref={(element) => {
                          if (element) editButtons.current.set(rule.key, element);
                          else editButtons.current.delete(rule.key);
                        }}
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        aria-label={t("rules.editLabel", { category: rule.category })}
                        aria-expanded={editing === rule.key}
                        onClick={() => {
                          setNotice(null);
                          setEditing(editing === rule.key ? null : rule.key);
                        }}
                      >
                        {t("rules.edit")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {editing === rule.key && (
                    <DetailRow>
                      <RuleForm
                        rule={rule}
                        onSaved={() => {
                          setNotice(t("rules.saved", { category: rule.category }));
                          close(rule.key);
                        }}
                        onCancel={() => close(rule.key)}
                      />
                    </DetailRow>
                  )}
                </Fragment>
              ))}
            </DataTable>
          )}
        </QueryState>
        {notice && <StatusNote>{notice}</StatusNote>}
      </Stack>
    </TitledSection>
  );
}

type FormProps = { rule: Rule; onSaved: () => void; onCancel: () => void };

type Errors = { period?: string; action?: string };

function RuleForm({ rule, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const current = parsePeriod(rule.period);
  const [amount, setAmount] = useState<number | string>(current?.amount ?? "");
  const [unit, setUnit] = useState<PeriodUnit>(current?.unit ?? "m");
  const [action, setAction] = useState<Action>(rule.action);
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation({
    mutationFn: (next: { period: string; action: Action }) => setRetentionRule(rule.key, next.period, next.action),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.retention });
      onSaved();
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "period") {
        setErrors({ period: rule.key === "fiscal-records" ? t("rules.fiscalMinimum") : t("rules.periodInvalid") });
      } else if (error.field === "action") {
        setErrors({ action: t("error.invalid_input") });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const n = typeof amount === "number" ? amount : String(amount).trim() === "" ? Number.NaN : Number(amount);
    if (!validAmount(n)) {
      setErrors({ period: t("rules.periodInvalid") });
      return;
    }
    setErrors({});
    save.reset();
    save.mutate({ period: composePeriod(n, unit), action });
  };

  const fieldError = isIpcError(save.error, "invalid_input") && Object.keys(errors).length > 0;
  const label = t("rules.editLabel", { category: rule.category });

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <Group align="flex-start" gap="md" wrap="wrap">
          <NumberInput
            label={t("rules.period")}
            value={amount}
            onChange={(value) => {
              setAmount(value);
              setErrors({});
            }}
            min={MIN_PERIOD}
            max={MAX_PERIOD}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            error={errors.period}
            autoFocus
            w={180}
          />
          <NativeSelect
            label={t("rules.unit")}
            aria-label={t("rules.unit")}
            value={unit}
            onChange={(event) => {
              setUnit(event.currentTarget.value as PeriodUnit);
              setErrors({});
            }}
            data={PERIOD_UNITS.map((value) => ({ value, label: unitLabel(t, value) }))}
            w={160}
          />
          <NativeSelect
            label={t("rules.action")}
            aria-label={t("rules.action")}
            value={action}
            onChange={(event) => {
              setAction(event.currentTarget.value as Action);
              setErrors({});
            }}
            data={ACTIONS.map((value) => ({ value, label: actionLabel(t, value) }))}
            error={errors.action}
            w={180}
          />
        </Group>
        {save.isError && !fieldError && <ErrorAlert error={save.error} />}
        <FormActions submitLabel={t("common.save")} busy={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
