import { Alert, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconUsers } from "@tabler/icons-react";
import { useEffect, useRef } from "react";

import type { LikelyDuplicate } from "../../bindings/LikelyDuplicate";
import { useI18n } from "../../i18n";
import { contactLine } from "./contactLine";

type Props = {
  matches: LikelyDuplicate[];
  onSave: () => void;
  onCancel: () => void;
  busy?: boolean;
};

/** Before a new contact is saved: the existing contacts it likely duplicates, and why. */
export function DuplicateWarning({ matches, onSave, onCancel, busy = false }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      color="yellow"
      icon={<IconUsers size={18} aria-hidden />}
      title={t("duplicates.title")}
    >
      <Stack gap="sm">
        <Text size="sm">{t("duplicates.intro")}</Text>
        <List size="sm" spacing={4}>
          {matches.map((m) => (
            <List.Item key={m.contact.id}>
              {contactLine(m.contact)} — {m.reasons.map((r) => t(`duplicates.reason.${r}`)).join(", ")}
            </List.Item>
          ))}
        </List>
        <Group>
          <Button onClick={onSave} loading={busy}>
            {t("duplicates.saveAnyway")}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t("duplicates.back")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
