// Copies of secrets and personal data are wiped from the clipboard after a while.

export const CLIPBOARD_CLEAR_MS = 30_000;

let pendingClear: ReturnType<typeof setTimeout> | null = null;

async function writeClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Clears the clipboard now if a sensitive copy is still pending removal. */
export async function clearSensitiveClipboard(): Promise<void> {
  if (pendingClear === null) return;
  clearTimeout(pendingClear);
  pendingClear = null;
  try {
    await writeClipboard("");
  } catch {
    // Nothing more we can do; the clipboard is not reachable.
  }
}

/** Copies `text` and clears the clipboard again after `clearAfterMs`. */
export async function copySensitive(text: string, clearAfterMs = CLIPBOARD_CLEAR_MS): Promise<void> {
  await writeClipboard(text);
  if (pendingClear !== null) clearTimeout(pendingClear);
  pendingClear = setTimeout(() => {
    pendingClear = null;
    writeClipboard("").catch(() => undefined);
  }, clearAfterMs);
}
