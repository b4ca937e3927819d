import { notFound } from '../core/errors.js';
import { findTemplate } from '../core/experiments/templates.js';
import {
  type FeedExperiment,
  oneOffExportEnd,
  oneOffPracticeEnd,
  type PlanFeedOptions,
  planFeed,
} from '../core/plans/feed.js';
import type { CalendarFeed } from '../core/plans/views.js';
import { addDays, localDate } from '../core/time-zone.js';
import { CalendarFeedRepository } from '../store/calendar-feed.repository.js';
import type { Store } from '../store/connect.js';
import { ExperimentRepository } from '../store/experiment.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import type { Actor, Clock } from './context.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import type { SettingsService } from './settings.service.js';

/** How far back and ahead a calendar covers. */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 180;

export type { CalendarFeed };

/**
 * The calendar: practice blocks from the cadences, review dates and experiment phase ends, as a
 * one-off ICS file or a subscription URL with a secret token that can be revoked.
 */
export class CalendarFeedService {
  private readonly feeds: CalendarFeedRepository;
  private readonly plans: PlanRepository;
  private readonly experiments: ExperimentRepository;

  constructor(
    store: Store,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.feeds = new CalendarFeedRepository(store.db);
    this.plans = new PlanRepository(store.db);
    this.experiments = new ExperimentRepository(store.db, store.engine);
  }

  /** A new subscription; the token is shown this once (only its hash is stored). */
  async create(actor: Actor): Promise<CalendarFeed & { token: string }> {
    const token = newSecretToken();
    const feed = { id: this.newId(), createdAt: this.clock().toISOString() };
    await this.feeds.insert(actor.userId, { ...feed, tokenHash: hashSecretToken(token) });
    return { ...feed, revokedAt: null, token };
  }

  async list(actor: Actor): Promise<CalendarFeed[]> {
    return (await this.feeds.list(actor.userId)).map(({ id, createdAt, revokedAt }) => ({
      id,
      createdAt,
      revokedAt,
    }));
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    if (!(await this.feeds.revoke(actor.userId, id, this.clock().toISOString())))
      throw notFound('calendar feed', id);
  }

  /** The feed behind a subscription token; an unknown or revoked token is simply not found. */
  async feedFor(token: string): Promise<string> {
    const feed = await this.feeds.findLive(hashSecretToken(token));
    if (!feed) throw notFound('calendar feed', 'for this link');
    const today = await this.today({ userId: feed.userId });
    return this.calendar(
      { userId: feed.userId },
      { from: addDays(today, -FEED_DAYS_BACK), to: addDays(today, FEED_DAYS_AHEAD) },
    );
  }

  /**
   * The calendar as a one-off file, imported once and never refreshed: from today, each plan's
   * blocks up to its review date (a kept routine's for the next weeks), reviews and phase ends.
   */
  async export(actor: Actor): Promise<string> {
    const today = await this.today(actor);
    const plans = await this.plans.list(actor.userId);
    return this.calendar(actor, {
      from: today,
      to: oneOffExportEnd(plans, today),
      practiceEnd: (plan) => oneOffPracticeEnd(plan, today),
    });
  }

  private async today(actor: Actor): Promise<string> {
    return localDate(this.clock(), await this.settings.timeZone(actor));
  }

  private async calendar(
    actor: Actor,
    window: Pick<PlanFeedOptions, 'from' | 'to' | 'practiceEnd'>,
  ): Promise<string> {
    const timeZone = await this.settings.timeZone(actor);
    const now = this.clock();
    const experiments: FeedExperiment[] = (await this.experiments.list(actor.userId, 100))
      .filter((e) => e.record.state !== 'abandoned')
      .map(({ record }) => ({
        id: record.id,
        title: findTemplate(record.templateId).title,
        phases: record.phases.map((p) => ({
          key: p.key,
          label: p.label,
          plannedEnd: p.endedAt ?? p.plannedEnd,
        })),
      }));
    return planFeed({
      plans: await this.plans.list(actor.userId),
      timeZone,
      ...window,
      experiments,
      name: 'Whetstone',
      now,
    });
  }
}
