import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL cluster. */
    pgAdminUrl: string;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Starts one PostgreSQL cluster for the whole run; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('pgAdminUrl', cluster.adminUrl);

  // A crashed or interrupted run must not leave a server behind.
  const onExit = (): void => cluster.stopSync();
  const onSignal = (signal: NodeJS.Signals): void => {
    cluster.stopSync();
    process.off(signal, onSignal);
    // Nobody else handles it: behave as if we had not listened.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  return async () => {
    process.off('exit', onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await cluster.stop();
  };
}
