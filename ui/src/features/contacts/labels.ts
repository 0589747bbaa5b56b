import type { InteractionKind } from "../../bindings/InteractionKind";
import type { Relationship } from "../../bindings/Relationship";
import type { Translate } from "../../i18n";

export const RELATIONSHIPS: readonly Relationship[] = [
  "prospect",
  "client",
  "former-client",
  "supplier",
  "applicant",
];

export const INTERACTION_KINDS: readonly InteractionKind[] = ["call", "email", "meeting", "note"];

export function relationshipLabel(t: Translate, relationship: Relationship): string {
  return t(`relationship.${relationship}`);
}

export function kindLabel(t: Translate, kind: InteractionKind): string {
  return t(`kind.${kind}`);
}

/** Relationships that have ended or not started, and so carry an end date. */
export function hasEndDate(relationship: Relationship): boolean {
  return relationship === "former-client" || relationship === "applicant";
}

export const RELATIONSHIP_COLORS: Record<Relationship, string> = {
  prospect: "blue",
  client: "teal",
  "former-client": "gray",
  supplier: "grape",
  applicant: "orange",
};
