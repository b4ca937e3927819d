import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'react-router';
import { INBOX_SEARCH_KEY } from '../../shared/state.js';
import { IdeaPlans } from '../plans/IdeaPlans.js';
import { DeleteIdeaDialog } from './DeleteIdeaDialog.js';
import { IdeaCard } from './IdeaCard.js';
import { ideaKeys, useIdea } from './queries.js';
import './ideas.css';
import '../plans/plans-list.css';
import '../plans/plans-form.css';

/** /ideas/:id: one idea, edited in place, with its plans. */
export function IdeaPage({ id }: { id: string }) {
  const client = useQueryClient();
  const { idea, missing, error } = useIdea(id);
  const deleteDialog = useRef<HTMLDialogElement>(null);

  if (error) {
    return (
      <div className="page page--narrow">
        <BackLink />
        <div className="empty">
          <p className="empty__title">
            {missing ? 'This idea does not exist (any more).' : 'Could not load this idea.'}
          </p>
          <p className="empty__text">{missing ? 'It may have been deleted.' : error}</p>
          <Link to="/" className="button button--small">
            Back to inbox
          </Link>
        </div>
      </div>
    );
  }

  if (!idea) {
    return (
      <div className="page page--narrow" aria-busy="true">
        <BackLink />
        <div className="card idea-card">
          <span className="skeleton skeleton--title" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--short" />
        </div>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <BackLink />
      <h1 className="visually-hidden">Idea</h1>
      {/* Keyed: another idea starts with its own drafts and messages. */}
      <IdeaCard key={idea.id} idea={idea} onDelete={() => deleteDialog.current?.showModal()} />
      {/* A plan moves the idea's status: fetch the idea again after one changed. */}
      <IdeaPlans
        idea={idea}
        onChanged={() => void client.invalidateQueries({ queryKey: ideaKeys.detail(idea.id) })}
      />
      <DeleteIdeaDialog key={`delete-${idea.id}`} idea={idea} dialog={deleteDialog} />
    </div>
  );
}

function BackLink() {
  return (
    <Link to={`/${sessionStorage.getItem(INBOX_SEARCH_KEY) ?? ''}`} className="back-link">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M10 3 5 8l5 5" />
      </svg>
      Inbox
    </Link>
  );
}
