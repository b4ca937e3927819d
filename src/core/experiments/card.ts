import * as z from 'zod/mini';
import { seededRandom } from '../decks/draw.js';
import { WhetstoneError } from '../errors.js';
import '../schema-messages.js';
import {
  bootstrapInterval,
  median,
  pValueOrCaveat,
  signTest,
  wilcoxonSignedRank,
  wilsonInterval,
} from '../stats/index.js';
import { toFieldIssues } from '../validation.js';
import type { PooledAnalysis } from './pool-view.js';
import { PhaseUnit } from './templates.js';

export const RESULT_CARD_FORMAT = 'whetstone-result-card';
export const RESULT_CARD_VERSION = 1;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Far above any real experiment; guards the pool against absurd cards. */
export const CARD_COUNT_MAX = 10_000;
export const CARD_TEXTS_MAX = 500;

const count = () =>
  z
    .number('must be a number')
    .check(
      z.int('must be a whole number'),
      z.minimum(0, 'must not be negative'),
      z.maximum(CARD_COUNT_MAX, `must be at most ${CARD_COUNT_MAX}`),
    );

export const CardPhase = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(40)),
  unit: PhaseUnit,
  length: z.number().check(z.int('must be a whole number'), z.positive('must be positive')),
  /** Rated ideas in this phase. */
  count: count(),
  /** Sum of their ratings. */
  valueSum: count().check(z.maximum(CARD_COUNT_MAX * RATING_MAX)),
  /** How many ideas got each rating: `ratings[0]` counts 1s, …, `ratings[4]` counts 5s. */
  ratings: z.tuple([count(), count(), count(), count(), count()]),
});
export type CardPhase = z.infer<typeof CardPhase>;

export const CardText = z.strictObject({
  phase: z.string(),
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  value: z.number().check(z.int(), z.minimum(RATING_MIN), z.maximum(RATING_MAX)),
});

/**
 * The anonymised summary of one finished experiment that a participant may contribute to a pool.
 * Phase 0 is the passive (baseline) phase, phase 1 the focused (change) phase.
 */
export const ResultCard = z
  .strictObject({
    format: z.literal(RESULT_CARD_FORMAT),
    version: z.literal(RESULT_CARD_VERSION),
    /** A random key with no link to the person (not an account id, not an email hash). */
    participant: z
      .string()
      .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')),
    templateId: z.string().check(z.minLength(1), z.maxLength(60)),
    templateVersion: z.number().check(z.int(), z.positive()),
    ratingScale: z.strictObject({ min: z.literal(RATING_MIN), max: z.literal(RATING_MAX) }),
    phases: z.tuple([CardPhase, CardPhase]),
    /** Idea texts travel only when the participant opted in. */
    textsShared: z.boolean(),
    texts: z.optional(z.array(CardText).check(z.maxLength(CARD_TEXTS_MAX))),
    /** SHA-256 of the sealed prediction, so whoever is shown its text can check it (optional: older cards). */
    predictionSha256: z.optional(
      z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
    ),
    /**
     * Whether a second, blind rater took part, over how many ideas both rated, and the weighted
     * kappa (quadratic) of the two (null when not computable). Absent on older cards.
     */
    secondRater: z.optional(
      z.strictObject({
        tookPart: z.boolean(),
        pairs: count(),
        weightedKappaQuadratic: z.nullable(
          z.number().check(z.minimum(-1, 'must be from -1 to 1'), z.maximum(1, 'must be from -1 to 1')),
        ),
      }),
    ),
  })
  .check(
    z.superRefine((card, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', message, path, input: card });
      if (card.phases[0].key === card.phases[1].key) issue(['phases', 1, 'key'], 'phase keys must differ');
      card.phases.forEach((phase, i) => {
        const { count: n, valueSum } = phase;
        const histogramTotal = phase.ratings.reduce((a, b) => a + b, 0);
        const weighted = phase.ratings.reduce((sum, k, r) => sum + k * (r + RATING_MIN), 0);
        if (valueSum < n * RATING_MIN || valueSum > n * RATING_MAX)
          issue(
            ['phases', i, 'valueSum'],
            `is impossible for ${n} ratings from ${RATING_MIN} to ${RATING_MAX} (must be ${n * RATING_MIN} to ${n * RATING_MAX})`,
          );
        else if (histogramTotal === n && weighted !== valueSum)
          issue(
            ['phases', i, 'valueSum'],
            `does not match the ratings histogram (which sums to ${weighted})`,
          );
        if (histogramTotal !== n)
          issue(['phases', i, 'ratings'], `counts ${histogramTotal} ratings but the phase has ${n}`);
      });
      if (card.texts !== undefined && !card.textsShared)
        issue(['texts'], 'idea texts may only be included when the participant opted in (textsShared)');
      if (card.secondRater && !card.secondRater.tookPart && card.secondRater.pairs > 0)
        issue(['secondRater', 'pairs'], 'must be 0 when no second rater took part');
      if (card.secondRater && card.secondRater.pairs < 2 && card.secondRater.weightedKappaQuadratic !== null)
        issue(['secondRater', 'weightedKappaQuadratic'], 'needs at least 2 ideas rated by both');
      card.texts?.forEach((t, i) => {
        if (!card.phases.some((p) => p.key === t.phase))
          issue(['texts', i, 'phase'], 'must be one of the card’s phase keys');
      });
    }),
  );
export type ResultCard = z.infer<typeof ResultCard>;

export interface CardInput {
  participant: string;
  templateId: string;
  templateVersion: number;
  phases: readonly [
    { key: string; unit: PhaseUnit; length: number },
    { key: string; unit: PhaseUnit; length: number },
  ];
  /** Rated ideas; unrated ones (value null) are left out of the card. */
  ideas: readonly { phase: string; text: string; value: number | null }[];
  shareTexts: boolean;
  /** The sealed prediction's digest; null for predictions locked before seals existed. */
  predictionSha256?: string | null;
  /** The second rater's part: null when none took part. */
  secondRater?: { pairs: number; kappa: number | null } | null;
}

/** Builds and validates the card from a finished experiment's blind ratings. */
export function buildResultCard(input: CardInput): ResultCard {
  const rated = input.ideas.filter((i): i is typeof i & { value: number } => i.value !== null);
  const phase = (p: CardInput['phases'][number]): CardPhase => {
    const values = rated.filter((i) => i.phase === p.key).map((i) => i.value);
    const ratings: CardPhase['ratings'] = [0, 0, 0, 0, 0];
    for (const v of values) if (v >= RATING_MIN && v <= RATING_MAX) ratings[v - RATING_MIN]!++;
    return { ...p, count: values.length, valueSum: values.reduce((a, b) => a + b, 0), ratings };
  };
  const card = {
    format: RESULT_CARD_FORMAT,
    version: RESULT_CARD_VERSION,
    participant: input.participant,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    ratingScale: { min: RATING_MIN, max: RATING_MAX },
    phases: [phase(input.phases[0]), phase(input.phases[1])],
    textsShared: input.shareTexts,
    ...(input.shareTexts
      ? { texts: rated.map(({ phase: p, text, value }) => ({ phase: p, text, value })) }
      : {}),
    ...(input.predictionSha256 ? { predictionSha256: input.predictionSha256 } : {}),
    secondRater: input.secondRater
      ? { tookPart: true, pairs: input.secondRater.pairs, weightedKappaQuadratic: input.secondRater.kappa }
      : { tookPart: false, pairs: 0, weightedKappaQuadratic: null },
  };
  return parseCard(card);
}

/** Validates one card; `field` prefixes the issue paths (e.g. `cards.3`). */
export function parseCard(input: unknown, field = ''): ResultCard {
  const result = ResultCard.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error).map((issue) => ({
    ...issue,
    field: field ? (issue.field === '(body)' ? field : `${field}.${issue.field}`) : issue.field,
  }));
  const first = issues[0]!;
  throw new WhetstoneError('validation', `${first.field}: ${first.message}`, issues);
}

export type PValueOrCaveat = { pValue: number } | { caveat: string };

export type { PooledAnalysis };

export interface PooledOptions {
  /** Seeds the bootstrap, so the same pool gives the same interval. */
  seed: string;
  resamples?: number;
}

/**
 * Pools result cards of one template: one paired difference per participant (focused minus
 * passive total value), tested with the exact sign test and the Wilcoxon signed-rank test, with
 * the share of focused wins and the median difference estimated with intervals. Tests that could
 * not reach significance with so few participants return a caveat instead of a p-value.
 */
export function pooledAnalysis(cards: readonly unknown[], options: PooledOptions): PooledAnalysis {
  const parsed = cards.map((card, i) => parseCard(card, `cards.${i}`));
  const templateId = parsed[0]?.templateId ?? null;
  const seen = new Set<string>();
  parsed.forEach((card, i) => {
    if (card.templateId !== templateId)
      throw new WhetstoneError(
        'validation',
        `cards.${i}.templateId: a pool holds one template (${templateId})`,
        [{ field: `cards.${i}.templateId`, message: `a pool holds one template (${templateId})` }],
      );
    if (seen.has(card.participant))
      throw new WhetstoneError('validation', `cards.${i}.participant: this participant already has a card`, [
        { field: `cards.${i}.participant`, message: 'this participant already has a card' },
      ]);
    seen.add(card.participant);
  });

  const differences = parsed.map((card) => card.phases[1].valueSum - card.phases[0].valueSum);
  const caveats: string[] = [];
  const focusedWins = differences.filter((d) => d > 0).length;
  const passiveWins = differences.filter((d) => d < 0).length;
  const ties = differences.length - focusedWins - passiveWins;
  if (differences.length === 0) caveats.push('No results in the pool yet.');

  const decided = focusedWins + passiveWins;
  const focusedWinShare = decided > 0 ? wilsonInterval(focusedWins, decided) : null;
  if (decided === 0 && differences.length > 0)
    caveats.push('Every participant had a tie, so there is no share of wins to estimate.');

  const sign = signTest(differences);
  const signResult = pValueOrCaveat('sign', sign.n, sign.pValue);
  if ('caveat' in signResult) caveats.push(signResult.caveat);

  const wilcoxon = wilcoxonSignedRank(differences);
  const wilcoxonResult = pValueOrCaveat('wilcoxon', wilcoxon.n, wilcoxon.pValue);
  if ('caveat' in wilcoxonResult) caveats.push(wilcoxonResult.caveat);

  const medianDifference =
    differences.length > 0
      ? bootstrapInterval(differences, median, {
          random: seededRandom(options.seed),
          ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
        })
      : null;

  return {
    participants: parsed.length,
    templateId,
    differences,
    focusedWins,
    passiveWins,
    ties,
    focusedWinShare,
    signTest: { positive: sign.positive, negative: sign.negative, ties: sign.ties, ...signResult },
    wilcoxon: { n: wilcoxon.n, wPlus: wilcoxon.wPlus, method: wilcoxon.method, ...wilcoxonResult },
    medianDifference,
    caveats,
  };
}
