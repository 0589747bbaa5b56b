import { Box, Progress, Text } from "@mantine/core";

import type { Strength } from "../bindings/Strength";
import { useI18n, type MessageKey } from "../i18n";

const COLORS = ["red", "orange", "yellow", "teal", "green"] as const;

function clampScore(score: number): 0 | 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(0, Math.round(score))) as 0 | 1 | 2 | 3 | 4;
}

type Props = { passphrase: string; strength: Strength | null; pending: boolean };

/** Shows the backend's verdict on a new passphrase: a bar and words. */
export function StrengthMeter({ passphrase, strength, pending }: Props) {
  const { t } = useI18n();
  const score = strength ? clampScore(strength.score) : null;
  const scoreKey = score === null ? null : (`strength.score.${score}` as MessageKey);

  let text = "";
  if (passphrase !== "" && pending && !strength) text = t("strength.checking");
  if (strength && scoreKey) {
    const verdict = strength.acceptable ? t("strength.ok") : t("strength.tooWeak");
    text = `${t("strength.label")}: ${t(scoreKey).toLowerCase()}. ${verdict}`;
  }

  return (
    <Box>
      <Progress
        aria-hidden
        size="sm"
        value={score === null ? 0 : (score + 1) * 20}
        color={score === null ? "gray" : COLORS[score]}
        transitionDuration={150}
      />
      <Text size="sm" c="dimmed" mt={4} aria-live="polite" mih="1.4em">
        {text}
      </Text>
    </Box>
  );
}
