import { useId } from 'react';
import type { Idea } from '../../../../../src/core/ideas.js';
import type { SessionView } from '../../../../../src/core/sessions/view.js';
import { useAreas } from '../../../shared/state.js';

/** The ideas captured so far in this session, newest first. */
export function SessionIdeas({ view }: { view: SessionView }) {
  const id = useId();
  const newestFirst = [...view.ideas].reverse();
  return (
    <section className="focus__ideas" aria-labelledby={`${id}-ideas`}>
      <h2 id={`${id}-ideas`} className="section-title">
        Ideas this session{view.ideas.length > 0 ? ` · ${view.ideas.length}` : ''}
      </h2>
      {view.ideas.length === 0 ? (
        <p className="focus__none">Nothing yet. Small and specific is fine.</p>
      ) : (
        <ul className="session-ideas" aria-label="Ideas this session">
          {newestFirst.map((idea) => (
            <SessionIdea key={idea.id} idea={idea} view={view} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionIdea({ idea, view }: { idea: Idea; view: SessionView }) {
  const { nameOf } = useAreas();
  const area = nameOf(idea.areaId);
  const asked = view.questions.find((q) => q.questionId === idea.questionId);
  return (
    <li className="session-idea">
      <span className="session-idea__text">{idea.text}</span>
      <span className="session-idea__meta">
        <span className={area ? 'chip' : 'chip chip--empty'}>{area ?? 'No area'}</span>
        {asked && (
          <span className="meta-text" title={asked.text}>
            Question {asked.position + 1}
          </span>
        )}
      </span>
    </li>
  );
}
