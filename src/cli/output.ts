import type { Area } from '../core/areas.js';
import type { Idea } from '../core/ideas.js';
import { SOURCE_LABELS } from '../core/ideas.js';
import { plural } from '../core/plural.js';
import { zonedTime } from './plan-output.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function truncate(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** One line per idea: id, status, value, area, text. */
export function printIdeaTable(ideas: readonly Idea[], areaNames: Map<string, string>): void {
  if (ideas.length === 0) {
    process.stdout.write('No ideas match.\n');
    return;
  }
  const width = Math.max(40, (process.stdout.columns ?? 100) - 52);
  for (const idea of ideas) {
    const area = idea.areaId ? (areaNames.get(idea.areaId) ?? idea.areaId) : '—';
    const value = idea.value === null ? '·' : '★'.repeat(idea.value);
    process.stdout.write(
      `${idea.id}  ${idea.status.padEnd(7)}  ${value.padEnd(5)}  ${truncate(area, 18).padEnd(18)}  ${truncate(idea.text, width)}\n`,
    );
  }
}

/** One idea in full; times as the person reads them, in their zone (ISO only in --json). */
export function printIdea(idea: Idea, areaName: string | undefined, timeZone: string): void {
  const rows: [string, string][] = [
    ['id', idea.id],
    ['status', idea.status],
    ['area', areaName ?? idea.areaId ?? '—'],
    ['source', SOURCE_LABELS[idea.source]],
    ['value', idea.value === null ? '—' : `${idea.value}/5`],
    ['effort', idea.effort ?? '—'],
    ['context', idea.context ?? '—'],
    ['captured', zonedTime(idea.createdAt, timeZone)],
    ['updated', zonedTime(idea.updatedAt, timeZone)],
  ];
  process.stdout.write(`${idea.text}\n\n`);
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(9)}${value}\n`);
}

export function printAreaTable(areas: readonly Area[]): void {
  for (const area of areas) {
    const flags = [area.isDefault ? 'default' : 'custom', area.archivedAt ? 'archived' : '']
      .filter(Boolean)
      .join(', ');
    process.stdout.write(
      `${area.id.padEnd(20)}  ${area.name.padEnd(30)}  ${plural(area.ideaCount, 'idea').padStart(10)}  (${flags})\n`,
    );
  }
}
