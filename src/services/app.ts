import type { Store } from '../store/connect.js';
import { AreaService } from './area.service.js';
import { BackupService } from './backup.service.js';
import { ChangeService } from './change.service.js';
import { type Clock, systemClock } from './context.js';
import { IdeaService } from './idea.service.js';
import { newId } from './ids.js';

/** All use cases over one store; the HTTP server and the CLI both start here. */
export interface Services {
  store: Store;
  clock: Clock;
  areas: AreaService;
  ideas: IdeaService;
  backup: BackupService;
  changes: ChangeService;
}

export function createServices(
  store: Store,
  options: { clock?: Clock; newId?: () => string } = {},
): Services {
  const clock = options.clock ?? systemClock;
  const areas = new AreaService(store, clock);
  return {
    store,
    clock,
    areas,
    ideas: new IdeaService(store, areas, clock, options.newId ?? newId),
    backup: new BackupService(store, clock),
    changes: new ChangeService(store),
  };
}
