import { Link } from 'react-router';

/** Any path the route table does not know. */
export function NotFoundPage() {
  return (
    <div className="page page--narrow">
      <div className="empty">
        <h1 className="empty__title">Nothing here.</h1>
        <p className="empty__text">This page does not exist.</p>
        <Link to="/" className="button button--small">
          Go to the inbox
        </Link>
      </div>
    </div>
  );
}
