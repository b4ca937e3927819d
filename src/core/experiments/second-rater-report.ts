import { agreementBand } from '../stats/kappa-reading.js';
import { weightedKappa } from '../stats/weighted-kappa.js';
import { RATING_MAX } from './card.js';
import { HIGH_VALUE_MIN } from './report.js';
import { AGREEMENT_METHOD, type SecondRaterPhase, type SecondRaterReport } from './report-view.js';

/** A kept item of the frozen queue with the researcher's value (null: not rated). */
export interface ReportItem {
  token: string;
  phase: string;
  value: number | null;
}

export interface SecondRaterReportInput {
  phases: readonly [{ key: string; label: string }, { key: string; label: string }];
  /** The kept items only (what was set aside in the triage is rated by nobody). */
  items: readonly ReportItem[];
  /** The second rater's values by item token. */
  values: ReadonlyMap<string, number>;
  raterName: string | null;
  finished: boolean;
}

/**
 * The second rater's section of the report: their mean and count of 4–5 per phase, and the
 * agreement of the two raters over the ideas both rated, as weighted kappa with quadratic weights
 * (the usual choice for an ordinal 1–5 scale: a 4 against a 5 is a small disagreement, a 1
 * against a 5 a large one) read in Landis & Koch's bands.
 */
export function secondRaterReport(input: SecondRaterReportInput): SecondRaterReport {
  const who = input.raterName ?? 'the second rater';
  const phase = (p: { key: string; label: string }): SecondRaterPhase => {
    const values = input.items
      .filter((item) => item.phase === p.key)
      .map((item) => input.values.get(item.token))
      .filter((v): v is number => v !== undefined);
    return {
      key: p.key,
      label: p.label,
      rated: values.length,
      meanValue: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null,
      highValueCount: values.filter((v) => v >= HIGH_VALUE_MIN).length,
    };
  };
  const pairs: [number, number][] = [];
  for (const item of input.items) {
    const theirs = input.values.get(item.token);
    if (item.value !== null && theirs !== undefined) pairs.push([item.value, theirs]);
  }
  const result = weightedKappa(pairs, RATING_MAX, 'quadratic');
  const band = result.kappa === null ? null : agreementBand(result.kappa);
  const pending = input.finished
    ? ''
    : ` ${capitalised(who)} has not finished yet, so this may still change.`;
  const text =
    result.kappa !== null
      ? `You and ${who} agree ${bandWords(band!)}: ${AGREEMENT_METHOD} ${result.kappa.toFixed(2)} over ${pairs.length} ideas you both rated (Landis & Koch 1977: "${band}").${pending}`
      : result.reason === 'too-few-pairs'
        ? `Agreement cannot be computed yet: it needs at least 2 ideas that you both rated (there ${pairs.length === 1 ? 'is 1' : `are ${pairs.length}`}).${pending}`
        : `Agreement cannot be computed: the ratings hardly vary (for example, one of you gave every idea the same value), so chance alone would explain any agreement.${pending}`;
  const rated = input.items.filter((item) => input.values.has(item.token)).length;
  return {
    raterName: input.raterName,
    finished: input.finished,
    rated,
    total: input.items.length,
    phases: [phase(input.phases[0]), phase(input.phases[1])],
    agreement: { method: AGREEMENT_METHOD, pairs: pairs.length, kappa: result.kappa, band, text },
    note: `The verdict above rests on your own blind ratings only; ${who}'s are shown beside them as a check.`,
  };
}

function bandWords(band: NonNullable<SecondRaterReport['agreement']['band']>): string {
  switch (band) {
    case 'poor':
      return 'less than chance would give';
    case 'slight':
      return 'only slightly';
    case 'fair':
      return 'fairly';
    case 'moderate':
      return 'moderately';
    case 'substantial':
      return 'substantially';
    case 'almost perfect':
      return 'almost perfectly';
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
