import { useQuery, type QueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import type { Language } from "../../bindings/Language";
import { listFields, listPurposes, purposeProposals, repermissionList, triageList } from "../../lib/ipc";

export function usePurposes() {
  return useQuery({ queryKey: queryKeys.purposes, queryFn: listPurposes });
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
