import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  checkRecipient,
  escapeHtml,
  invitationMail,
  MAIL_MAX_ATTEMPTS,
  mailDateTime,
  mailStatus,
  passwordResetMail,
  retryDelayMs,
} from './mail.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const invitation = (extra: Partial<Parameters<typeof invitationMail>[0]> = {}) =>
  invitationMail({
    to: 'ada@example.test',
    organisation: 'Lab of Small Steps',
    inviterName: 'Grace Hopper',
    roles: ['member'],
    link: 'https://whet.example.test/invitations/abc123?x=1&y=2',
    expiresAt: '2026-03-09T09:00:00.000Z',
    ...extra,
  });

describe('the retry schedule', () => {
  it('waits 30 s, 2 min, 10 min and 1 h after the first four failures, then 6 h each time', () => {
    expect([1, 2, 3, 4, 5, 6, 11].map(retryDelayMs)).toEqual([
      30 * SECOND,
      2 * MINUTE,
      10 * MINUTE,
      HOUR,
      6 * HOUR,
      6 * HOUR,
      6 * HOUR,
    ]);
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });

  it('gives a message up after the last attempt, keeping it (failed, never claimed again)', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    expect(afterFailure(1, now)).toEqual({ nextAttemptAt: '2026-03-02T09:00:30.000Z', givenUp: false });
    expect(afterFailure(MAIL_MAX_ATTEMPTS - 1, now)).toEqual({
      nextAttemptAt: '2026-03-02T15:00:00.000Z',
      givenUp: false,
    });
    expect(afterFailure(MAIL_MAX_ATTEMPTS, now)).toEqual({ nextAttemptAt: now.toISOString(), givenUp: true });
    expect(mailStatus({ sentAt: null, attempts: MAIL_MAX_ATTEMPTS - 1 })).toBe('pending');
    expect(mailStatus({ sentAt: null, attempts: MAIL_MAX_ATTEMPTS })).toBe('failed');
    expect(mailStatus({ sentAt: now.toISOString(), attempts: 3 })).toBe('sent');
  });
});

describe('HTML escaping', () => {
  it('escapes the five characters that matter, in text and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('keeps a script in an inviter name or an organisation as text', () => {
    const mail = invitation({ inviterName: '<script>alert(1)</script>', organisation: 'R&D <b>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('R&amp;D &lt;b&gt;');
    // The plain-text body is not HTML: the name reads as typed.
    expect(mail.text).toContain('<script>alert(1)</script> invited you');
  });
});

describe('the invitation', () => {
  it('names the inviter, the organisation, the roles and the expiry, with the link in both bodies', () => {
    const mail = invitation({ roles: ['admin', 'member'] });
    const link = 'https://whet.example.test/invitations/abc123?x=1&y=2';
    expect(mail.to).toBe('ada@example.test');
    expect(mail.subject).toBe('Grace Hopper invited you to join Lab of Small Steps on Whetstone');
    expect(mail.text).toContain(
      'Grace Hopper invited you to join Lab of Small Steps on Whetstone as admin and member.',
    );
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('9 March 2026, 09:00 UTC');
    expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).not.toMatch(/<img|<link|<script|src=/i);
  });

  it('keeps line breaks in a name out of the subject', () => {
    expect(invitation({ inviterName: 'Grace\r\nBcc: all@example.test' }).subject).toBe(
      'Grace Bcc: all@example.test invited you to join Lab of Small Steps on Whetstone',
    );
  });

  it('refuses a link that is not a web link, and a recipient that is not one address', () => {
    expect(() => invitation({ link: 'javascript:alert(1)' })).toThrow(/link/);
    expect(() => invitation({ link: '/relative' })).toThrow(/link/);
    expect(() => invitation({ to: 'a@example.test, b@example.test' })).toThrow(/to/);
    expect(() => checkRecipient('no-at-sign')).toThrow(/to/);
    expect(checkRecipient(' ada@example.test ')).toBe('ada@example.test');
  });
});

describe('the password reset', () => {
  it('has the link in both bodies and says how long it works', () => {
    const link = 'https://whet.example.test/reset/tok_9';
    const mail = passwordResetMail({ to: 'ada@example.test', link, expiresInMinutes: 30 });
    expect(mail.subject).toBe('Reset your Whetstone password');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('30 minutes');
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('30 minutes');
  });
});

describe('mailDateTime', () => {
  it('writes an instant in UTC, day first', () => {
    expect(mailDateTime('2026-12-31T23:05:00+01:00')).toBe('31 December 2026, 22:05 UTC');
  });
});
