import { Link } from 'react-router';
import { SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Idea } from '../../../../src/core/ideas.js';
import { StatusBadge, ValuePips } from '../../shared/components/Badges.js';
import { EFFORT_LABELS, fullTime, relativeTime } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';

export function IdeaRow({ idea, fresh }: { idea: Idea; fresh?: boolean }) {
  const { nameOf } = useAreas();
  return (
    <li className={fresh ? 'idea-row idea-row--fresh' : 'idea-row'}>
      <Link to={`/ideas/${idea.id}`} className="idea-row__link">
        <IdeaSummary idea={idea} area={nameOf(idea.areaId)} />
      </Link>
    </li>
  );
}

/** An idea's text and its meta line (area, status, value, effort, source, when), as lists show it. */
export function IdeaSummary({ idea, area }: { idea: Idea; area: string | null }) {
  return (
    <>
      <span className={idea.status === 'dropped' ? 'idea-row__text idea-row__text--muted' : 'idea-row__text'}>
        {idea.text}
      </span>
      <span className="idea-row__meta">
        <span className={area ? 'chip' : 'chip chip--empty'}>{area ?? 'No area'}</span>
        <StatusBadge status={idea.status} />
        <ValuePips value={idea.value} />
        {idea.effort && (
          <span className="meta-text" title={`Effort: ${EFFORT_LABELS[idea.effort]}`}>
            Effort {idea.effort}
          </span>
        )}
        {idea.source !== 'noticed' && <span className="meta-text">{SOURCE_LABELS[idea.source]}</span>}
        <time className="meta-text idea-row__time" dateTime={idea.createdAt} title={fullTime(idea.createdAt)}>
          {relativeTime(idea.createdAt)}
        </time>
      </span>
    </>
  );
}
