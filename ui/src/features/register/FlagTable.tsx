import { Anchor, Table } from "@mantine/core";
import type { ReactNode } from "react";

import type { ContactFlag } from "../../bindings/ContactFlag";
import { DataTable } from "../../components/DataTable";

type Column = { header: string; cell: (flag: ContactFlag) => ReactNode };

type Props = {
  nameHeader: string;
  flags: ContactFlag[];
  columns: Column[];
  onOpenContact: (id: number) => void;
};

/** Contacts waiting in a list; the name opens the contact. */
export function FlagTable({ nameHeader, flags, columns, onOpenContact }: Props) {
  return (
    <DataTable highlightOnHover columns={[nameHeader, ...columns.map((column) => column.header)]}>
      {flags.map((flag, index) => (
        <Table.Tr key={`${flag.contact_id}-${flag.purpose ?? ""}-${index}`}>
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
