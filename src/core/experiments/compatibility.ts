import { WhetstoneError } from '../errors.js';
import type { ResultCard } from './card.js';
import { BUILTIN_TEMPLATES, type ExperimentTemplate } from './templates.js';

function refuse(field: string, message: string): WhetstoneError {
  return new WhetstoneError('validation', `${field}: ${message}`, [{ field, message }]);
}

const describePhase = (p: { key: string; unit: string }) => `${p.key} (in ${p.unit})`;

/**
 * Throws a validation error naming the reason unless `card` may join `pool`: same template and
 * template version as the pool, a template this app knows that compares blind-rated ideas, in the
 * version this app knows, with that template's phase keys and units in its order and phase
 * lengths within the template's bounds. Cards that differ in any of these measure different
 * things, and pooling them would mix results that cannot be compared.
 */
export function assertCardFitsPool(
  card: ResultCard,
  pool: { templateId: string; templateVersion: number },
  field = 'card',
): void {
  if (card.templateId !== pool.templateId)
    throw refuse(field, `is a result of ${card.templateId}; this pool holds ${pool.templateId} cards`);
  if (card.templateVersion !== pool.templateVersion)
    throw refuse(
      field,
      `made with version ${card.templateVersion} of ${card.templateId}; this pool holds version ${pool.templateVersion} cards`,
    );
  const template: ExperimentTemplate | undefined = BUILTIN_TEMPLATES.find((t) => t.id === card.templateId);
  if (!template) throw refuse(field, `uses template ${card.templateId}, which this app does not know`);
  if (template.measures !== 'ideas')
    throw refuse(
      field,
      `uses template ${card.templateId}, which compares a measurement, not blind-rated ideas; result cards hold rated ideas`,
    );
  if (card.templateVersion !== template.version)
    throw refuse(
      field,
      `made with version ${card.templateVersion} of ${card.templateId}; this app knows version ${template.version}`,
    );
  const expected = template.phases.map(describePhase).join(' then ');
  card.phases.forEach((phase, i) => {
    const tp = template.phases[i]!;
    if (phase.key !== tp.key || phase.unit !== tp.unit)
      throw refuse(
        field,
        `has phases ${card.phases.map(describePhase).join(' then ')}; ${template.id} version ${template.version} has ${expected}`,
      );
    if (phase.length < tp.minLength || phase.length > tp.maxLength)
      throw refuse(
        field,
        `has a ${phase.key} phase of ${phase.length} ${phase.unit}; ${template.id} allows ${tp.minLength} to ${tp.maxLength} ${tp.unit}`,
      );
  });
}

/** A copy of `value` with every object's keys in sorted order (arrays keep their order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/**
 * Canonical JSON of a card: object keys sorted at every depth, no whitespace, absent optional
 * fields left out. Two cards with the same content give the same string whatever their key
 * order, so a hash of it recognises a card imported twice.
 */
export function cardFingerprint(card: ResultCard): string {
  return JSON.stringify(sortKeys(card));
}
