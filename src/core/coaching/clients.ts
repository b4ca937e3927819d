import * as z from 'zod/mini';
import { listOf } from '../list.js';

/**
 * A coach's clients and the guide's yield, as pure functions of their bookings, rooms and the
 * fate of the ideas accepted in them — the coach's page shows whom to follow up with, and which
 * questions draw out ideas that last.
 */

import { FOLLOW_UP_DUE_DAYS } from './limits.js';

export { FOLLOW_UP_DUE_DAYS };

const DAY = 86_400_000;

export const Client = z.object({
  /** The researcher's account id, or their booking email when they have no account. */
  key: z.string(),
  name: z.string(),
  email: z.string(),
  researcherId: z.nullable(z.string()),
  past: z.number(),
  upcoming: z.number(),
  lastConversation: z.nullable(z.iso.datetime()),
  nextConversation: z.nullable(z.iso.datetime()),
  /** No conversation booked after the last one, and `FOLLOW_UP_DUE_DAYS` have passed since. */
  followUpDue: z.boolean(),
  dueSince: z.nullable(z.iso.datetime()),
  ideasAccepted: z.number(),
  ideasPlanned: z.number(),
  ideasAdopted: z.number(),
});
export type Client = z.infer<typeof Client>;
export const ClientList = listOf(Client);
export type ClientList = z.infer<typeof ClientList>;

export const GuideStat = z.object({
  questionId: z.string(),
  text: z.string(),
  /** Conversations in which the question was on screen. */
  shown: z.number(),
  /** Ideas proposed while it was on screen, and of those accepted, made into plans, adopted. */
  ideas: z.number(),
  accepted: z.number(),
  planned: z.number(),
  adopted: z.number(),
});
export type GuideStat = z.infer<typeof GuideStat>;
export const GuideStatList = listOf(GuideStat);
export type GuideStatList = z.infer<typeof GuideStatList>;

/** A confirmed booking of the coach. */
export interface ClientBooking {
  id: string;
  start: string;
  end: string;
  bookerName: string;
  bookerEmail: string;
  researcherId: string | null;
}

/** One proposed idea of a room, and what became of it. */
export interface IdeaOutcome {
  bookingId: string;
  guideQuestionId: string | null;
  accepted: boolean;
  planned: boolean;
  adopted: boolean;
}

export interface OutcomeCounts {
  accepted: number;
  planned: number;
  adopted: number;
}

/** Accepted, planned and adopted ideas per booking. */
export function outcomesByBooking(outcomes: readonly IdeaOutcome[]): Map<string, OutcomeCounts> {
  const counts = new Map<string, OutcomeCounts>();
  for (const o of outcomes) {
    const c = counts.get(o.bookingId) ?? { accepted: 0, planned: 0, adopted: 0 };
    if (o.accepted) c.accepted += 1;
    if (o.accepted && o.planned) c.planned += 1;
    if (o.accepted && o.adopted) c.adopted += 1;
    counts.set(o.bookingId, c);
  }
  return counts;
}

/** The coach's clients, those with a follow-up due first, then by their last conversation. */
export function clientsOf(
  bookings: readonly ClientBooking[],
  outcomes: readonly IdeaOutcome[],
  now: string,
  dueAfterDays = FOLLOW_UP_DUE_DAYS,
): Client[] {
  const perBooking = outcomesByBooking(outcomes);
  const groups = new Map<string, ClientBooking[]>();
  for (const b of bookings) {
    const key = b.researcherId ?? b.bookerEmail;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const at = Date.parse(now);
  const clients = [...groups].map(([key, list]): Client => {
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
    const past = sorted.filter((b) => Date.parse(b.end) <= at);
    const upcoming = sorted.filter((b) => Date.parse(b.end) > at);
    const last = past.at(-1);
    const latest = sorted.at(-1) ?? list[0];
    const bookedAfterLast = last !== undefined && sorted.some((b) => b.start > last.start);
    const dueAt = last ? Date.parse(last.end) + dueAfterDays * DAY : null;
    const due = dueAt !== null && !bookedAfterLast && at >= dueAt;
    const totals = sorted.reduce(
      (sum, b) => {
        const c = perBooking.get(b.id);
        return c
          ? {
              accepted: sum.accepted + c.accepted,
              planned: sum.planned + c.planned,
              adopted: sum.adopted + c.adopted,
            }
          : sum;
      },
      { accepted: 0, planned: 0, adopted: 0 },
    );
    return {
      key,
      name: latest?.bookerName ?? '',
      email: latest?.bookerEmail ?? '',
      researcherId: latest?.researcherId ?? null,
      past: past.length,
      upcoming: upcoming.length,
      lastConversation: last?.start ?? null,
      nextConversation: upcoming[0]?.start ?? null,
      followUpDue: due,
      dueSince: due && dueAt !== null ? new Date(dueAt).toISOString() : null,
      ideasAccepted: totals.accepted,
      ideasPlanned: totals.planned,
      ideasAdopted: totals.adopted,
    };
  });
  return clients.sort(
    (a, b) =>
      Number(b.followUpDue) - Number(a.followUpDue) ||
      (b.lastConversation ?? '').localeCompare(a.lastConversation ?? '') ||
      a.name.localeCompare(b.name),
  );
}

/** The guide's questions with their yield over the coach's conversations, in the guide's order. */
export function guideYield(
  questions: readonly { id: string; text: string }[],
  roomsShown: readonly (readonly string[])[],
  outcomes: readonly IdeaOutcome[],
): GuideStat[] {
  return questions.map((q) => {
    const on = outcomes.filter((o) => o.guideQuestionId === q.id);
    return {
      questionId: q.id,
      text: q.text,
      shown: roomsShown.filter((shown) => shown.includes(q.id)).length,
      ideas: on.length,
      accepted: on.filter((o) => o.accepted).length,
      planned: on.filter((o) => o.accepted && o.planned).length,
      adopted: on.filter((o) => o.accepted && o.adopted).length,
    };
  });
}
