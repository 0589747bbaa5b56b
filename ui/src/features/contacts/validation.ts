// Client-side checks that mirror the core's, so most mistakes are caught before saving.

/** A plain e-mail address check, the same one the core applies. */
export function isEmail(value: string): boolean {
  const at = value.indexOf("@");
  if (at < 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split(".");
  const labelsOk =
    labels.length >= 2 &&
    labels.every(
      (label) =>
        label !== "" &&
        !label.startsWith("-") &&
        !label.endsWith("-") &&
        /^[\p{L}\p{N}-]+$/u.test(label),
    );
  return (
    local !== "" &&
    new TextEncoder().encode(local).length <= 64 &&
    !/\s/.test(local) &&
    !/[@<>(),;:"[\]]/.test(local) &&
    labelsOk
  );
}

/** 6 to 20 digits, and otherwise only spaces and + - ( ) . / (as the core checks). */
export function isPhone(value: string): boolean {
  const digits = value.match(/[0-9]/g)?.length ?? 0;
  return digits >= 6 && digits <= 20 && /^[0-9 +\-()./]+$/.test(value);
}

/** The core writes "emails: not a valid e-mail address"; next to the field the prefix is noise. */
export function stripFieldPrefix(message: string, field: string): string {
  const prefix = `${field}: `;
  const stripped = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}
