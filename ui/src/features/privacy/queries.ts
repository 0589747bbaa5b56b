import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { contactPrivacy } from "../../lib/ipc";

/**
 * The Privacy tab's data. With `reveal`, special-category values come along (the backend
 * audits that read); they are dropped from the cache as soon as nothing shows them.
 */
export function useContactPrivacy(id: number, reveal: boolean) {
  return useQuery({
    queryKey: queryKeys.contactPrivacy(id, reveal),
    queryFn: () => contactPrivacy(id, reveal),
    placeholderData: keepPreviousData,
    ...(reveal ? { gcTime: 0 } : {}),
  });
}
