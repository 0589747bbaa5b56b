import { NumberInput, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

import { QueryState } from "../../components/QueryState";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { FlagTable } from "./FlagTable";
import { useRepermission } from "./queries";

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
  const { t, locale } = useI18n();
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
              <FlagTable
                nameHeader={t("repermission.col.name")}
                flags={flags}
                onOpenContact={onOpenContact}
                columns={[
                  { header: t("repermission.col.purpose"), cell: (flag) => flag.purpose ?? t("common.empty") },
                  {
                    header: t("repermission.col.consent"),
                    cell: (flag) =>
                      flag.since !== null
                        ? t("repermission.since", { date: formatInstantDate(locale, flag.since) })
                        : t("repermission.none"),
                  },
                ]}
              />
            )}
          </QueryState>
        )}
      </Stack>
    </TitledSection>
  );
}
