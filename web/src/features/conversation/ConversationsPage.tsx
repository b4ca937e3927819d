import { useId } from 'react';
import { Link } from 'react-router';
import type { ConversationSummary } from '../../../../src/core/coaching/conversation.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { conversationApi, conversationKeys } from './api.js';
import { timeRange } from './when.js';
import './conversation.css';

/** /conversations: one's debugging conversations, as coach or as researcher; upcoming first. */
export function ConversationsPage() {
  const id = useId();
  const list = useApiQuery(conversationKeys.list, (signal) => conversationApi.list(signal));
  const now = Date.now();
  const isPast = (c: ConversationSummary) => c.endedAt !== null || Date.parse(c.end) < now;
  const upcoming = (list.data ?? []).filter((c) => !isPast(c)).sort((a, b) => a.start.localeCompare(b.start));
  const past = (list.data ?? []).filter(isPast).sort((a, b) => b.start.localeCompare(a.start));

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Conversations</h1>
        <p className="page-lede">
          Your debugging conversations. Open one to follow the guide, write notes together and take ideas
          away.
        </p>
      </header>
      {list.error ? (
        <ErrorNotice onRetry={() => void list.reload()}>{list.error}</ErrorNotice>
      ) : !list.data ? (
        <LoadingCard lines={2} />
      ) : list.data.length === 0 ? (
        <div className="card empty-card">
          <p className="empty-card__title">No conversation yet.</p>
          <p className="meta-text">
            A conversation booked with a coach — or with you, as coach — appears here.
          </p>
        </div>
      ) : (
        [
          { key: 'upcoming', title: 'Upcoming', items: upcoming },
          { key: 'past', title: 'Past', items: past },
        ]
          .filter((group) => group.items.length > 0)
          .map((group) => (
            <section key={group.key} className="data-section" aria-labelledby={`${id}-${group.key}`}>
              <h2 id={`${id}-${group.key}`} className="section-title">
                {group.title}
              </h2>
              <ul className="conversation-list" aria-label={`${group.title} conversations`}>
                {group.items.map((c) => (
                  <ConversationRow key={c.bookingId} conversation={c} />
                ))}
              </ul>
            </section>
          ))
      )}
    </div>
  );
}

function ConversationRow({ conversation: c }: { conversation: ConversationSummary }) {
  return (
    <li className="conversation-row card">
      <Link to={`/conversations/${c.bookingId}`} className="conversation-row__link">
        {c.type.title} with {c.with}
      </Link>
      <span className="conversation-row__meta">
        <span>{timeRange(c.start, c.end)}</span>
        <span className="tag">{c.role === 'coach' ? 'As coach' : 'As researcher'}</span>
        {c.ideasAccepted > 0 && (
          <span>
            {c.ideasAccepted} {c.ideasAccepted === 1 ? 'idea' : 'ideas'} accepted
          </span>
        )}
      </span>
    </li>
  );
}
