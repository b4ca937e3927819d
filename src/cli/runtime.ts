import { createServices, type Services } from '../services/app.js';
import { type Actor, type Clock, LOCAL_ACTOR, LOCAL_USER_NAME, systemClock } from '../services/context.js';
import { ensureUser } from '../services/user.service.js';
import { openStore } from '../store/connect.js';
import { resolveDatabaseLocation } from '../store/location.js';
import type { CliServices } from './cli-services.js';
import { cliClock } from './clock.js';
import { remindOfExperiment } from './reminder.js';
import { chooseTarget } from './remote/target.js';

export interface Runtime {
  services: CliServices;
  actor: Actor;
  close(): Promise<void>;
}

/** A runtime on a database of this machine, with every service (`whet serve`, `whet admin`). */
export interface LocalRuntime extends Runtime {
  services: Services;
}

/**
 * Opens the database chosen by `--db` / the environment and the solo user's services. The default
 * clock is the real time, or ahead of it by WHETSTONE_CLOCK_OFFSET_MS in test mode (see clock.ts).
 */
export async function openRuntime(
  dbFlag: string | undefined,
  clock: Clock = cliClock(),
  options: { localUser?: boolean } = {},
): Promise<LocalRuntime> {
  const store = await openStore(resolveDatabaseLocation(dbFlag, process.env));
  try {
    // A team server has accounts instead of the implicit local person.
    if (options.localUser !== false) await ensureUser(store, LOCAL_ACTOR, LOCAL_USER_NAME, systemClock);
  } catch (error) {
    await store.close();
    throw error;
  }
  return { services: createServices(store, { clock }), actor: LOCAL_ACTOR, close: () => store.close() };
}

/**
 * The runtime a command works with: the team server of `whet login` unless a local database is
 * chosen explicitly (see remote/target.ts). The HTTP client loads only when it is needed.
 */
export async function openCliRuntime(dbFlag: string | undefined): Promise<Runtime> {
  const target = chooseTarget(dbFlag);
  if (target.kind === 'local') return openRuntime(dbFlag);
  const { openRemoteRuntime } = await import('./remote/remote-runtime.js');
  return openRemoteRuntime(target.credentials);
}

/**
 * Runs `work` with an open runtime and always closes the database afterwards. When it succeeds
 * and this command shows the experiment reminder, the reminder line follows its output.
 */
export async function withRuntime<T>(
  dbFlag: string | undefined,
  work: (rt: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openCliRuntime(dbFlag);
  try {
    const result = await work(runtime);
    await remindOfExperiment(runtime);
    return result;
  } finally {
    await runtime.close();
  }
}
