import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { vaultStatus } from "../../lib/ipc";

export function useVaultStatus() {
  return useQuery({ queryKey: queryKeys.vaultStatus, queryFn: vaultStatus });
}
