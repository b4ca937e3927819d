import { expect } from 'vitest';
import type { BackupData } from '../../src/core/backup.js';
import { type ErrorCode, WhetstoneError } from '../../src/core/errors.js';
import type { Idea } from '../../src/core/ideas.js';
import { createServices, type Services } from '../../src/services/app.js';
import { type Actor, type Clock, LOCAL_ACTOR } from '../../src/services/context.js';
import { ensureUser } from '../../src/services/user.service.js';
import type { Store } from '../../src/store/connect.js';
import type { Engine } from '../../src/store/schema.js';
import { openTestStore } from './stores.js';

export const OTHER: Actor = { userId: 'other' };

/** A clock that moves forward 1 ms on every call, so every write gets a distinct, known time. */
export function steppingClock(start = '2026-03-02T09:00:00.000Z'): Clock {
  let now = Date.parse(start);
  return () => new Date(now++);
}

/** A clock that stands still until the test moves it. */
export interface ManualClock {
  clock: Clock;
  advance(ms: number): void;
  /** Moves the clock to `start + ms`. */
  set(ms: number): void;
  /** The ISO instant `start + ms`. */
  at(ms: number): string;
  now(): string;
  /** Milliseconds since `start`. */
  offset(): number;
}

export function manualClock(start = '2026-03-02T09:00:00.000Z'): ManualClock {
  const base = Date.parse(start);
  let now = base;
  return {
    clock: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = base + ms;
    },
    at: (ms) => new Date(base + ms).toISOString(),
    now: () => new Date(now).toISOString(),
    offset: () => now - base,
  };
}

export interface TestEnv {
  engine: Engine;
  store: Store;
  clock: Clock;
  services: Services;
  cleanup(): Promise<void>;
}

/** A fresh store with services over it and the local user (with default areas) created. */
export async function openEnv(engine: Engine, clock: Clock = steppingClock()): Promise<TestEnv> {
  const { store, cleanup } = await openTestStore(engine);
  await ensureUser(store, LOCAL_ACTOR, 'Me', clock);
  return { engine, store, clock, services: createServices(store, { clock }), cleanup };
}

/** Awaits `work`, which must reject with a WhetstoneError of `code`; returns that error. */
export async function expectError(work: Promise<unknown>, code: ErrorCode): Promise<WhetstoneError> {
  const outcome = await work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok)
    throw new Error(`expected a ${code} error, but it succeeded: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(WhetstoneError);
  const error = outcome.error as WhetstoneError;
  expect(error.code, error.message).toBe(code);
  return error;
}

export const fieldsOf = (error: WhetstoneError): string[] => error.issues.map((i) => i.field);

/** Everything the actor has, as a backup sees it (areas with archive state, ideas oldest first). */
export async function snapshot(services: Services, actor: Actor = LOCAL_ACTOR): Promise<BackupData> {
  return (await services.backup.createBackup(actor)).data;
}

/** Every idea of a list query, following cursors to the end. */
export async function listAll(
  services: Services,
  query: Record<string, string | number> = {},
  actor: Actor = LOCAL_ACTOR,
): Promise<Idea[]> {
  const all: Idea[] = [];
  let cursor: string | null = null;
  do {
    const page = await services.ideas.list(actor, cursor ? { ...query, cursor } : query);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Texts of the ideas matching the search `q`, sorted. */
export async function search(services: Services, q: string): Promise<string[]> {
  return (await listAll(services, { q })).map((i) => i.text).sort();
}
