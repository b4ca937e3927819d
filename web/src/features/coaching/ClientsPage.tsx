import { useId } from 'react';
import { Link } from 'react-router';
import type { Client, GuideStat } from '../../../../src/core/coaching/clients.js';
import { FOLLOW_UP_DUE_DAYS } from '../../../../src/core/coaching/limits.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { ScrollRegion } from '../../shared/components/ScrollRegion.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { coachApi, coachKeys } from './api.js';
import '../../shared/styles/row-list.css';
import './coaching.css';

/**
 * /coach/clients (coaches): who is due a follow-up, what became of each researcher's ideas, and
 * which of the guide's questions draw out ideas that are kept and adopted.
 */
export function ClientsPage() {
  const clients = useApiQuery(coachKeys.clients, (signal) => coachApi.clients(signal));
  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Clients</h1>
        <p className="page-lede">
          The researchers who booked you, and what became of the ideas they took away.
        </p>
      </header>
      {clients.error ? (
        <ErrorNotice onRetry={() => void clients.reload()}>{clients.error}</ErrorNotice>
      ) : !clients.data ? (
        <LoadingCard lines={2} />
      ) : clients.data.length === 0 ? (
        <NoClients />
      ) : (
        <>
          <FollowUps clients={clients.data.filter((c) => c.followUpDue)} />
          <ClientTable clients={clients.data} />
          <GuideYield />
        </>
      )}
    </div>
  );
}

function NoClients() {
  return (
    <div className="card empty-card">
      <p className="empty-card__title">No clients yet.</p>
      <p className="meta-text">
        Everyone who books a conversation on your page appears here, with the ideas they accepted and whether
        they made them into plans.
      </p>
      <Link to="/coach/page" className="button empty-card__action">
        Open booking page settings
      </Link>
    </div>
  );
}

/** Researchers whose last conversation is a while back and who booked nothing since. */
function FollowUps({ clients }: { clients: Client[] }) {
  const id = useId();
  return (
    <section className="clients-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        Follow-ups due
      </h2>
      {clients.length === 0 ? (
        <p className="card empty-card meta-text">
          Nobody is due. A researcher is listed here {FOLLOW_UP_DUE_DAYS} days after their last conversation
          when they have booked no other.
        </p>
      ) : (
        <ul className="card row-list" aria-label="Follow-ups due">
          {clients.map((client) => (
            <li key={client.key} className="row-list__row follow-up-row">
              <div className="follow-up-row__text">
                <p className="follow-up-row__name">{client.name}</p>
                <p className="meta-text">
                  {client.email} · last talked{' '}
                  {client.lastConversation && <When iso={client.lastConversation} />}
                  {client.ideasAccepted > 0 &&
                    ` · ${client.ideasPlanned} of ${client.ideasAccepted} ${plural(client.ideasAccepted, 'idea')} planned`}
                </p>
              </div>
              <a
                className="button button--small"
                href={followUpMail(client)}
                aria-label={`Write to ${client.name}`}
              >
                Write
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClientTable({ clients }: { clients: Client[] }) {
  const id = useId();
  return (
    <section className="clients-section">
      <h2 id={id} className="section-title">
        All clients
      </h2>
      <ScrollRegion labelledBy={id}>
        <table className="stats-table clients-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Researcher</th>
              <th scope="col">Last</th>
              <th scope="col">Next</th>
              <th scope="col" className="num">
                Conversations
              </th>
              <th scope="col" className="num">
                <abbr title="Ideas accepted, of those made into plans, of those adopted">
                  Accepted → planned → adopted
                </abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.key}>
                <th scope="row">
                  <span className="clients-table__name">{client.name}</span>
                  <span className="meta-text clients-table__email">{client.email}</span>
                </th>
                <td>{client.lastConversation ? <When iso={client.lastConversation} /> : '—'}</td>
                <td>{client.nextConversation ? <When iso={client.nextConversation} /> : '—'}</td>
                <td className="num">
                  {client.past}
                  {client.upcoming > 0 && <span className="meta-text"> + {client.upcoming} booked</span>}
                </td>
                <td className="num">
                  {client.ideasAccepted} → {client.ideasPlanned} → {client.ideasAdopted}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The guide's questions by what they drew out; loads on its own so a slow count does not hold the clients. */
function GuideYield() {
  const id = useId();
  const stats = useApiQuery(coachKeys.guideStats, (signal) => coachApi.guideStats(signal));
  return (
    <section className="clients-section">
      <h2 id={id} className="section-title">
        Guide questions
      </h2>
      <p className="meta-text clients-section__lede">
        Counted over your conversations: how often each question was on screen, and the ideas proposed while
        it was.
      </p>
      {stats.error ? (
        <ErrorNotice onRetry={() => void stats.reload()}>{stats.error}</ErrorNotice>
      ) : !stats.data ? (
        <LoadingCard lines={2} />
      ) : stats.data.length === 0 ? (
        <p className="card empty-card meta-text">The guide has no questions.</p>
      ) : (
        <ScrollRegion labelledBy={id}>
          <table className="stats-table guide-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col" className="num">
                  Shown
                </th>
                <th scope="col" className="num">
                  Ideas
                </th>
                <th scope="col" className="num">
                  Accepted
                </th>
                <th scope="col" className="num">
                  Planned
                </th>
                <th scope="col" className="num">
                  Adopted
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.data.map((stat) => (
                <GuideRow key={stat.questionId} stat={stat} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function GuideRow({ stat }: { stat: GuideStat }) {
  return (
    <tr>
      <th scope="row">{stat.text}</th>
      <td className="num">{stat.shown}</td>
      <td className="num">{stat.ideas}</td>
      <td className="num">
        {stat.accepted}
        {stat.ideas > 0 && <span className="meta-text"> ({share(stat.accepted, stat.ideas)})</span>}
      </td>
      <td className="num">{stat.planned}</td>
      <td className="num">{stat.adopted}</td>
    </tr>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={fullTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

function followUpMail(client: Client): string {
  const subject = encodeURIComponent('Following up on our conversation');
  return `mailto:${client.email}?subject=${subject}`;
}

function share(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
