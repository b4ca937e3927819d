import * as z from 'zod/mini';
import { WhetstoneError } from './errors.js';
import { AREA_DESCRIPTION_MAX, AREA_NAME_MAX } from './limits.js';
import { listOf } from './list.js';
import { trimmedText } from './text.js';
import './schema-messages.js';

/** The default research-capacity taxonomy. Ids are stable so backups move between machines. */
export const DEFAULT_AREAS = [
  { id: 'collaborators', name: 'Finding collaborators' },
  { id: 'prioritisation', name: 'Prioritisation' },
  { id: 'decomposition', name: 'Problem decomposition' },
  { id: 'coding', name: 'Coding' },
  { id: 'writing', name: 'Writing' },
  { id: 'reading', name: 'Reading papers' },
  { id: 'research-ideas', name: 'Generating research ideas' },
  { id: 'learning', name: 'Learning' },
  { id: 'environment', name: 'Work environment & focus' },
  { id: 'energy', name: 'Wellbeing & energy' },
] as const;

export const AreaId = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(40),
    z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an area id (lowercase letters, digits and dashes)'),
  );

const areaName = trimmedText(AREA_NAME_MAX, 1);

const areaDescription = trimmedText(AREA_DESCRIPTION_MAX);

export const Area = z.object({
  id: AreaId,
  name: areaName,
  description: z.nullable(areaDescription),
  isDefault: z.boolean(),
  archivedAt: z.nullable(z.iso.datetime()),
  createdAt: z.iso.datetime(),
  /** Ideas currently filed under the area. */
  ideaCount: z.number().check(z.int(), z.minimum(0)),
});
export type Area = z.infer<typeof Area>;

/** GET /areas. */
export const AreaList = listOf(Area);
export type AreaList = z.infer<typeof AreaList>;

export const AreaCreateInput = z.strictObject({
  name: areaName,
  description: z.optional(areaDescription),
});
export type AreaCreateInput = z.infer<typeof AreaCreateInput>;

export const AreaUpdateInput = z.strictObject({
  name: z.optional(areaName),
  description: z.optional(z.nullable(areaDescription)),
  archived: z.optional(z.boolean()),
});
export type AreaUpdateInput = z.infer<typeof AreaUpdateInput>;

/** Derives a readable id from a user-given area name (`Grant writing` -> `grant-writing`). */
export function areaIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
  return slug || 'area';
}

/** Case- and space-insensitive key under which area names must be unique per user. */
export function areaNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** "No such area" as the person typed it. */
export function unknownAreaError(typed: string, field = 'area'): WhetstoneError {
  return new WhetstoneError(
    'validation',
    `${field}: no area called "${typed}" (list them with: whet areas)`,
    [{ field, message: `no area called "${typed}"` }],
  );
}

/** Ideas cannot be filed under an archived area. */
export function archivedAreaError(name: string, field = 'area'): WhetstoneError {
  return new WhetstoneError('validation', `${field}: area "${name}" is archived; restore it first`, [
    { field, message: `area "${name}" is archived` },
  ]);
}
