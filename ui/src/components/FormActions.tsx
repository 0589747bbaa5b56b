import { Button, Group } from "@mantine/core";

import { useI18n } from "../i18n";

type Props = { submitLabel: string; busy: boolean; onCancel: () => void };

/** The submit and cancel buttons of a form opened in place; both wait while it is saved. */
export function FormActions({ submitLabel, busy, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <Group gap="sm">
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
      <Button variant="default" onClick={onCancel} disabled={busy}>
        {t("common.cancel")}
      </Button>
    </Group>
  );
}
