import * as z from 'zod/mini';
import { listOf } from '../list.js';
import { trimmedText } from '../text.js';
import { TimeZone } from '../time-zone.js';
import '../schema-messages.js';

export const COACH_HANDLE_MAX = 40;
export const COACH_INTRODUCTION_MAX = 2000;

/** The public part of a booking address, `/book/<handle>/<type>`: lower-case words and hyphens. */
export const Slug = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(2, 'must be at least 2 characters'),
    z.maxLength(COACH_HANDLE_MAX, `must be at most ${COACH_HANDLE_MAX} characters`),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'may hold only lower-case letters, digits and single hyphens'),
  );

/** What a coach publishes about themselves. One profile per coach, created on first save. */
export const CoachProfileInput = z.strictObject({
  handle: Slug,
  /** The name bookers see; defaults to the account's name on first save in the web app. */
  displayName: trimmedText(80, 1),
  /** A short introduction in the coach's own words (plain text, paragraphs by blank lines). */
  introduction: trimmedText(COACH_INTRODUCTION_MAX),
  /** The zone the weekly hours are in. */
  timeZone: TimeZone,
});
export type CoachProfileInput = z.infer<typeof CoachProfileInput>;

export const CoachProfile = z.extend(CoachProfileInput, {
  coachId: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CoachProfile = z.infer<typeof CoachProfile>;

/** What a visitor without an account sees of a coach: no ids, no internals. */
export const PublicCoach = z.omit(CoachProfile, { coachId: true, createdAt: true, updatedAt: true });
export type PublicCoach = z.infer<typeof PublicCoach>;
export const PublicCoachList = listOf(PublicCoach);
