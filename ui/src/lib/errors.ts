import type { Translate } from "../i18n";
import { toIpcError } from "./ipc";

/** Plain-language, translated text for any error thrown by an IPC call. */
export function errorText(t: Translate, error: unknown): string {
  const { code } = toIpcError(error);
  return t(`error.${code}`);
}

export type FieldRef = { field: string; index: number | null };

/**
 * Splits a backend field name such as `emails`, `emails[1]` or `emails.1`
 * into the field and the position within a list field.
 */
export function parseField(field: string | null): FieldRef | null {
  if (!field) return null;
  const match = /^([A-Za-z_]+)(?:(?:\[(\d+)\])|(?:[./](\d+)))?$/.exec(field.trim());
  if (!match) return null;
  const index = match[2] ?? match[3];
  return { field: match[1] ?? field, index: index === undefined ? null : Number(index) };
}
