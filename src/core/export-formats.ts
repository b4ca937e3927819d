import type { BackupArea } from './backup.js';
import type { Idea } from './ideas.js';
import { SOURCE_LABELS } from './ideas.js';

export const EXPORT_FORMATS = ['json', 'md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of the CSV export, in order; `whet import` reads the same ones. */
export const CSV_COLUMNS = [
  'id',
  'text',
  'area',
  'source',
  'status',
  'value',
  'effort',
  'context',
  'createdAt',
  'updatedAt',
] as const;

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula get a leading apostrophe. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Ideas as CSV with a header row; the area column holds the area's name. */
export function ideasToCsv(ideas: readonly Idea[], areas: readonly BackupArea[]): string {
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const rows = ideas.map((idea) =>
    [
      idea.id,
      idea.text,
      idea.areaId ? (areaName.get(idea.areaId) ?? idea.areaId) : null,
      idea.source,
      idea.status,
      idea.value,
      idea.effort,
      idea.context,
      idea.createdAt,
      idea.updatedAt,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * Ideas as one Markdown document grouped by area, with Obsidian/Logseq-friendly inline fields
 * (`status:: new`) and tags, so the file stays useful outside Whetstone.
 */
export function ideasToMarkdown(
  ideas: readonly Idea[],
  areas: readonly BackupArea[],
  exportedAt: string,
): string {
  const lines: string[] = ['# Whetstone ideas', '', `Exported ${exportedAt}.`, ''];
  const groups: { title: string; ideas: Idea[] }[] = [
    ...areas.map((area) => ({
      title: area.archivedAt ? `${area.name} (archived)` : area.name,
      ideas: ideas.filter((i) => i.areaId === area.id),
    })),
    { title: 'No area', ideas: ideas.filter((i) => i.areaId === null) },
  ];
  for (const group of groups) {
    if (group.ideas.length === 0) continue;
    lines.push(`## ${group.title}`, '');
    for (const idea of group.ideas) {
      const firstLine = idea.text.split('\n')[0] ?? '';
      const rest = idea.text.split('\n').slice(1);
      lines.push(`- ${idea.status === 'adopted' ? '[x]' : '[ ]'} ${firstLine} #whetstone/${idea.status}`);
      for (const line of rest) lines.push(`  ${line}`);
      const fields = [
        `id:: ${idea.id}`,
        `source:: ${SOURCE_LABELS[idea.source]}`,
        idea.value !== null ? `value:: ${idea.value}/5` : null,
        idea.effort !== null ? `effort:: ${idea.effort}` : null,
        idea.context ? `context:: ${idea.context.replace(/\n/g, ' ')}` : null,
        `captured:: ${idea.createdAt.slice(0, 10)}`,
      ];
      for (const field of fields) if (field) lines.push(`  ${field}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
