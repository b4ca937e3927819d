import { buildResultCard, type ResultCard } from '../../src/core/experiments/card.js';
import { WEEK_VS_20_MINUTES } from '../../src/core/experiments/templates.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const PREDICTION = {
  text: 'Twenty focused minutes give more valuable ideas than a week of waiting for them',
  favoured: 'focused',
  byHowMuch: 'about twice the total value',
} as const;

/** The flagship experiment with a short (2-day) first phase, started at once. */
export function weekInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    templateId: WEEK_VS_20_MINUTES.id,
    prediction: PREDICTION,
    phases: { passive: { length: 2 } },
    start: true,
    ...extra,
  };
}

/**
 * A valid result card of the flagship template whose phases were rated `passive` and `focused`
 * (1..5 each), built by the core like an exported one.
 */
export function makeCard(
  participant: string,
  passive: readonly number[],
  focused: readonly number[],
  options: { templateVersion?: number; shareTexts?: boolean } = {},
): ResultCard {
  const [p, f] = WEEK_VS_20_MINUTES.phases;
  return buildResultCard({
    participant,
    templateId: WEEK_VS_20_MINUTES.id,
    templateVersion: options.templateVersion ?? WEEK_VS_20_MINUTES.version,
    phases: [
      { key: p.key, unit: p.unit, length: p.defaultLength },
      { key: f.key, unit: f.unit, length: f.defaultLength },
    ],
    ideas: [
      ...passive.map((value, i) => ({ phase: p.key, text: `${participant} noticed ${i}`, value })),
      ...focused.map((value, i) => ({ phase: f.key, text: `${participant} focused ${i}`, value })),
    ],
    shareTexts: options.shareTexts ?? false,
  });
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** How many of `values` are 1, 2, 3, 4 and 5. */
export function histogram(values: readonly number[]): [number, number, number, number, number] {
  const out: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const v of values) out[v - 1]! += 1;
  return out;
}
