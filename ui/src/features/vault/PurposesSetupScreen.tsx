import {
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Basis } from "../../bindings/Basis";
import type { PurposeInput } from "../../bindings/PurposeInput";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { createPurpose, isIpcError } from "../../lib/ipc";
import { basisOptions } from "../register/labels";
import { usePurposeProposals } from "../register/queries";

type Choice = { proposal: PurposeInput; chosen: boolean; name: string; basis: Basis; created: boolean };

type Props = { onDone: () => void };

/**
 * First run, after the recovery key: which purposes the business uses client data for.
 * The proposals start ticked — these are the business's own choices, not anyone's consent.
 */
export function PurposesSetupScreen({ onDone }: Props) {
  const { t, language } = useI18n();
  const proposals = usePurposeProposals(language);

  return (
    <VaultLayout size={720}>
      <Stack gap="md">
        <PageTitle focusOnMount>{t("setupPurposes.title")}</PageTitle>
        <Text>{t("setupPurposes.intro")}</Text>
        {proposals.isPending && (
          <Center role="status" py="md">
            <Group gap="sm">
              <Loader size="sm" aria-hidden />
              <Text c="dimmed">{t("setupPurposes.loading")}</Text>
            </Group>
          </Center>
        )}
        {proposals.isError && (
          <>
            <ErrorAlert error={proposals.error} />
            <Group>
              <Button variant="default" onClick={onDone}>
                {t("setupPurposes.skip")}
              </Button>
            </Group>
          </>
        )}
        {proposals.data && <ProposalsForm key={language} proposals={proposals.data} onDone={onDone} />}
      </Stack>
    </VaultLayout>
  );
}

function ProposalsForm({ proposals, onDone }: { proposals: PurposeInput[]; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Choice[]>(() =>
    proposals.map((proposal) => ({
      proposal,
      chosen: true,
      name: proposal.name,
      basis: proposal.basis,
      created: false,
    })),
  );
  const [errors, setErrors] = useState<Record<number, string>>({});

  const update = (index: number, patch: Partial<Choice>) => {
    setChoices((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
    setErrors((e) => {
      if (!(index in e)) return e;
      const copy = { ...e };
      delete copy[index];
      return copy;
    });
  };

  // One by one, so a failure leaves the ones already stored marked and a retry skips them.
  const save = useMutation({
    mutationFn: async (list: Choice[]) => {
      for (const [index, choice] of list.entries()) {
        if (!choice.chosen || choice.created) continue;
        try {
          await createPurpose({ ...choice.proposal, name: choice.name.trim(), basis: choice.basis });
        } catch (error) {
          if (isIpcError(error, "invalid_input") && error.field === "name") {
            setErrors({ [index]: t("purposes.nameTaken") });
          }
          throw error;
        }
        setChoices((current) => current.map((c, i) => (i === index ? { ...c, created: true } : c)));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.register }),
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: Record<number, string> = {};
    const seen = new Map<string, number>();
    choices.forEach((choice, index) => {
      if (!choice.chosen) return;
      const name = choice.name.trim();
      if (name === "") {
        found[index] = t("purposes.nameRequired");
        return;
      }
      const key = name.toLocaleLowerCase();
      if (seen.has(key)) found[index] = t("setupPurposes.duplicate");
      else seen.set(key, index);
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(choices);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {choices.map((choice, index) => {
          const locked = !choice.chosen || choice.created || save.isPending;
          return (
            <Paper key={index} withBorder p="md" role="group" aria-label={choice.proposal.name}>
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Checkbox
                    label={choice.name.trim() === "" ? choice.proposal.name : choice.name}
                    description={choice.proposal.description}
                    checked={choice.chosen}
                    onChange={(event) => update(index, { chosen: event.currentTarget.checked })}
                    disabled={choice.created || save.isPending}
                    styles={{ label: { fontWeight: 600 } }}
                  />
                  {choice.proposal.direct_marketing && (
                    <Badge variant="light" color="grape" tt="none" fw={600} style={{ flexShrink: 0 }}>
                      {t("purposes.directMarketing")}
                    </Badge>
                  )}
                </Group>
                <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
                  <TextInput
                    label={t("setupPurposes.name")}
                    value={choice.name}
                    onChange={(event) => update(index, { name: event.currentTarget.value })}
                    error={errors[index]}
                    disabled={locked}
                    autoComplete="off"
                    miw={220}
                  />
                  <NativeSelect
                    label={t("setupPurposes.basis")}
                    aria-label={t("setupPurposes.basis")}
                    value={choice.basis}
                    onChange={(event) => update(index, { basis: event.currentTarget.value as Basis })}
                    data={basisOptions(t)}
                    disabled={locked}
                    miw={220}
                  />
                </Group>
              </Stack>
            </Paper>
          );
        })}
        {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t("setupPurposes.save")}
          </Button>
          <Button variant="default" size="md" onClick={onDone} disabled={save.isPending}>
            {t("setupPurposes.skip")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
