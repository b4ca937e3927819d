import type { Deck } from '../core/decks/deck.js';
import type { Idea } from '../core/ideas.js';
import { plural } from '../core/plural.js';
import type { SessionView } from '../core/sessions/view.js';
import type { QuestionStat } from '../services/session.service.js';

/** Milliseconds as a countdown, `mm:ss` (rounded up, so 0:00 means time is really up). */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** An instant as local `YYYY-MM-DD HH:MM`. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function truncate(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line;
}

function rating(idea: Idea): string {
  return idea.value === null ? '·' : `${idea.value}/5${idea.effort ? ` ${idea.effort}` : ''}`;
}

const out = (text: string) => process.stdout.write(text);

/** The end of a session: counts, ideas by area (by name), the best ideas and the note. */
export function printSessionSummary(view: SessionView, areaNames: ReadonlyMap<string, string>): void {
  const { summary } = view;
  out(
    `Session ${view.state === 'completed' ? 'complete' : view.state}: ${plural(summary.ideaCount, 'idea')}, ` +
      `${summary.ratedCount} rated, ${formatClock(view.elapsedMs)} of ${formatClock(view.plannedMs + view.addedMs)} used.\n`,
  );
  if (summary.byArea.length > 0) {
    out('By area:\n');
    for (const { areaId, count } of summary.byArea) {
      const name = areaId ? (areaNames.get(areaId) ?? areaId) : '(no area)';
      out(`  ${truncate(name, 30).padEnd(30)} ${String(count).padStart(3)}\n`);
    }
  }
  if (summary.best.length > 0) {
    out('Best ideas:\n');
    for (const idea of summary.best) out(`  ${rating(idea).padEnd(6)} ${truncate(idea.text, 90)}\n`);
  }
  if (view.note) out(`Note: ${view.note}\n`);
}

/** `whet sessions`: one line per session, newest first. */
export function printSessionTable(views: readonly SessionView[]): void {
  if (views.length === 0) {
    out('No sessions yet. Start one with: whet session\n');
    return;
  }
  const width = Math.max(20, (process.stdout.columns ?? 120) - 92);
  out(
    `${'id'.padEnd(10)}  ${'date'.padEnd(16)}  ${'minutes'.padEnd(7)}  ${'deck'.padEnd(24)}  ${'state'.padEnd(9)}  ideas  rated  best idea\n`,
  );
  for (const view of views) {
    const minutes = `${Math.round(view.elapsedMs / 60_000)}/${Math.round((view.plannedMs + view.addedMs) / 60_000)}`;
    const best = view.summary.best[0];
    out(
      `${view.id.padEnd(10)}  ${localTime(view.startedAt)}  ${minutes.padEnd(7)}  ${truncate(view.deckName, 24).padEnd(24)}  ` +
        `${view.state.padEnd(9)}  ${String(view.summary.ideaCount).padStart(5)}  ${String(view.summary.ratedCount).padStart(5)}  ` +
        `${best ? `${best.value}/5 ${truncate(best.text, width)}` : '—'}\n`,
    );
  }
}

/** `whet session show ID`: the session, the questions it showed and the ideas it produced. */
export function printSessionDetail(view: SessionView, areaNames: ReadonlyMap<string, string>): void {
  const rows: [string, string][] = [
    ['id', view.id],
    ['deck', `${view.deckName} (${view.deckId})`],
    ['state', view.state],
    ['started', localTime(view.startedAt)],
    ['ended', view.endedAt ? localTime(view.endedAt) : '—'],
    ['time', `${formatClock(view.elapsedMs)} of ${formatClock(view.plannedMs + view.addedMs)}`],
    ['areas', view.areas.length > 0 ? view.areas.map((a) => areaNames.get(a) ?? a).join(', ') : 'all'],
  ];
  for (const [label, value] of rows) out(`  ${label.padEnd(9)}${value}\n`);
  out('\nQuestions:\n');
  for (const q of view.questions) {
    const ideas = view.ideas.filter((i) => i.questionId === q.questionId).length;
    out(
      `  ${String(q.position + 1).padStart(2)}. ${truncate(q.text, 80)}  (${formatClock(q.spentMs)}${q.skipped ? ', skipped' : ''}, ${plural(ideas, 'idea')})\n`,
    );
  }
  out('\nIdeas:\n');
  if (view.ideas.length === 0) out('  none\n');
  for (const idea of view.ideas) {
    const area = idea.areaId ? (areaNames.get(idea.areaId) ?? idea.areaId) : '—';
    out(
      `  ${idea.id}  ${rating(idea).padEnd(6)} ${truncate(area, 18).padEnd(18)}  ${truncate(idea.text, 70)}\n`,
    );
  }
  out('\n');
  printSessionSummary(view, areaNames);
}

/** `whet questions stats`, in the order the service gives. */
export function printQuestionStats(stats: readonly QuestionStat[]): void {
  if (stats.length === 0) {
    out('No questions shown yet. Start a session with: whet session\n');
    return;
  }
  const width = Math.max(30, (process.stdout.columns ?? 120) - 30);
  out(`${'mean'.padStart(5)}  ${'shown'.padStart(5)}  ${'ideas'.padStart(5)}  question\n`);
  for (const s of stats) {
    out(
      `${(s.meanValue === null ? '—' : s.meanValue.toFixed(2)).padStart(5)}  ${String(s.shown).padStart(5)}  ` +
        `${String(s.ideas).padStart(5)}  ${truncate(s.text, width)}\n`,
    );
  }
}

/** `whet decks`: id, name, built-in or own, number of questions. */
export function printDeckTable(decks: readonly Deck[]): void {
  for (const deck of decks) {
    out(
      `${deck.id.padEnd(32)}  ${truncate(deck.name, 40).padEnd(40)}  ${(deck.builtin ? 'builtin' : 'own').padEnd(7)}  ${String(deck.questions.length).padStart(4)} questions\n`,
    );
  }
}

/** `whet decks show ID`. */
export function printDeck(deck: Deck): void {
  out(`${deck.name}\n`);
  if (deck.description) out(`${deck.description}\n`);
  out(`\n  id       ${deck.id}\n  kind     ${deck.builtin ? 'builtin (read-only)' : 'own'}\n\n`);
  for (const [index, q] of deck.questions.entries()) {
    const areas = q.areas.length > 0 ? ` [${q.areas.join(', ')}]` : '';
    out(`  ${String(index + 1).padStart(3)}. ${q.id} (${q.stage})${areas}\n       ${q.text}\n`);
  }
}
