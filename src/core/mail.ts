import * as z from 'zod/mini';
import { validationError } from './errors.js';

/**
 * Mail that team mode sends (invitations, password resets): the message shape, the retry schedule
 * of the outbox and the two templates. Pure: the store keeps the outbox, the services deliver it.
 */

/** The iTIP methods a booking mail carries: an invitation (or its update) and its withdrawal. */
export const CALENDAR_METHODS = ['REQUEST', 'CANCEL'] as const;
export type CalendarMethod = (typeof CALENDAR_METHODS)[number];

/** An iTIP invitation (RFC 5546): sent as a text/calendar alternative, so clients show it as one. */
export interface MailCalendar {
  method: CalendarMethod;
  /** The ICS text, whose METHOD line says the same as `method`. */
  ics: string;
}

/** One message as it enters the outbox: one recipient, a plain-text body and an HTML body. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation to go with the message (booking mails). */
  calendar?: MailCalendar;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, 3rd and 4th failed attempt; every later failure waits the cap. */
export const MAIL_RETRY_DELAYS_MS: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR];
export const MAIL_RETRY_CAP_MS = 6 * HOUR;

/**
 * After this many failed attempts a message is given up: it stays in the outbox, marked failed with
 * its last error, and is never tried again. With the schedule above that is about 43 hours of trying.
 */
export const MAIL_MAX_ATTEMPTS = 12;

/** How long to wait after the `failedAttempts`-th failure (1 for the first) before trying again. */
export function retryDelayMs(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError(`failedAttempts must be a positive integer, not ${failedAttempts}`);
  return MAIL_RETRY_DELAYS_MS[failedAttempts - 1] ?? MAIL_RETRY_CAP_MS;
}

/**
 * What a failure means for a message that has now failed `failedAttempts` times: when to try again,
 * or that it is given up (then `nextAttemptAt` is the time of the failure, and nothing claims it).
 */
export function afterFailure(failedAttempts: number, now: Date): { nextAttemptAt: string; givenUp: boolean } {
  if (failedAttempts >= MAIL_MAX_ATTEMPTS) return { nextAttemptAt: now.toISOString(), givenUp: true };
  return {
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(failedAttempts)).toISOString(),
    givenUp: false,
  };
}

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export function mailStatus(message: { sentAt: string | null; attempts: number }): MailStatus {
  if (message.sentAt !== null) return 'sent';
  return message.attempts >= MAIL_MAX_ATTEMPTS ? 'failed' : 'pending';
}

const instant = () => z.iso.datetime({ offset: true });

/** A message in the outbox, as an administrator (or a test) sees it. */
export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  calendar: z.nullable(z.object({ method: z.enum(CALENDAR_METHODS), ics: z.string() })),
  status: z.enum(MAIL_STATUSES),
  createdAt: instant(),
  attempts: z.number(),
  nextAttemptAt: instant(),
  /** Set while a sender holds the message; another sender may take it once this has passed. */
  claimedUntil: z.nullable(instant()),
  sentAt: z.nullable(instant()),
  lastError: z.nullable(z.string()),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** Refuses anything but one plain address, so a value can never add recipients or headers. */
export function checkRecipient(address: string): string {
  const trimmed = address.trim();
  if (!/^[^\s@,;<>"]+@[^\s@,;<>"]+$/.test(trimmed) || trimmed.length > 254)
    throw validationError('to', 'must be one e-mail address');
  return trimmed;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML, both between tags and inside a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Line breaks and runs of spaces folded to one space: a value may not shape a header or a line. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Only web links go into a message (a `javascript:` link in an HTML body would be a hole). */
export function webLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw validationError('link', 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw validationError('link', 'must be an absolute http or https URL');
  return url.toString();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `9 March 2026, 09:00 UTC`: the recipient's time zone is not known when the mail is written. */
export function mailDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw validationError('expiresAt', 'must be an ISO 8601 instant');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}

/** `member`, `admin and member`, `owner, admin and member`. */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export interface MailLayout {
  title: string;
  /** Paragraphs before the button, already escaped. */
  intro: string[];
  action: string;
  link: string;
  /** Paragraphs after the button, already escaped. */
  outro: string[];
}

/**
 * One simple, accessible HTML page: a language, a title, real text (no images), a link that looks
 * like a button and is also written out for copying, colours with strong contrast, inline styles
 * only (mail clients drop style sheets).
 */
export function htmlBody(layout: MailLayout): string {
  const paragraph = (html: string) => `<p style="margin:0 0 16px 0;">${html}</p>`;
  const link = escapeHtml(layout.link);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.title)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1f2328;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;">',
    `<div role="article" aria-label="${escapeHtml(layout.title)}" style="max-width:560px;margin:0 auto;">`,
    `<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;">${escapeHtml(layout.title)}</h1>`,
    ...layout.intro.map(paragraph),
    paragraph(
      `<a href="${link}" style="display:inline-block;padding:10px 18px;background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${escapeHtml(layout.action)}</a>`,
    ),
    paragraph(
      `If the button does not work, copy this address into your browser:<br><a href="${link}" style="color:#0b57d0;word-break:break-all;">${link}</a>`,
    ),
    ...layout.outro.map(paragraph),
    '<p style="margin:24px 0 0 0;color:#57606a;font-size:14px;">Whetstone</p>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

export interface InvitationMailInput {
  to: string;
  organisation: string;
  inviterName: string;
  /** The roles the invitation grants, e.g. `['member']`. */
  roles: readonly string[];
  link: string;
  /** When the invitation link stops working (ISO 8601). */
  expiresAt: string;
}

/** The invitation to join an organisation. */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const organisation = oneLine(input.organisation);
  const inviter = oneLine(input.inviterName);
  const roles = input.roles.map(oneLine).filter((role) => role !== '');
  const as = roles.length === 0 ? '' : ` as ${joinWords(roles)}`;
  const link = webLink(input.link);
  const expires = mailDateTime(input.expiresAt);
  const ignore =
    'If you did not expect this invitation, you can ignore this message: nothing happens unless the link is used.';
  const text = [
    'Hello,',
    '',
    `${inviter} invited you to join ${organisation} on Whetstone${as}.`,
    '',
    'Accept the invitation:',
    link,
    '',
    `The link works until ${expires}.`,
    ignore,
    '',
    'Whetstone',
    '',
  ].join('\n');
  const html = htmlBody({
    title: `Join ${organisation} on Whetstone`,
    intro: [
      'Hello,',
      `${escapeHtml(inviter)} invited you to join <strong>${escapeHtml(organisation)}</strong> on Whetstone${escapeHtml(as)}.`,
    ],
    action: 'Accept the invitation',
    link,
    outro: [`The link works until ${escapeHtml(expires)}.`, escapeHtml(ignore)],
  });
  return {
    to: checkRecipient(input.to),
    subject: `${inviter} invited you to join ${organisation} on Whetstone`,
    text,
    html,
  };
}

export interface PasswordResetMailInput {
  to: string;
  link: string;
  expiresInMinutes: number;
}

/** The link to choose a new password. */
export function passwordResetMail(input: PasswordResetMailInput): OutgoingMail {
  const link = webLink(input.link);
  const minutes = input.expiresInMinutes;
  const validity = `The link works for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  const ignore = 'If you did not ask for this, you can ignore this message: your password stays as it is.';
  const text = [
    'Hello,',
    '',
    'Someone asked to reset the password of your Whetstone account. Choose a new password here:',
    link,
    '',
    validity,
    ignore,
    '',
    'Whetstone',
    '',
  ].join('\n');
  const html = htmlBody({
    title: 'Reset your Whetstone password',
    intro: ['Hello,', 'Someone asked to reset the password of your Whetstone account.'],
    action: 'Choose a new password',
    link,
    outro: [escapeHtml(validity), escapeHtml(ignore)],
  });
  return { to: checkRecipient(input.to), subject: 'Reset your Whetstone password', text, html };
}
