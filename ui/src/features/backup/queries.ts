import { useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { backupStatus } from "../../lib/ipc";

export function useBackupStatus() {
  return useQuery({ queryKey: queryKeys.backupStatus, queryFn: backupStatus });
}
