import type { BookingReminders } from './booking-reminders.js';
import type { BusyCalendarService } from './busy-calendar.service.js';

const REMINDER_INTERVAL_MS = 60_000;
const CALENDAR_INTERVAL_MS = 5 * 60_000;

/**
 * The coaching work nobody asks for: reminders a day and an hour before each conversation, and
 * fresh copies of coaches' busy calendars. Every server process may run it; claims in the store
 * make each reminder go out once and each calendar fetch happen once per round.
 */
export class CoachingBackground {
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reminders: BookingReminders,
    private readonly calendars: BusyCalendarService,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('whetstone: coaching background work:', error),
  ) {}

  start(): void {
    if (this.timers.length > 0) return;
    this.every(REMINDER_INTERVAL_MS, () => this.reminders.runOnce());
    this.every(CALENDAR_INTERVAL_MS, () => this.calendars.refreshDue());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.running;
  }

  private every(intervalMs: number, work: () => Promise<unknown>): void {
    const run = () => {
      this.running = this.running.then(work).catch(this.onError);
    };
    run();
    const timer = setInterval(run, intervalMs);
    // Background work alone never keeps the process alive.
    timer.unref();
    this.timers.push(timer);
  }
}
