import { Paper, Table, type TableProps } from "@mantine/core";
import { createContext, useContext, type ReactNode } from "react";

/** A column heading; `right` aligns it with right-aligned (number) cells. */
export type Column = string | { label: ReactNode; align: "right" };

type Props = Omit<TableProps, "children"> & {
  columns: Column[];
  /** The body rows (`Table.Tr`, or `DetailRow` under a row). */
  children: ReactNode;
};

const ColumnCount = createContext(1);

/** A bordered table that scrolls sideways when narrow, with one heading per column. */
export function DataTable({ columns, children, ...table }: Props) {
  return (
    <Paper withBorder style={{ overflowX: "auto" }}>
      <Table verticalSpacing="sm" horizontalSpacing="md" {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) =>
              typeof column === "string" ? (
                <Table.Th scope="col" key={index}>
                  {column}
                </Table.Th>
              ) : (
                <Table.Th scope="col" key={index} ta={column.align}>
                  {column.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <ColumnCount.Provider value={columns.length}>
          <Table.Tbody>{children}</Table.Tbody>
        </ColumnCount.Provider>
      </Table>
    </Paper>
  );
}

/** A full-width row under a table row, for the form or panel the row opened. */
export function DetailRow({ id, children }: { id?: string; children: ReactNode }) {
  const columns = useContext(ColumnCount);
  return (
    <Table.Tr id={id}>
      <Table.Td colSpan={columns} bg="gray.0">
        {children}
      </Table.Td>
    </Table.Tr>
  );
}
