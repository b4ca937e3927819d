import type { Store } from '../store/connect.js';
import { AreaService } from './area.service.js';
import { BackupService } from './backup.service.js';
import { ChangeService } from './change.service.js';
import { type Clock, systemClock } from './context.js';
import { DeckService } from './deck.service.js';
import { ExperimentService } from './experiment.service.js';
import { IdeaService } from './idea.service.js';
import { newId } from './ids.js';
import { MeasurementService } from './measurement.service.js';
import { PoolService } from './pool.service.js';
import { SessionService } from './session.service.js';

/** All use cases over one store; the HTTP server and the CLI both start here. */
export interface Services {
  store: Store;
  clock: Clock;
  areas: AreaService;
  ideas: IdeaService;
  backup: BackupService;
  changes: ChangeService;
  decks: DeckService;
  sessions: SessionService;
  experiments: ExperimentService;
  measurements: MeasurementService;
  pools: PoolService;
}

export function createServices(
  store: Store,
  options: { clock?: Clock; newId?: () => string } = {},
): Services {
  const clock = options.clock ?? systemClock;
  const areas = new AreaService(store, clock);
  const makeId = options.newId ?? newId;
  const ideas = new IdeaService(store, areas, clock, makeId);
  const decks = new DeckService(store, clock);
  return {
    store,
    clock,
    areas,
    ideas,
    backup: new BackupService(store, clock),
    changes: new ChangeService(store),
    decks,
    sessions: new SessionService(store, areas, decks, ideas, clock, makeId),
    experiments: new ExperimentService(store, clock, makeId),
    measurements: new MeasurementService(store, clock, makeId),
    pools: new PoolService(store, clock, makeId),
  };
}
