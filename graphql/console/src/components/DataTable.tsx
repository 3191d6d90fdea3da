// One table for every list in the console: KERN's table styles, a caption for
// screen readers (or shown), column headers with scope, numbers right-aligned.
import type { ReactNode } from "react";

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** The row's header cell (a name or reference); one per table. */
  rowHeader?: boolean;
};

export function DataTable<T>(props: {
  caption: string;
  captionVisible?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  const num = (c: Column<T>) => (c.numeric ? " kern-table__cell--numeric" : "");
  return (
    <div className="ww-table-wrap">
      <table className="kern-table kern-table--striped">
        <caption className={props.captionVisible ? "kern-title ww-caption" : "kern-sr-only"}>{props.caption}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            {props.columns.map((c, i) => (
              <th key={i} scope="col" className={`kern-table__header${c.numeric ? " kern-table__header--numeric" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {props.rows.map((r) => (
            <tr key={props.rowKey(r)} className="kern-table__row">
              {props.columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={`kern-table__cell${num(c)}`}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={i} className={`kern-table__cell${num(c)}`}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
