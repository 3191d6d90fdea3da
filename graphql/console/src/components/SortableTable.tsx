// A table whose columns sort on click or by keyboard (Enter on a focused header),
// from react-aria-components, which KERN UX lacks: it brings the grid's keyboard
// navigation and the `aria-sort` announcements. Styled with KERN's table classes.
// Sorting happens here, on the rows the page already has.
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Cell, Column, I18nProvider, Row, type SortDescriptor, Table, TableBody, TableHeader } from "react-aria-components";

export type SortColumn<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: T) => string | number;
  numeric?: boolean;
  rowHeader?: boolean;
};

export function SortableTable<T>(props: {
  label: string;
  columns: SortColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initial: SortDescriptor;
}) {
  const { i18n } = useTranslation();
  const [sort, setSort] = useState<SortDescriptor>(props.initial);
  const sorted = useMemo(() => {
    const col = props.columns.find((c) => c.id === sort.column);
    if (!col?.sortValue) return props.rows;
    const value = col.sortValue;
    const collator = new Intl.Collator(i18n.language, { numeric: true });
    const out = [...props.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return sort.direction === "descending" ? -c : c;
    });
    return out;
  }, [props.rows, props.columns, sort, i18n.language]);
  const num = (c: SortColumn<T>) => (c.numeric ? " kern-table__cell--numeric" : "");
  return (
    <I18nProvider locale={i18n.language === "en" ? "en-GB" : "de-DE"}>
      <div className="ww-table-wrap">
        <Table aria-label={props.label} className="kern-table kern-table--striped" sortDescriptor={sort} onSortChange={setSort}>
          <TableHeader className="kern-table__head">
            {props.columns.map((c) => (
              <Column
                key={c.id}
                id={c.id}
                isRowHeader={c.rowHeader}
                allowsSorting={c.sortValue !== undefined}
                className={`kern-table__header ww-sortable${c.numeric ? " kern-table__header--numeric" : ""}`}
              >
                {({ sortDirection }) => (
                  <>
                    {c.header}
                    {c.sortValue && (
                      <span aria-hidden="true" className="ww-sort">
                        {sortDirection === "ascending" ? " ▲" : sortDirection === "descending" ? " ▼" : " ↕"}
                      </span>
                    )}
                  </>
                )}
              </Column>
            ))}
          </TableHeader>
          <TableBody className="kern-table__body">
            {sorted.map((r) => (
              <Row key={props.rowKey(r)} id={props.rowKey(r)} className="kern-table__row">
                {props.columns.map((c) => (
                  <Cell key={c.id} className={`kern-table__cell${num(c)}`}>
                    {c.cell(r)}
                  </Cell>
                ))}
              </Row>
            ))}
          </TableBody>
        </Table>
      </div>
    </I18nProvider>
  );
}
