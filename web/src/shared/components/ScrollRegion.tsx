import type { ReactNode } from 'react';
import '../styles/stats.css';

/**
 * A wide table's card, scrolling sideways on a narrow screen. It takes the keyboard focus and a
 * name, so that someone without a pointer can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="card table-card" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
