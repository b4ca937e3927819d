import type { Idea } from '../../../../src/core/ideas.js';
import { plural } from '../../../../src/core/plural.js';
import type { SessionView } from '../../../../src/core/sessions/view.js';

/** "20 min", "1 h 5 min", "45 s" — for durations in summaries. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

const startedFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** A session is named by when it started: "Tue 4 Mar, 09:30". */
export function sessionTitle(view: SessionView): string {
  return startedFormat.format(new Date(view.startedAt));
}

export function ideaCountText(view: SessionView): string {
  return plural(view.summary.ideaCount, 'idea');
}

/** The text of the question an idea came up under, as the session showed it. */
export function questionTextOf(view: SessionView, idea: Idea): string | null {
  return view.questions.find((q) => q.questionId === idea.questionId)?.text ?? null;
}
