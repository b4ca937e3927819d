import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEvent, AuditKind, AuditPage as AuditPageData } from '../../../../src/core/team/account.js';
import { ROLE_LABELS, type Role } from '../../../../src/core/team/roles.js';
import { errorMessage, request, searchQuery } from '../../shared/api/client.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { TOKEN_SCOPE_LABELS } from '../../shared/token-scopes.js';
import './audit.css';

/** Each kind of event as the log says it; total over the core's kinds, so a new kind needs its words. */
const KIND_LABELS: Record<AuditKind, string> = {
  'organisation.created': 'Organisation created',
  'sign-in': 'Signed in',
  'sign-in.failed': 'Failed sign-in',
  'sign-out': 'Signed out',
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation withdrawn',
  'invitation.accepted': 'Invitation accepted',
  'member.roles-changed': 'Roles changed',
  'member.deactivated': 'Member deactivated',
  'member.reactivated': 'Member reactivated',
  'member.left': 'Left the organisation',
  'password.changed': 'Password changed',
  'password.reset': 'Password reset',
  'sessions.revoked': 'Signed out everywhere else',
  'token.created': 'Access token created',
  'token.revoked': 'Access token revoked',
  'grant.created': 'Shared with a coach',
  'grant.revoked': 'Sharing revoked',
};

const roleWords = (value: unknown) =>
  Array.isArray(value) ? value.map((role) => ROLE_LABELS[role as Role] ?? String(role)).join(', ') : '';

/** The event's particulars in words: who it was about and what changed. */
function details(event: AuditEvent): string {
  const { detail } = event;
  const parts: string[] = [];
  if (event.subject && event.subject.id !== event.actor?.id) parts.push(event.subject.name);
  if (typeof detail.email === 'string') parts.push(detail.email);
  if (typeof detail.name === 'string') parts.push(detail.name);
  if (event.kind === 'member.roles-changed')
    parts.push(`${roleWords(detail.from)} → ${roleWords(detail.to)}`);
  else if (Array.isArray(detail.roles)) parts.push(roleWords(detail.roles));
  if (event.kind === 'token.created' && (detail.scope === 'read' || detail.scope === 'read-write'))
    parts.push(TOKEN_SCOPE_LABELS[detail.scope].toLowerCase());
  if (typeof detail.sessionsEnded === 'number')
    parts.push(`${detail.sessionsEnded} session${detail.sessionsEnded === 1 ? '' : 's'} ended`);
  return parts.join(' · ');
}

const loadPage = (cursor: string | null, signal: AbortSignal) =>
  request<AuditPageData>(
    'GET',
    `/audit-events${searchQuery({ cursor: cursor ?? undefined })}`,
    undefined,
    signal,
  );

/** /audit (org admins): the organisation's security events, newest first, a page at a time. */
export function AuditPage() {
  const query = useInfiniteQuery({
    queryKey: ['audit-events'],
    queryFn: ({ pageParam, signal }) => loadPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const failed = query.error && (query.data === undefined || query.isFetchNextPageError);

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">Audit log</h1>
        <p className="page-lede">
          Sign-ins, invitations and changes to members, newest first. Kept for the organisation’s admins.
        </p>
      </header>
      {query.isPending && <LoadingCard lines={2} />}
      {events.length > 0 && (
        <ol className="card audit-list" aria-label="Audit events">
          {events.map((event) => (
            <li key={event.seq} className="audit-row">
              <span
                className={
                  event.kind === 'sign-in.failed'
                    ? 'audit-row__kind audit-row__kind--warn'
                    : 'audit-row__kind'
                }
              >
                {KIND_LABELS[event.kind] ?? event.kind}
              </span>
              <span className="audit-row__who">
                {event.actor?.name ?? (event.kind === 'sign-in.failed' ? 'Someone' : 'Whetstone')}
                {details(event) && <span className="audit-row__detail"> · {details(event)}</span>}
              </span>
              <span className="audit-row__meta meta-text">
                <time dateTime={event.createdAt} title={fullTime(event.createdAt)}>
                  {relativeTime(event.createdAt)}
                </time>
                {event.ipAddress && <> · {event.ipAddress}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {!query.isPending && !failed && events.length === 0 && (
        <div className="empty-card card">
          <p>Nothing logged yet.</p>
        </div>
      )}
      {failed && <ErrorNotice onRetry={() => void query.refetch()}>{errorMessage(query.error)}</ErrorNotice>}
      {query.hasNextPage && (
        <button
          type="button"
          className="button audit-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
