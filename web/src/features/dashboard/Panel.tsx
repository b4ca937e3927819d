import { type ReactNode, useId } from 'react';
import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { dashboardApi } from './api.js';

/** A section of the dashboard: a heading, a link to the same numbers as JSON, the content. */
export function Panel({
  title,
  jsonKey,
  className,
  children,
}: {
  title: string;
  jsonKey: keyof Dashboard;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`dash-panel ${className ?? ''}`} aria-labelledby={id}>
      <div className="dash-panel__head">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        <a
          href={dashboardApi.dashboardUrl}
          className="json-link"
          title={`The "${jsonKey}" field of ${dashboardApi.dashboardUrl}`}
          aria-label={`${title} as JSON`}
        >
          JSON
        </a>
      </div>
      {children}
    </section>
  );
}
