import { type MeasurementEntry, measurementNameKey, newMeasurement } from '../core/measurements.js';
import type { Store } from '../store/connect.js';
import { MeasurementRepository } from '../store/measurement.repository.js';
import type { Actor, Clock } from './context.js';

/** Logging a named number (`whet measure interruptions 4`) and reading the series back. */
export class MeasurementService {
  private readonly measurements: MeasurementRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.measurements = new MeasurementRepository(store.db);
  }

  async log(actor: Actor, input: unknown): Promise<MeasurementEntry> {
    const entry = newMeasurement(input, this.newId(), this.clock().toISOString());
    await this.measurements.insert(actor.userId, entry, measurementNameKey(entry.name));
    return entry;
  }

  /** Oldest first; one quantity when `name` is given (matched case- and space-insensitively). */
  async list(actor: Actor, filter: { name?: string } = {}): Promise<MeasurementEntry[]> {
    return this.measurements.list(actor.userId, {
      ...(filter.name ? { nameKey: measurementNameKey(filter.name) } : {}),
      limit: 10_000,
    });
  }
}
