import { useQuery, type QueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import type { Language } from "../../bindings/Language";
import { deletionLog, purgePlan, retentionPolicy, retentionRules, reviewQueue } from "../../lib/ipc";

export function useRetentionRules(language: Language) {
  return useQuery({ queryKey: queryKeys.retentionRules(language), queryFn: () => retentionRules(language) });
}

export function usePurgePlan() {
  return useQuery({ queryKey: queryKeys.purgePlan, queryFn: purgePlan });
}

export function useReviewQueue() {
  return useQuery({ queryKey: queryKeys.reviewQueue, queryFn: reviewQueue });
}

export function useDeletionLog() {
  return useQuery({ queryKey: queryKeys.deletionLog, queryFn: deletionLog });
}

export function useRetentionPolicy(language: Language) {
  return useQuery({ queryKey: queryKeys.retentionPolicy(language), queryFn: () => retentionPolicy(language) });
}

/** After something was deleted (or kept): the retention lists and every contact view. */
export async function invalidateAfterDeletion(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.retention }),
    queryClient.invalidateQueries({ queryKey: queryKeys.contacts }),
    queryClient.invalidateQueries({ queryKey: queryKeys.register }),
  ]);
}
