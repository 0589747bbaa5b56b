import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { complianceOverview } from "../../lib/ipc";

/** How often the overview is fetched again while a breach's 72-hour clock runs. */
export const CLOCK_REFRESH_MS = 30_000;

/** The compliance overview; fetched again every 30 s while an open breach's clock runs (the
 * core computes the clock, the screen only shows it). */
export function useOverview() {
  return useQuery({
    queryKey: queryKeys.overview,
    queryFn: complianceOverview,
    refetchInterval: (query) =>
      query.state.data?.breaches.some((b) => b.running) === true ? CLOCK_REFRESH_MS : false,
  });
}
