import { Button, Checkbox, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import type { AddressBookFormat } from "../../bindings/AddressBookFormat";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { exportAddressBook } from "../../lib/ipc";

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The contact list's search, for "only what the search finds". */
  search: string;
};

/**
 * Leaving Kluis, or moving to a phone: the address book as vCard or CSV, every contact or the
 * current search's, restricted contacts only when ticked. The backend asks where to save.
 */
export function AddressBookExport({ opened, onClose, search }: Props) {
  const { t } = useI18n();
  const [format, setFormat] = useState<AddressBookFormat>("vcard");
  const [which, setWhich] = useState<"all" | "search">("all");
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const query = search.trim();
  const scoped = which === "search" && query !== "";
  const saving = useMutation({
    mutationFn: () => exportAddressBook(format, scoped ? query : null, includeRestricted),
  });
  const close = () => {
    saving.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("addressExport.title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Radio.Group label={t("addressExport.format")} value={format} onChange={(v) => setFormat(v as AddressBookFormat)}>
          <Stack gap={6} mt="xs">
            <Radio value="vcard" label={t("addressExport.vcard")} aria-label={t("addressExport.vcard")} />
            <Radio value="csv" label={t("addressExport.csv")} aria-label={t("addressExport.csv")} />
          </Stack>
        </Radio.Group>
        <Radio.Group label={t("addressExport.which")} value={scoped ? "search" : "all"} onChange={(v) => setWhich(v as "all" | "search")}>
          <Stack gap={6} mt="xs">
            <Radio value="all" label={t("addressExport.all")} aria-label={t("addressExport.all")} />
            <Radio
              value="search"
              disabled={query === ""}
              label={query === "" ? t("addressExport.searchNone") : t("addressExport.search", { query })}
              aria-label={query === "" ? t("addressExport.searchNone") : t("addressExport.search", { query })}
            />
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t("addressExport.includeRestricted")}
          aria-label={t("addressExport.includeRestricted")}
          description={t("addressExport.includeRestrictedHelp")}
          checked={includeRestricted}
          onChange={(e) => setIncludeRestricted(e.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t("addressExport.note")}
        </Text>
        {saving.isError && <ErrorAlert error={saving.error} />}
        {saving.data !== undefined && saving.data !== null && (
          <StatusNote>{t("addressExport.done", { n: saving.data })}</StatusNote>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.close")}
          </Button>
          <Button leftSection={<IconFileExport size={18} aria-hidden />} loading={saving.isPending} onClick={() => saving.mutate()}>
            {t("addressExport.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
