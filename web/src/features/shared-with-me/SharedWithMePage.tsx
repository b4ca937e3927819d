import { Link } from 'react-router';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { grantScopesText } from '../sharing/scopes.js';
import { byResearcher, useSharedWithMe } from './queries.js';
import './shared-view.css';

/** /shared (coaches): the researchers who share with me now, and what. */
export function SharedWithMePage() {
  const { data: grants, error, reload } = useSharedWithMe();
  const people = byResearcher(grants ?? []);
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Shared with me</h1>
        <p className="page-lede">
          What researchers let you read to prepare a conversation: read only, for as long as they share it.
        </p>
      </header>
      {error ? (
        <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>
      ) : !grants ? (
        <LoadingCard lines={2} />
      ) : people.length === 0 ? (
        <div className="card empty-card">
          <p className="empty-card__title">Nobody shares anything with you yet.</p>
          <p className="meta-text">
            A researcher chooses you on their Sharing page, with what you may read (ideas, plans and practice,
            sessions, experiments) and until when. They are listed here then, and can stop at any time.
          </p>
        </div>
      ) : (
        <ul className="history-list" aria-label="Researchers who share with you">
          {people.map(({ researcher, grants: theirs }) => (
            <li key={researcher.id}>
              <Link to={`/shared/${researcher.id}`} className="card history-row__link">
                <span className="history-row__title">{researcher.name}</span>
                {theirs.map((grant) => (
                  <span key={grant.id} className="meta-text">
                    {grantScopesText(grant)}
                  </span>
                ))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
