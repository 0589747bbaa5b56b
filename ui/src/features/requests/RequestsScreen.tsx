import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";

import type { Request } from "../../bindings/Request";
import { DataTable, DetailRow } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { PageTitle } from "../../components/PageTitle";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { requestKindLabel, requestStatus, requestStatusLabel, STATUS_COLORS } from "./labels";
import { NewRequestForm } from "./NewRequestForm";
import { useContactNames, useRequests } from "./queries";
import { RequestPanel } from "./RequestPanel";

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
          {names.isError && <ErrorAlert error={names.error} />}
          <QueryState query={requests} empty={t("requests.empty")}>
            {(list) => (
              <DataTable
                aria-labelledby="requests-heading"
                columns={[
                  t("requests.col.contact"),
                  t("requests.col.kind"),
                  t("requests.col.received"),
                  t("requests.col.due"),
                  t("requests.col.status"),
                  t("requests.col.actions"),
                ]}
              >
                {list.map((request) => {
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
                        <DetailRow id={panelId}>
                          <RequestPanel
                            request={request}
                            name={name}
                            rowName={rowName}
                            onOpenContact={onOpenContact}
                            onPrepareAccess={onPrepareAccess}
                          />
                        </DetailRow>
                      )}
                    </Fragment>
                  );
                })}
              </DataTable>
            )}
          </QueryState>
        </Stack>
      </TitledSection>
    </Stack>
  );
}
