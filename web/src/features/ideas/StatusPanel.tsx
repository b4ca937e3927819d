import { useId } from 'react';
import { allowedTransitions } from '../../../../src/core/idea-vocabulary.js';
import type { Idea } from '../../../../src/core/ideas.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { STATUS_HELP, TRANSITION_STYLE, transitionKind, transitionLabel } from './labels.js';
import { useIdeaUpdate } from './use-idea-update.js';

/** The idea's status, what it means, and a button for each change the lifecycle allows. */
export function StatusPanel({ idea }: { idea: Idea }) {
  const id = useId();
  const status = useIdeaUpdate(idea);
  const error = status.message('status');
  return (
    <section className="status-panel" aria-labelledby={`${id}-heading`}>
      <div>
        <h2 id={`${id}-heading`} className="field__label">
          Status: {STATUS_LABELS[idea.status]}
        </h2>
        <p className="hint">{STATUS_HELP[idea.status]}</p>
      </div>
      <fieldset className="status-panel__actions" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="visually-hidden">Change status</legend>
        {allowedTransitions(idea.status).map((to) => (
          <button
            key={to}
            type="button"
            className={`button button--small ${TRANSITION_STYLE[transitionKind(idea.status, to)]}`}
            disabled={status.busy}
            onClick={() => status.save({ status: to }, `Moved to ${STATUS_LABELS[to].toLowerCase()}`)}
          >
            {transitionLabel(idea.status, to)}
          </button>
        ))}
      </fieldset>
      <FieldError id={`${id}-error`} field="status" message={error} />
    </section>
  );
}
