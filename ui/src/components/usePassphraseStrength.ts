import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";

import type { Strength } from "../bindings/Strength";
import { passphraseStrength } from "../lib/ipc";

export const STRENGTH_DEBOUNCE_MS = 250;

type Result = { passphrase: string; strength: Strength | null };

/**
 * Asks the backend how strong a passphrase is, debounced. The result is kept
 * in component state only (never in the query cache).
 */
export function usePassphraseStrength(passphrase: string) {
  const [debounced] = useDebouncedValue(passphrase, STRENGTH_DEBOUNCE_MS);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (debounced === "") return;
    let cancelled = false;
    passphraseStrength(debounced).then(
      (strength) => {
        if (!cancelled) setResult({ passphrase: debounced, strength });
      },
      () => {
        if (!cancelled) setResult({ passphrase: debounced, strength: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [debounced]);

  const current = result !== null && result.passphrase === passphrase;
  return {
    /** Strength of exactly the current passphrase, or null while unknown. */
    strength: current ? result.strength : null,
    pending: passphrase !== "" && !current,
  };
}
