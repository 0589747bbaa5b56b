import type { IdentityMethod } from "../../bindings/IdentityMethod";
import type { Request } from "../../bindings/Request";
import type { RequestKind } from "../../bindings/RequestKind";
import type { Translate } from "../../i18n";

export const REQUEST_KINDS: readonly RequestKind[] = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
];

export const IDENTITY_METHODS: readonly IdentityMethod[] = [
  "customer-number",
  "recent-order",
  "id-document-bsn-masked",
  "known-email",
];

export function requestKindLabel(t: Translate, kind: RequestKind): string {
  return t(`requestKind.${kind}`);
}

export function identityMethodLabel(t: Translate, method: IdentityMethod): string {
  return t(`identityMethod.${method}`);
}

export type RequestStatus = "overdue" | "dueSoon" | "open" | "closed";

export function requestStatus(request: Request): RequestStatus {
  if (!request.open) return "closed";
  if (request.overdue) return "overdue";
  if (request.due_soon) return "dueSoon";
  return "open";
}

export const STATUS_COLORS: Record<RequestStatus, string> = {
  overdue: "red",
  dueSoon: "orange",
  open: "blue",
  closed: "gray",
};

export function requestStatusLabel(t: Translate, status: RequestStatus): string {
  return t(`requests.status.${status}`);
}

/** Access and portability requests are answered with the export wizard. */
export function answeredByExport(kind: RequestKind): boolean {
  return kind === "access" || kind === "portability";
}
