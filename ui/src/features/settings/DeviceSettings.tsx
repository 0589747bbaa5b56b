import { Button, Group, Stack, Text } from "@mantine/core";
import { IconDeviceLaptop, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { VaultStatus } from "../../bindings/VaultStatus";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { forgetDevice, rememberDevice } from "../../lib/ipc";

export function DeviceSettings({ status }: { status: VaultStatus }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);

  const toggle = useMutation({
    mutationFn: (remember: boolean) => (remember ? rememberDevice() : forgetDevice()).then(() => remember),
    onSuccess: async (remembered) => {
      queryClient.setQueryData<VaultStatus>(queryKeys.vaultStatus, (old) =>
        old ? { ...old, remembered } : old,
      );
      setNotice(remembered ? t("settings.rememberDone") : t("settings.forgetDone"));
      await queryClient.invalidateQueries({ queryKey: queryKeys.vaultStatus });
    },
  });

  const run = (remember: boolean) => {
    setNotice(null);
    toggle.mutate(remember);
  };

  return (
    <Stack gap="md">
      <Text>{status.remembered ? t("settings.rememberedOn") : t("settings.rememberedOff")}</Text>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {notice && <StatusNote>{notice}</StatusNote>}
      <Group>
        {status.remembered ? (
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={18} aria-hidden />}
            loading={toggle.isPending}
            onClick={() => run(false)}
          >
            {t("settings.forget")}
          </Button>
        ) : (
          <Button
            variant="default"
            leftSection={<IconDeviceLaptop size={18} aria-hidden />}
            loading={toggle.isPending}
            onClick={() => run(true)}
          >
            {t("settings.remember")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
