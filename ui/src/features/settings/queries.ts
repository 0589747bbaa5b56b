import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { getSettings } from "../../lib/ipc";

/** The settings; readable while the vault is locked. */
export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: getSettings });
}
