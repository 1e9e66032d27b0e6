import type { ReactNode } from 'react';

/** A wide table scrolls sideways on a phone; the region is focusable so a keyboard can scroll it. */
export function ScrollRegion(props: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="scroll-region" role="group" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
