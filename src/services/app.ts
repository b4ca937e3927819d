import type { Store } from '../store/connect.js';
import { AreaService } from './area.service.js';
import { BackupService } from './backup.service.js';
import { Blinding } from './blinding.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { ChangeService } from './change.service.js';
import { type Clock, systemClock } from './context.js';
import { DashboardService } from './dashboard.service.js';
import { DeckService } from './deck.service.js';
import { ExerciseService } from './exercise.service.js';
import { ExperimentService } from './experiment.service.js';
import { ExperimentSessions } from './experiment-sessions.js';
import { IdPrefixService } from './id-prefix.service.js';
import { IdeaService } from './idea.service.js';
import { IdeaImportService } from './idea-import.service.js';
import { newId } from './ids.js';
import { MeasurementService } from './measurement.service.js';
import { PlanService } from './plan.service.js';
import { PoolService } from './pool.service.js';
import { PracticeService } from './practice.service.js';
import { ReviewService } from './review.service.js';
import { SecondRaterService } from './second-rater.service.js';
import { SessionService } from './session.service.js';
import { SettingsService } from './settings.service.js';

/** All use cases over one store; the HTTP server and the CLI both start here. */
export interface Services {
  store: Store;
  clock: Clock;
  areas: AreaService;
  ideas: IdeaService;
  ideaImport: IdeaImportService;
  /** Full ids from the unique prefixes people type on the command line. */
  ids: IdPrefixService;
  backup: BackupService;
  changes: ChangeService;
  decks: DeckService;
  sessions: SessionService;
  experiments: ExperimentService;
  /** A second, blind rater of an experiment's ideas, through a link. */
  secondRater: SecondRaterService;
  measurements: MeasurementService;
  pools: PoolService;
  settings: SettingsService;
  plans: PlanService;
  practice: PracticeService;
  exercises: ExerciseService;
  reviews: ReviewService;
  dashboard: DashboardService;
  calendar: CalendarFeedService;
}

export function createServices(
  store: Store,
  options: { clock?: Clock; newId?: () => string } = {},
): Services {
  const clock = options.clock ?? systemClock;
  const areas = new AreaService(store, clock);
  const makeId = options.newId ?? newId;
  const blinding = new Blinding(store, clock);
  const ideas = new IdeaService(store, areas, blinding, clock, makeId);
  const decks = new DeckService(store, clock);
  const settings = new SettingsService(store);
  return {
    store,
    clock,
    areas,
    ideas,
    ids: new IdPrefixService(store),
    ideaImport: new IdeaImportService(store, areas, settings, blinding, clock, makeId),
    backup: new BackupService(store, clock),
    changes: new ChangeService(store),
    decks,
    sessions: new SessionService(
      store,
      areas,
      decks,
      ideas,
      blinding,
      new ExperimentSessions(store),
      clock,
      makeId,
    ),
    experiments: new ExperimentService(store, clock, makeId),
    secondRater: new SecondRaterService(store, clock, makeId),
    measurements: new MeasurementService(store, clock, makeId),
    pools: new PoolService(store, clock, makeId),
    settings,
    plans: new PlanService(store, areas, settings, clock, makeId),
    practice: new PracticeService(store, clock, makeId),
    exercises: new ExerciseService(store, clock, makeId),
    reviews: new ReviewService(store, settings, clock, makeId),
    dashboard: new DashboardService(store, settings, clock),
    calendar: new CalendarFeedService(store, settings, clock, makeId),
  };
}
