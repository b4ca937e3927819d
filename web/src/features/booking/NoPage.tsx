import type { ReactNode } from 'react';

/** A public address that leads nowhere: what happened, in words, and what to do. */
export function NoPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page page--narrow booking">
      <header className="page-header">
        <p className="eyebrow">Whetstone</p>
        <h1 className="page-title">{title}</h1>
        <p className="page-lede">{children}</p>
      </header>
    </div>
  );
}
