import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Controller } from "../../bindings/Controller";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { isIpcError, setController } from "../../lib/ipc";
import { useController } from "../requests/queries";

const MAX = 500;
const KVK = /^\d{8}$/;

/** The business details printed on documents (the controller, in GDPR terms). */
export function ControllerSettings() {
  const { t } = useI18n();
  const controller = useController();
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("controller.intro")}
      </Text>
      <QueryState query={controller} dense>
        {(initial) => <ControllerForm initial={initial} />}
      </QueryState>
    </Stack>
  );
}

type Errors = Partial<Record<keyof Controller, string>>;

function ControllerForm({ initial }: { initial: Controller }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Controller>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (next: Controller) => setController(next).then(() => next),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.controller, next);
      setSaved(true);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      // The backend checks one detail at a time and names it `value`; only the KvK number has a format.
      if (error.field === "kvk" || /kvk/i.test(error.message)) setErrors({ kvk: t("controller.kvkInvalid") });
    },
  });

  const change = (key: keyof Controller) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const next: Controller = {
      name: values.name.trim(),
      address: values.address.trim(),
      kvk: values.kvk.replace(/\s/g, ""),
      privacy_contact: values.privacy_contact.trim(),
    };
    const problems: Errors = {};
    for (const key of ["name", "address", "privacy_contact"] as const) {
      if (next[key].length > MAX) problems[key] = t("controller.tooLong");
    }
    if (next.kvk !== "" && !KVK.test(next.kvk)) problems.kvk = t("controller.kvkInvalid");
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    save.reset();
    save.mutate(next);
  };

  const atField = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={480}>
        <TextInput
          label={t("controller.name")}
          value={values.name}
          onChange={(event) => change("name")(event.currentTarget.value)}
          error={errors.name}
          autoComplete="organization"
          maxLength={MAX}
        />
        <Textarea
          label={t("controller.address")}
          value={values.address}
          onChange={(event) => change("address")(event.currentTarget.value)}
          error={errors.address}
          autoComplete="street-address"
          autosize
          minRows={3}
          maxLength={MAX}
        />
        <TextInput
          label={t("controller.kvk")}
          description={t("controller.kvkHelp")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={values.kvk}
          onChange={(event) => change("kvk")(event.currentTarget.value)}
          error={errors.kvk}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          maw={220}
        />
        <TextInput
          label={t("controller.privacyContact")}
          description={t("controller.privacyContactHelp")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={values.privacy_contact}
          onChange={(event) => change("privacy_contact")(event.currentTarget.value)}
          error={errors.privacy_contact}
          autoComplete="off"
          maxLength={MAX}
        />
        {save.isError && !atField && <ErrorAlert error={save.error} />}
        {saved && <StatusNote>{t("controller.saved")}</StatusNote>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("controller.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
