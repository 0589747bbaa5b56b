import { useQuery, type QueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { getBreach, listBreaches } from "../../lib/ipc";

/** While an AP decision is open the clock runs: the core's clock is fetched again this often. */
export const CLOCK_REFRESH_MS = 30_000;

export function useBreaches() {
  return useQuery({
    queryKey: queryKeys.breaches,
    queryFn: listBreaches,
    refetchInterval: (query) =>
      (query.state.data ?? []).some((b) => b.deadline.running) ? CLOCK_REFRESH_MS : false,
  });
}

export function useBreach(id: number) {
  return useQuery({
    queryKey: queryKeys.breach(id),
    queryFn: () => getBreach(id),
    refetchInterval: (query) => (query.state.data?.deadline.running ? CLOCK_REFRESH_MS : false),
  });
}

/** After a change to a breach. */
export async function invalidateBreaches(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.breaches });
}
