import { validationError, WhetstoneError } from '../core/errors.js';
import { numberish } from './parse.js';

/** The flags of `whet experiment start`, as commander hands them over. */
export interface StartFlags {
  template: string;
  predict: string;
  favour: string;
  by?: string;
  length: string[];
  ratingDelay?: string;
  measure?: string;
  unit?: string;
  better?: string;
}

/** `--length passive=7 --length focused=30` → `{ passive: { length: 7 }, focused: { length: 30 } }`. */
export function phaseLengths(raw: readonly string[]): Record<string, { length: number | string }> {
  const phases: Record<string, { length: number | string }> = {};
  for (const item of raw) {
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(item);
    if (!match)
      throw validationError(
        '--length',
        `"${item}" is not KEY=N; give a phase and its length, e.g. passive=7`,
      );
    const [, key, value] = match as unknown as [string, string, string];
    if (Object.hasOwn(phases, key))
      throw validationError(
        '--length',
        `${key} is given twice (${phases[key]!.length} and ${value}); give each phase one length`,
      );
    phases[key] = { length: numberish(value) };
  }
  return phases;
}

/** The service input of `whet experiment start`; the core checks every value. */
export function startInput(flags: StartFlags, start: boolean): Record<string, unknown> {
  if (flags.measure === undefined && (flags.unit !== undefined || flags.better !== undefined))
    throw validationError(flags.unit !== undefined ? '--unit' : '--better', 'goes with --measure NAME');
  const phases = phaseLengths(flags.length);
  return {
    templateId: flags.template,
    prediction: { text: flags.predict, favoured: flags.favour, byHowMuch: flags.by },
    ...(Object.keys(phases).length > 0 ? { phases } : {}),
    ...(flags.ratingDelay === undefined ? {} : { ratingDelayHours: numberish(flags.ratingDelay) }),
    ...(flags.measure === undefined
      ? {}
      : { measurement: { name: flags.measure, unit: flags.unit, better: flags.better } }),
    start,
  };
}

/** The flag a field of the start input came from, so errors name what the person typed. */
function flagOf(field: string): string | undefined {
  const fixed: Record<string, string> = {
    templateId: '--template',
    'prediction.text': '--predict',
    'prediction.favoured': '--favour',
    'prediction.byHowMuch': '--by',
    ratingDelayHours: '--rating-delay',
    measurement: '--measure',
    'measurement.name': '--measure',
    'measurement.unit': '--unit',
    'measurement.better': '--better',
  };
  if (fixed[field]) return fixed[field];
  const phase = /^phases\.([^.]+)(?:\.(length|plannedStart))?$/.exec(field);
  return phase ? `--length ${phase[1]}` : undefined;
}

/** Rewrites a validation error of the start input to name the flag instead of the field. */
export function inFlagTerms(error: unknown): unknown {
  if (!(error instanceof WhetstoneError) || error.code !== 'validation') return error;
  const first = error.issues[0];
  const flag = first && flagOf(first.field);
  if (!first || !flag) return error;
  return new WhetstoneError(error.code, `${flag}: ${first.message}`, error.issues);
}
