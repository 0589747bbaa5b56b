import type { ContactSummary } from "../../bindings/ContactSummary";

/**
 * A contact on one line with what tells namesakes apart: name, e-mail address, organisation and
 * a short id ("Finn Smit · finn@bouw.nl · Bouw BV · #12").
 */
export function contactLine(c: Pick<ContactSummary, "id" | "name" | "email" | "organisation">): string {
  return [c.name, c.email, c.organisation, `#${c.id}`].filter((part) => part !== null && part !== "").join(" · ");
}
