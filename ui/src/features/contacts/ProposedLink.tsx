import { Checkbox } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import type { Purpose } from "../../bindings/Purpose";
import type { Relationship } from "../../bindings/Relationship";
import { useI18n } from "../../i18n";
import { proposedPurpose } from "../../lib/ipc";
import { basisLabel } from "../register/labels";

/** The purpose the backend proposes for a new contact with `relationship` (null: not asked). */
export function useProposedPurpose(relationship: Relationship | null) {
  return useQuery({
    queryKey: ["register", "proposed", relationship],
    queryFn: () => proposedPurpose(relationship ?? "prospect"),
    enabled: relationship !== null,
  });
}

type Props = { purpose: Purpose; checked: boolean; onChange: (checked: boolean) => void };

/** "Link to Klantadministratie (contract)", ticked beforehand; the user confirms by saving. */
export function ProposedLink({ purpose, checked, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Checkbox
      label={t("form.proposedLink", { name: purpose.name, basis: basisLabel(t, purpose.basis).toLowerCase() })}
      description={t("form.proposedLinkHint")}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
