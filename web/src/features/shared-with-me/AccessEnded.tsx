import { Link } from 'react-router';

/** What a coach sees once a researcher stops sharing (revoked, expired, or gone): no error, a fact. */
export function AccessEnded({ name, what = 'this' }: { name: string; what?: string }) {
  return (
    <div className="card empty-card shared-ended" role="status">
      <p className="empty-card__title">
        {name} no longer shares {what} with you.
      </p>
      <p className="meta-text">
        The access ended: they revoked it, or its end date passed. What they still share is under{' '}
        <Link to="/shared">Shared with me</Link>.
      </p>
    </div>
  );
}
