import { describe, expect, it } from 'vitest';
import { type ClientBooking, clientsOf, guideYield, type IdeaOutcome } from './clients.js';

const booking = (id: string, start: string, who: Partial<ClientBooking> = {}): ClientBooking => ({
  id,
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  bookerName: 'Rhea',
  bookerEmail: 'rhea@example.org',
  researcherId: 'rhea',
  ...who,
});
const outcome = (
  bookingId: string,
  guideQuestionId: string | null,
  fate: Partial<IdeaOutcome> = {},
): IdeaOutcome => ({
  bookingId,
  guideQuestionId,
  accepted: false,
  planned: false,
  adopted: false,
  ...fate,
});

describe('a coach’s clients', () => {
  const now = '2027-03-20T12:00:00.000Z';

  it('is due for a follow-up 14 days after the last conversation, unless another is booked', () => {
    // Rhea: one conversation on 1 March (ends 10:00Z); 14 days later is 15 March 10:00Z < now.
    // Otto: on 10 March, 14 days later is 24 March > now: not yet. Ines: 1 March, then 25 March booked.
    const clients = clientsOf(
      [
        booking('r1', '2027-03-01T09:00:00.000Z'),
        booking('o1', '2027-03-10T09:00:00.000Z', {
          bookerName: 'Otto',
          bookerEmail: 'otto@x.org',
          researcherId: null,
        }),
        booking('i1', '2027-03-01T09:00:00.000Z', {
          bookerName: 'Ines',
          bookerEmail: 'ines@x.org',
          researcherId: 'ines',
        }),
        booking('i2', '2027-03-25T09:00:00.000Z', {
          bookerName: 'Ines',
          bookerEmail: 'ines@x.org',
          researcherId: 'ines',
        }),
      ],
      [],
      now,
    );
    expect(clients.map((c) => [c.name, c.followUpDue, c.dueSince, c.past, c.upcoming])).toEqual([
      ['Rhea', true, '2027-03-15T10:00:00.000Z', 1, 0],
      ['Otto', false, null, 1, 0],
      ['Ines', false, null, 1, 1],
    ]);
    expect(clients.find((c) => c.name === 'Otto')?.key).toBe('otto@x.org');
    expect(clients.find((c) => c.name === 'Ines')?.nextConversation).toBe('2027-03-25T09:00:00.000Z');
  });

  it('counts accepted ideas and what became of them, per client', () => {
    const [rhea] = clientsOf(
      [booking('r1', '2027-03-01T09:00:00.000Z'), booking('r2', '2027-03-08T09:00:00.000Z')],
      [
        outcome('r1', 'q1', { accepted: true, planned: true, adopted: true }),
        outcome('r1', 'q1', { accepted: true, planned: true }),
        outcome('r2', 'q2', { accepted: true }),
        outcome('r2', 'q2'),
        // Planned or adopted without acceptance cannot happen; it does not count.
        outcome('r2', 'q2', { planned: true, adopted: true }),
      ],
      now,
    );
    expect([rhea?.ideasAccepted, rhea?.ideasPlanned, rhea?.ideasAdopted, rhea?.past]).toEqual([3, 2, 1, 2]);
  });
});

describe('the guide’s yield', () => {
  it('counts per question the rooms it was shown in and the ideas proposed while it was on screen', () => {
    const stats = guideYield(
      [
        { id: 'q1', text: 'One?' },
        { id: 'q2', text: 'Two?' },
        { id: 'q3', text: 'Three?' },
      ],
      [['q1', 'q2'], ['q1'], []],
      [
        outcome('a', 'q1', { accepted: true, planned: true, adopted: true }),
        outcome('a', 'q1'),
        outcome('b', 'q2', { accepted: true }),
        outcome('b', null, { accepted: true }),
      ],
    );
    expect(stats.map((s) => [s.questionId, s.shown, s.ideas, s.accepted, s.planned, s.adopted])).toEqual([
      ['q1', 2, 2, 1, 1, 1],
      ['q2', 1, 1, 1, 0, 0],
      ['q3', 0, 0, 0, 0, 0],
    ]);
  });
});
