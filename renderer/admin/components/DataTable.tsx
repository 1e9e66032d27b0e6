import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion.js';

/** A table with column headers, scrolling sideways on a phone; the rows are the children. */
export function DataTable(props: { readonly label: string; readonly columns: readonly string[]; readonly className?: string; readonly children: ReactNode }) {
  return (
    <ScrollRegion label={props.label}>
      <table {...(props.className ? { className: props.className } : {})}>
        <thead>
          <tr>
            {props.columns.map((column) => <th scope="col" key={column}>{column}</th>)}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </ScrollRegion>
  );
}
