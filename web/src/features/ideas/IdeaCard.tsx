import { useId } from 'react';
import { SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Idea } from '../../../../src/core/ideas.js';
import { StatusBadge } from '../../shared/components/Badges.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { IdeaDetails } from './IdeaDetails.js';
import { InlineEdit } from './InlineEdit.js';
import { StatusPanel } from './StatusPanel.js';

/** The idea itself, every part editable in place. */
export function IdeaCard({ idea, onDelete }: { idea: Idea; onDelete: () => void }) {
  const id = useId();
  return (
    <article className="card idea-card" aria-label="Idea">
      <div className="idea-card__top">
        <StatusBadge status={idea.status} />
        <span className="meta-text">
          {SOURCE_LABELS[idea.source]} ·{' '}
          <time dateTime={idea.createdAt} title={fullTime(idea.createdAt)}>
            captured {relativeTime(idea.createdAt)}
          </time>
        </span>
      </div>

      <InlineEdit idea={idea} field="text" id={`${id}-text`} className="idea-card__text">
        {({ textarea, error }) => (
          <>
            <label htmlFor={`${id}-text`} className="visually-hidden">
              Idea text
            </label>
            {textarea}
            {error}
            <p id={`${id}-text-hint`} className="hint">
              Click to edit. <kbd>Enter</kbd> saves, <kbd>Esc</kbd> undoes.
            </p>
          </>
        )}
      </InlineEdit>

      <StatusPanel idea={idea} />

      <IdeaDetails idea={idea} />

      <InlineEdit
        idea={idea}
        field="context"
        id={`${id}-context`}
        className="textarea"
        placeholder="e.g. reviewing a draft with my advisor"
      >
        {({ textarea, error }) => (
          <div className="field">
            <label htmlFor={`${id}-context`} className="field__label">
              Context <span className="field__optional">what you were working on</span>
            </label>
            {textarea}
            {error}
          </div>
        )}
      </InlineEdit>

      <footer className="idea-card__footer">
        <dl className="timestamps">
          <div>
            <dt>Captured</dt>
            <dd>{fullTime(idea.createdAt)}</dd>
          </div>
          <div>
            <dt>Status since</dt>
            <dd>{fullTime(idea.statusChangedAt)}</dd>
          </div>
          <div>
            <dt>Last edited</dt>
            <dd>{fullTime(idea.updatedAt)}</dd>
          </div>
        </dl>
        <button type="button" className="button button--small button--danger-quiet" onClick={onDelete}>
          Delete idea
        </button>
      </footer>
    </article>
  );
}
