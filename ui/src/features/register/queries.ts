import { useQuery, type QueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import type { Language } from "../../bindings/Language";
import { useI18n } from "../../i18n";
import { listFields, listPurposes, purposeProposals, repermissionList, triageList } from "../../lib/ipc";

/** The register as the screen's language shows it (the proposed data categories translated). */
export function usePurposes() {
  const { language } = useI18n();
  return useQuery({ queryKey: queryKeys.purposes(language), queryFn: () => listPurposes(language) });
}

export function useFieldDefs() {
  return useQuery({ queryKey: queryKeys.fields, queryFn: listFields });
}

export function useTriage() {
  return useQuery({ queryKey: queryKeys.triage, queryFn: triageList });
}

/** `months` null: not a valid number yet, nothing is asked. */
export function useRepermission(months: number | null) {
  return useQuery({
    queryKey: queryKeys.repermission(months ?? 0),
    queryFn: () => repermissionList(months ?? 0),
    enabled: months !== null,
  });
}

export function usePurposeProposals(language: Language) {
  return useQuery({
    queryKey: queryKeys.purposeProposals(language),
    queryFn: () => purposeProposals(language),
  });
}

/** After a change to the register or to a contact's purposes, consents or restriction. */
export async function invalidatePrivacyData(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.contacts }),
    queryClient.invalidateQueries({ queryKey: queryKeys.register }),
  ]);
}
