import { validationError } from '../core/errors.js';
import { DASHBOARD_WEEKS_MAX, type Dashboard, dashboard } from '../core/plans/dashboard.js';
import { localDate } from '../core/time-zone.js';
import type { Store } from '../store/connect.js';
import { ExerciseRepository } from '../store/exercise.repository.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository } from '../store/practice.repository.js';
import type { Actor, Clock } from './context.js';
import type { SettingsService } from './settings.service.js';

/** The progress dashboard: every series computed in the core from the user's records. */
export class DashboardService {
  private readonly ideas: IdeaRepository;
  private readonly plans: PlanRepository;
  private readonly practice: PracticeRepository;
  private readonly exercises: ExerciseRepository;

  constructor(
    store: Store,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {
    this.ideas = new IdeaRepository(store.db, store.engine);
    this.plans = new PlanRepository(store.db);
    this.practice = new PracticeRepository(store.db);
    this.exercises = new ExerciseRepository(store.db);
  }

  /** `weeks`: how many weeks the weekly series cover, 1 to 52 (default 8). */
  async get(actor: Actor, options: { weeks?: number } = {}): Promise<Dashboard> {
    const { weeks } = options;
    if (weeks !== undefined && !(Number.isInteger(weeks) && weeks >= 1 && weeks <= DASHBOARD_WEEKS_MAX))
      throw validationError('weeks', `must be a whole number of weeks from 1 to ${DASHBOARD_WEEKS_MAX}`);
    const timeZone = await this.settings.timeZone(actor);
    return dashboard({
      today: localDate(this.clock(), timeZone),
      timeZone,
      ...(options.weeks === undefined ? {} : { weeks: options.weeks }),
      ideas: await this.ideas.listAll(actor.userId),
      plans: await this.plans.list(actor.userId),
      practice: await this.practice.practice(actor.userId),
      interruptions: await this.practice.interruptions(actor.userId),
      exercises: await this.exercises.list(actor.userId),
    });
  }
}
