import { useId } from 'react';
import type { GrantScope } from '../../../../src/core/team/grants.js';
import { BackLink, ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { GRANT_SCOPE_LABELS, GRANT_SCOPES, grantScopesText } from '../sharing/scopes.js';
import { AccessEnded } from './AccessEnded.js';
import { useSharedWithMe } from './queries.js';
import { researcherName } from './researcher-name.js';
import { SharedExperiments } from './SharedExperiments.js';
import { SharedIdeas } from './SharedIdeas.js';
import { SharedPlans } from './SharedPlans.js';
import { SharedSessions } from './SharedSessions.js';
import './shared-view.css';

type SectionProps = { researcherId: string; name: string };

const SECTIONS: Record<GrantScope, (props: SectionProps) => React.JSX.Element> = {
  ideas: SharedIdeas,
  plans: SharedPlans,
  sessions: SharedSessions,
  experiments: SharedExperiments,
};

/** /shared/:id (coaches): what one researcher shares with me, a section per scope, read only. */
export function SharedViewPage({ id }: { id: string }) {
  const ids = useId();
  const { data: grants, error, reload } = useSharedWithMe();
  const theirs = (grants ?? []).filter((grant) => grant.researcher.id === id);
  const name = researcherName(id, grants);
  const scopes = GRANT_SCOPES.filter((scope) => theirs.some((grant) => grant.scopes.includes(scope)));

  return (
    <div className="page shared-view">
      <BackLink to="/shared">Shared with me</BackLink>
      <header className="page-header">
        <p className="eyebrow">Shared with you · read only</p>
        <h1 className="page-title">{name}</h1>
        {theirs.length > 0 && (
          <p className="page-lede">
            {name} shares {theirs.map((grant) => grantScopesText(grant, true)).join('; ')} with you. You can
            read, not change anything; each time you open it, {name} sees it in their access log.
          </p>
        )}
      </header>
      {error ? (
        <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>
      ) : !grants ? (
        <LoadingCard lines={2} />
      ) : scopes.length === 0 ? (
        <AccessEnded name={name} />
      ) : (
        scopes.map((scope) => {
          const Section = SECTIONS[scope];
          return (
            <section key={scope} className="data-section" aria-labelledby={`${ids}-${scope}`}>
              <h2 id={`${ids}-${scope}`} className="section-title">
                {GRANT_SCOPE_LABELS[scope]}
              </h2>
              <Section researcherId={id} name={name} />
            </section>
          );
        })
      )}
    </div>
  );
}
