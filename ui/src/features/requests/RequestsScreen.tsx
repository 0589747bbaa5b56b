import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";

import type { Request } from "../../bindings/Request";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { requestKindLabel, requestStatus, requestStatusLabel, STATUS_COLORS } from "./labels";
import { NewRequestForm } from "./NewRequestForm";
import { useContactNames, useRequests } from "./queries";
import { RequestPanel } from "./RequestPanel";

const COLUMNS = 6;

type Props = {
  onOpenContact: (id: number) => void;
  /** Opens the access and export wizard for the request's contact. */
  onPrepareAccess: (request: Request, name: string) => void;
};

/** Data-subject requests: the list with deadlines and status, and a form for a new one. */
export function RequestsScreen({ onOpenContact, onPrepareAccess }: Props) {
  const { t, locale } = useI18n();
  const requests = useRequests();
  const names = useContactNames();
  const [expanded, setExpanded] = useState<number | null>(null);

  const nameOf = (request: Request): string | null => {
    if (request.contact_id === null) return null;
    return names.data?.get(request.contact_id) ?? t("requests.unknownContact", { id: request.contact_id });
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle focusOnMount>{t("requests.title")}</PageTitle>
        <Text c="dimmed">{t("requests.intro")}</Text>
      </Stack>

      <TitledSection id="new-request-heading" title={t("newRequest.heading")}>
        <NewRequestForm />
      </TitledSection>

      <TitledSection id="requests-heading" title={t("requests.listHeading")}>
        <Stack gap="md">
          {requests.isPending && (
            <Center role="status" py="md">
              <Loader size="sm" aria-label={t("app.loading")} />
            </Center>
          )}
          {requests.isError && <ErrorAlert error={requests.error} />}
          {names.isError && <ErrorAlert error={names.error} />}
          {requests.data && requests.data.length === 0 && <Text role="status">{t("requests.empty")}</Text>}
          {requests.data && requests.data.length > 0 && (
            <Paper withBorder style={{ overflowX: "auto" }}>
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-labelledby="requests-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("requests.col.contact")}</Table.Th>
                    <Table.Th scope="col">{t("requests.col.kind")}</Table.Th>
                    <Table.Th scope="col">{t("requests.col.received")}</Table.Th>
                    <Table.Th scope="col">{t("requests.col.due")}</Table.Th>
                    <Table.Th scope="col">{t("requests.col.status")}</Table.Th>
                    <Table.Th scope="col">{t("requests.col.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.data.map((request) => {
                    const name = nameOf(request);
                    const kind = requestKindLabel(t, request.kind);
                    const rowName = t("requests.rowName", { name: name ?? t("requests.erased"), kind });
                    const status = requestStatus(request);
                    const open = expanded === request.id;
                    const panelId = `request-${request.id}-panel`;
                    const contactId = request.contact_id;
                    return (
                      <Fragment key={request.id}>
                        <Table.Tr>
                          <Table.Td miw={160}>
                            {contactId === null || name === null ? (
                              <Text fs="italic" c="dimmed">
                                {t("requests.erased")}
                              </Text>
                            ) : (
                              <Anchor
                                component="button"
                                type="button"
                                fw={600}
                                ta="left"
                                style={{ overflowWrap: "anywhere" }}
                                onClick={() => onOpenContact(contactId)}
                              >
                                {name}
                              </Anchor>
                            )}
                          </Table.Td>
                          <Table.Td>{kind}</Table.Td>
                          <Table.Td miw={120}>
                            <time dateTime={request.received}>{formatDate(locale, request.received)}</time>
                          </Table.Td>
                          <Table.Td miw={150}>
                            <Group gap={6} wrap="nowrap">
                              <time dateTime={request.due}>{formatDate(locale, request.due)}</time>
                              {request.extended && (
                                <Badge variant="outline" color="gray" tt="none" fw={500} miw="max-content">
                                  {t("requests.extended")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={STATUS_COLORS[status]} tt="none" fw={600} miw="max-content">
                              {requestStatusLabel(t, status)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="default"
                              leftSection={
                                open ? (
                                  <IconChevronDown size={14} aria-hidden />
                                ) : (
                                  <IconChevronRight size={14} aria-hidden />
                                )
                              }
                              aria-label={t("requests.handleLabel", { row: rowName })}
                              aria-expanded={open}
                              aria-controls={open ? panelId : undefined}
                              onClick={() => setExpanded(open ? null : request.id)}
                            >
                              {t("requests.handle")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {open && (
                          <Table.Tr id={panelId}>
                            <Table.Td colSpan={COLUMNS} bg="gray.0">
                              <RequestPanel
                                request={request}
                                name={name}
                                rowName={rowName}
                                onOpenContact={onOpenContact}
                                onPrepareAccess={onPrepareAccess}
                              />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </TitledSection>
    </Stack>
  );
}
