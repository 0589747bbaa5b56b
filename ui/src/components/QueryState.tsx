import { Center, Loader, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { useI18n } from "../i18n";
import { ErrorAlert } from "./ErrorAlert";

/** A small spinner announced as "loading" (role="status"); `dense`: without space around it. */
export function LoadingNote({ dense = false }: { dense?: boolean }) {
  const { t } = useI18n();
  return (
    <Center role="status" py={dense ? undefined : "md"}>
      <Loader size="sm" aria-label={t("app.loading")} />
    </Center>
  );
}

type Props<T> = {
  query: Pick<UseQueryResult<T>, "isPending" | "isError" | "error" | "data">;
  /**
   * Shown instead of `children` when the data is an empty list; a string is announced as a
   * status text, anything else is shown as it is. Without it, `children` also gets empty lists.
   */
  empty?: ReactNode;
  /** The spinner without space around it (where the data is a form, not a list). */
  dense?: boolean;
  /** What to show of the data, once there is some. */
  children: (data: T) => ReactNode;
};

/**
 * The states of one query, in the order the screens show them: a spinner while it loads, the
 * error when it failed, then the empty note or the data (an error on refetch keeps the data).
 */
export function QueryState<T>({ query, empty, dense, children }: Props<T>) {
  const { data } = query;
  const isEmpty = empty !== undefined && Array.isArray(data) && data.length === 0;
  return (
    <>
      {query.isPending && <LoadingNote dense={dense} />}
      {query.isError && <ErrorAlert error={query.error} />}
      {data !== undefined && isEmpty && (typeof empty === "string" ? <Text role="status">{empty}</Text> : empty)}
      {data !== undefined && !isEmpty && children(data)}
    </>
  );
}
