import { Anchor, Table } from "@mantine/core";
import type { ReactNode } from "react";

import type { ContactFlag } from "../../bindings/ContactFlag";
import { RowCheckbox, type Selection } from "../../components/BulkActions";
import { DataTable } from "../../components/DataTable";
import { useI18n } from "../../i18n";

type Column = { header: string; cell: (flag: ContactFlag) => ReactNode };

type Props = {
  nameHeader: string;
  flags: ContactFlag[];
  columns: Column[];
  onOpenContact: (id: number) => void;
  /** With a selection: a labelled checkbox per row, for the bulk actions. */
  selection?: Selection;
  rowKey?: (flag: ContactFlag) => string;
};

/** Contacts waiting in a list; the name opens the contact. */
export function FlagTable({ nameHeader, flags, columns, onOpenContact, selection, rowKey }: Props) {
  const { t } = useI18n();
  const headers = [nameHeader, ...columns.map((column) => column.header)];
  return (
    <DataTable highlightOnHover columns={selection ? [t("bulk.col.select"), ...headers] : headers}>
      {flags.map((flag, index) => (
        <Table.Tr key={`${flag.contact_id}-${flag.purpose ?? ""}-${index}`}>
          {selection && rowKey && (
            <Table.Td w={48}>
              <RowCheckbox name={flag.name} selection={selection} rowKey={rowKey(flag)} />
            </Table.Td>
          )}
          <Table.Td>
            <Anchor
              component="button"
              type="button"
              fw={600}
              ta="left"
              style={{ overflowWrap: "break-word" }}
              onClick={() => onOpenContact(flag.contact_id)}
            >
              {flag.name}
            </Anchor>
          </Table.Td>
          {columns.map((column) => (
            <Table.Td key={column.header} style={{ overflowWrap: "break-word" }}>
              {column.cell(flag)}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
