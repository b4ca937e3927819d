import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-support.js';
import {
  createExperiment,
  EXPERIMENT_STATES,
  type ExperimentRecord,
  type ExperimentState,
} from './experiment.js';
import {
  abandon,
  allowedSteps,
  EXPERIMENT_ACTIONS,
  type ExperimentAction,
  endFocused,
  finishTriage,
  focusedPhaseEnded,
  linkSession,
  lockPrediction,
  passiveEndedEarly,
  ratingOpensAt,
  ratingStage,
  report,
  revisePrediction,
  sessionEnded,
  startFocused,
  startPassive,
  startRating,
  takesSession,
} from './transitions.js';

/** A stand-in for SHA-256 (the core takes the hash as an argument; the services pass node:crypto's). */
const fakeDigest = (text: string) => text.length.toString(16).padStart(64, '0');

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0 + ms);

function draft(): ExperimentRecord {
  return createExperiment(
    { templateId: 'week-vs-20-minutes', prediction: { text: 'Focused wins', favoured: 'focused' } },
    { id: 'e1', now: at(0) },
  );
}

/** A record in `state`, reached through legal steps only (draft keeps its prediction unlocked). */
function inState(state: ExperimentState): ExperimentRecord {
  let r = draft();
  if (state === 'draft') return r;
  if (state === 'abandoned') return abandon(r, at(MIN));
  r = startPassive(lockPrediction(r, at(MIN), fakeDigest), at(60 * MIN));
  if (state === 'passive') return r;
  // An hour before the passive phase's planned end (it started at 60 minutes), confirmed.
  r = startFocused(r, at(7 * DAY), { early: true });
  if (state === 'focused') return r;
  r = startRating(r, at(7 * DAY + 30 * MIN));
  if (state === 'rating') return r;
  return report(finishTriage(r, at(7 * DAY + 40 * MIN)), at(8 * DAY));
}

/** Every action, at an instant after all fixture steps (so the focused phase has run out). */
const LATER = at(9 * DAY);
const RUN: Record<ExperimentAction, (r: ExperimentRecord) => ExperimentRecord> = {
  revisePrediction: (r) => revisePrediction(r, { text: 'No difference', favoured: 'no-difference' }),
  lockPrediction: (r) => lockPrediction(r, LATER, fakeDigest),
  startPassive: (r) =>
    startPassive(
      r.prediction.lockedAt ? r : { ...r, prediction: { ...r.prediction, lockedAt: at(MIN).toISOString() } },
      LATER,
    ),
  startFocused: (r) => startFocused(r, LATER, { early: true }),
  endFocused: (r) => endFocused(r, LATER),
  startRating: (r) => startRating(r, LATER),
  finishTriage: (r) => finishTriage(r, LATER),
  // In rating, the triage comes first (its own guard is tested below).
  report: (r) => report(r.state === 'rating' && !r.triagedAt ? finishTriage(r, LATER) : r, LATER),
  abandon: (r) => abandon(r, LATER),
};

const RESULT: Record<ExperimentAction, ExperimentState> = {
  revisePrediction: 'draft',
  lockPrediction: 'draft',
  startPassive: 'passive',
  startFocused: 'focused',
  endFocused: 'focused',
  startRating: 'rating',
  finishTriage: 'rating',
  report: 'reported',
  abandon: 'abandoned',
};

const LEGAL: Record<ExperimentState, readonly ExperimentAction[]> = {
  draft: ['revisePrediction', 'lockPrediction', 'startPassive', 'abandon'],
  passive: ['startFocused', 'abandon'],
  focused: ['endFocused', 'startRating', 'abandon'],
  rating: ['finishTriage', 'report', 'abandon'],
  reported: [],
  abandoned: [],
};

describe('experiment state machine: every state × every action', () => {
  for (const state of EXPERIMENT_STATES) {
    it(`${state}: allows exactly ${LEGAL[state].join(', ') || 'nothing'}`, () => {
      expect(allowedSteps(state)).toEqual(LEGAL[state]);
    });
    for (const action of EXPERIMENT_ACTIONS) {
      const legal = LEGAL[state].includes(action);
      it(`${state} + ${action} ${legal ? `-> ${RESULT[action]}` : 'is refused'}`, () => {
        const before = inState(state);
        const snapshot = structuredClone(before);
        if (legal) {
          const after = RUN[action](before);
          expect(after.state).toBe(RESULT[action]);
          expect(after).not.toBe(before);
        } else {
          const error = errorOf(() => RUN[action](before));
          expect(error?.code).toBe('illegal_transition');
          expect(error?.message).toContain(`cannot ${action}`);
          expect(error?.message).toContain(`state ${state}`);
          for (const step of LEGAL[state]) expect(error?.message).toContain(step);
          if (LEGAL[state].length === 0) expect(error?.message).toContain('no further steps');
        }
        expect(before).toEqual(snapshot); // inputs are never mutated
      });
    }
  }
});

describe('experiment transitions: what they record and what they guard', () => {
  it('locks the prediction once; a locked prediction cannot be locked again or changed', () => {
    const locked = lockPrediction(draft(), at(MIN), fakeDigest);
    expect(locked.prediction.lockedAt).toBe(at(MIN).toISOString());
    expect(errorOf(() => lockPrediction(locked, at(2 * MIN), fakeDigest))?.code).toBe('conflict');
    expect(errorOf(() => revisePrediction(locked, { text: 'x', favoured: 'passive' }))?.code).toBe(
      'conflict',
    );
  });

  it('revises an unlocked prediction and validates it', () => {
    const revised = revisePrediction(draft(), {
      text: '  Passive wins ',
      favoured: 'passive',
      byHowMuch: '2x',
    });
    expect(revised.prediction).toEqual({
      text: 'Passive wins',
      favoured: 'passive',
      byHowMuch: '2x',
      lockedAt: null,
      seal: null,
    });
    expect(errorOf(() => revisePrediction(draft(), { text: '', favoured: 'passive' }))?.code).toBe(
      'validation',
    );
    expect(
      errorOf(() => revisePrediction(draft(), { text: 'x'.repeat(1001), favoured: 'passive' }))?.code,
    ).toBe('validation');
  });

  it('refuses to start before the prediction is locked', () => {
    const error = errorOf(() => startPassive(draft(), at(MIN)));
    expect(error?.code).toBe('conflict');
    expect(error?.message).toContain('lock your prediction');
  });

  it('starts the passive phase now and replans both phases from there', () => {
    const r = startPassive(lockPrediction(draft(), at(MIN), fakeDigest), at(DAY));
    const [passive, focused] = r.phases;
    expect(passive.startedAt).toBe(at(DAY).toISOString());
    expect(passive.plannedEnd).toBe(at(8 * DAY).toISOString());
    expect(focused.plannedStart).toBe(at(8 * DAY).toISOString());
    expect(focused.plannedEnd).toBe(at(8 * DAY + 20 * MIN).toISOString());
  });

  it('startFocused before the passive phase is over asks for confirmation, and the record keeps the early end', () => {
    const passive = inState('passive'); // 7 days from 60 minutes: planned to end at 7 days + 1 hour
    const refused = errorOf(() => startFocused(passive, at(7 * DAY)));
    expect(refused?.code).toBe('conflict');
    expect(refused?.issues).toEqual([{ field: 'early', message: expect.stringContaining('ends it early') }]);
    expect(passiveEndedEarly(passive)).toBe(false);

    const r = startFocused(passive, at(7 * DAY), { early: true });
    expect(r.phases[0].endedAt).toBe(at(7 * DAY).toISOString());
    expect(r.phases[1].startedAt).toBe(at(7 * DAY).toISOString());
    expect(r.phases[1].plannedEnd).toBe(at(7 * DAY + 20 * MIN).toISOString());
    expect(passiveEndedEarly(r)).toBe(true);
  });

  it('the passive phase ends by itself at its planned end: started later, it is closed there, not then', () => {
    const late = startFocused(inState('passive'), at(9 * DAY));
    expect(late.phases[0].endedAt).toBe(at(7 * DAY + HOUR).toISOString());
    expect(late.phases[1].startedAt).toBe(at(9 * DAY).toISOString());
    expect(passiveEndedEarly(late)).toBe(false);
    // Abandoned after the planned end, the phase closes at its planned end too.
    expect(abandon(inState('passive'), at(9 * DAY)).phases[0].endedAt).toBe(at(7 * DAY + HOUR).toISOString());
  });

  it('a focused phase run as one session stays open while it runs and ends when the session ends', () => {
    const focused = inState('focused'); // started at 7 days, 20 minutes planned
    expect(takesSession(focused, 'ideas', at(7 * DAY + MIN))).toBe(true);
    expect(takesSession(focused, 'measurement', at(7 * DAY + MIN))).toBe(false);
    expect(takesSession(focused, 'ideas', at(7 * DAY + 20 * MIN))).toBe(false); // planned end passed
    const linked = linkSession(focused, 's1');
    expect(takesSession(linked, 'ideas', at(7 * DAY + 2 * MIN))).toBe(false); // one session only
    // The session overruns its 20 minutes: the phase is not over until the session ends.
    expect(focusedPhaseEnded(linked, at(7 * DAY + 25 * MIN))).toBe(false);
    expect(sessionEnded(linked, 'another-session', at(7 * DAY + 26 * MIN))).toBe(linked);
    const ended = sessionEnded(linked, 's1', at(7 * DAY + 26 * MIN));
    expect(ended.phases[1].endedAt).toBe(at(7 * DAY + 26 * MIN).toISOString());
    expect(focusedPhaseEnded(ended, at(7 * DAY + 26 * MIN))).toBe(true);
    // A session ending after the phase was closed by hand changes nothing.
    const byHand = endFocused(linked, at(7 * DAY + 10 * MIN));
    expect(sessionEnded(byHand, 's1', at(7 * DAY + 30 * MIN))).toBe(byHand);
  });

  it('refuses rating before the focused phase ended, allows it after its end or an explicit end', () => {
    const focused = inState('focused'); // started at 7 days, 20 minutes long
    expect(focusedPhaseEnded(focused, at(7 * DAY + 19 * MIN))).toBe(false);
    const error = errorOf(() => startRating(focused, at(7 * DAY + 19 * MIN)));
    expect(error?.code).toBe('conflict');
    expect(error?.message).toContain('end it first');

    const timedOut = startRating(focused, at(7 * DAY + 25 * MIN));
    expect(timedOut.phases[1].endedAt).toBe(at(7 * DAY + 20 * MIN).toISOString()); // the planned end
    expect(timedOut.ratingStartedAt).toBe(at(7 * DAY + 25 * MIN).toISOString());

    const ended = endFocused(focused, at(7 * DAY + 12 * MIN));
    expect(errorOf(() => endFocused(ended, at(7 * DAY + 13 * MIN)))?.code).toBe('conflict');
    const early = startRating(ended, at(7 * DAY + 13 * MIN));
    expect(early.state).toBe('rating');
    expect(early.phases[1].endedAt).toBe(at(7 * DAY + 12 * MIN).toISOString());
  });

  it('says when rating opens: null before the focused phase, then its end plus the delay', () => {
    expect(ratingOpensAt(inState('draft'))).toBeNull();
    expect(ratingOpensAt(inState('passive'))).toBeNull();
    const focused = inState('focused'); // started at 7 days, 20 minutes long, no delay
    expect(ratingOpensAt(focused)).toBe(at(7 * DAY + 20 * MIN).toISOString());
    const delayed = { ...focused, ratingDelayHours: 2 };
    expect(ratingOpensAt(delayed)).toBe(at(7 * DAY + 20 * MIN + 2 * HOUR).toISOString());
    // An early end moves the opening forward.
    expect(ratingOpensAt(endFocused(delayed, at(7 * DAY + 10 * MIN)))).toBe(
      at(7 * DAY + 10 * MIN + 2 * HOUR).toISOString(),
    );
  });

  it('refuses rating before the chosen delay has passed, and says when rating opens', () => {
    const delayed = { ...inState('focused'), ratingDelayHours: 2 }; // focused ends at 7 days + 20 min
    const running = errorOf(() => startRating(delayed, at(7 * DAY + 10 * MIN)));
    expect(running?.message).toContain('end it first'); // still running: the old refusal

    const opens = at(7 * DAY + 20 * MIN + 2 * HOUR).toISOString();
    const tooSoon = errorOf(() => startRating(delayed, at(7 * DAY + 20 * MIN + 2 * HOUR - 1)));
    expect(tooSoon?.code).toBe('conflict');
    expect(tooSoon?.issues).toEqual([
      {
        field: 'state',
        message: `rating opens at ${opens} (2 hours after the focused phase ends, as you chose)`,
      },
    ]);

    const rating = startRating(delayed, new Date(opens));
    expect(rating.state).toBe('rating');
    expect(rating.ratingStartedAt).toBe(opens);
    expect(rating.phases[1].endedAt).toBe(at(7 * DAY + 20 * MIN).toISOString());

    const ended = endFocused({ ...delayed, ratingDelayHours: 1 }, at(7 * DAY + 5 * MIN));
    expect(errorOf(() => startRating(ended, at(7 * DAY + 30 * MIN)))?.message).toContain(
      '(1 hour after the focused phase ends',
    );
    expect(startRating(ended, at(7 * DAY + 5 * MIN + HOUR)).state).toBe('rating');
  });

  it('report records when; abandon closes a running phase', () => {
    expect(inState('reported').reportedAt).toBe(at(8 * DAY).toISOString());
    const abandoned = abandon(inState('passive'), at(3 * DAY));
    expect(abandoned.abandonedAt).toBe(at(3 * DAY).toISOString());
    expect(abandoned.phases[0].endedAt).toBe(at(3 * DAY).toISOString());
    expect(abandoned.phases[1].startedAt).toBeNull();
  });

  it('the blind triage comes before the rating: once finished it is over, and only then can the report follow', () => {
    const rating = inState('rating');
    expect(ratingStage(rating)).toBe('triage');
    const refused = errorOf(() => report(rating, LATER));
    expect(refused?.code).toBe('conflict');
    expect(refused?.issues.map((i) => i.field)).toEqual(['triage']);
    const triaged = finishTriage(rating, LATER);
    expect(triaged.triagedAt).toBe(LATER.toISOString());
    expect(ratingStage(triaged)).toBe('rating');
    expect(errorOf(() => finishTriage(triaged, LATER))?.code).toBe('conflict');
    expect(report(triaged, LATER).state).toBe('reported');
  });

  it('refuses a step dated before one already recorded', () => {
    expect(errorOf(() => startFocused(inState('passive'), at(30 * MIN)))?.code).toBe('validation');
  });
});
