import { BookingRepository, type ReminderKind } from '../../store/coaching/booking.repository.js';
import { CoachRepository } from '../../store/coaching/coach.repository.js';
import type { Store } from '../../store/connect.js';
import { toIso } from '../../store/rows.js';
import { AccountRepository } from '../../store/team/account.repository.js';
import { inTransaction } from '../../store/transaction.js';
import type { Clock } from '../context.js';
import { type BookingMailer, writeBookingMails } from './booking-mails.js';
import { COACH_BOOKINGS_PATH, manageToken, manageUrl } from './manage-link.js';

const LEAD_MS: Record<ReminderKind, number> = { day: 24 * 60 * 60_000, hour: 60 * 60_000 };

/**
 * Reminders a day and an hour before each conversation, to both sides. Run now and then (every
 * minute); each reminder is claimed with one conditional update in the transaction that writes its
 * mails, so of several server processes exactly one sends it. A booking made inside a reminder's
 * lead (an hour ahead, say) gets no "a day before" — the confirmation just said it all.
 */
export class BookingReminders {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly mailer: BookingMailer | null,
    private readonly publicUrl: string,
    private readonly secret: () => Promise<string>,
  ) {}

  async runOnce(limit = 50): Promise<number> {
    if (!this.mailer) return 0;
    let sent = 0;
    for (const kind of ['day', 'hour'] as const) {
      const now = this.clock();
      const until = new Date(now.getTime() + LEAD_MS[kind]).toISOString();
      const due = await new BookingRepository(this.store.db).dueForReminder(
        kind,
        now.toISOString(),
        until,
        limit,
      );
      for (const booking of due) {
        const start = Date.parse(toIso(booking.start_at));
        if (Date.parse(toIso(booking.created_at)) > start - LEAD_MS[kind]) continue;
        if (await this.send(kind, booking, now.toISOString())) sent += 1;
      }
    }
    if (sent > 0) this.mailer.wake();
    return sent;
  }

  private async send(
    kind: ReminderKind,
    booking: Awaited<ReturnType<BookingRepository['dueForReminder']>>[number],
    now: string,
  ): Promise<boolean> {
    const mailer = this.mailer;
    const coach = await new CoachRepository(this.store.db, this.store.engine).byCoach(booking.coach_id);
    if (!mailer || !coach) return false;
    const token = manageToken(await this.secret(), booking.id, Number(booking.sequence));
    return inTransaction(this.store, async (trx) => {
      if (!(await new BookingRepository(trx).claimReminder(booking.id, kind, now))) return false;
      const account = await new AccountRepository(trx, this.store.engine).byId(booking.coach_id);
      await writeBookingMails(mailer, trx, {
        kind: kind === 'day' ? 'reminder-day' : 'reminder-hour',
        booking,
        coach: coach.profile,
        coachEmail: account?.email,
        bookerLink: manageUrl(this.publicUrl, token),
        coachLink: new URL(COACH_BOOKINGS_PATH, this.publicUrl).toString(),
        stamp: now,
      });
      return true;
    });
  }
}
