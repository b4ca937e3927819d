import { describe, expect, it } from 'vitest';
import { errorOf } from './errors.test-support.js';
import { MEASUREMENT_NOTE_MAX, measurementNameKey, newMeasurement } from './measurements.js';

const NOW = '2026-11-23T10:00:00.000Z';

describe('newMeasurement', () => {
  it('builds an entry dated now, with the name trimmed and no note', () => {
    expect(newMeasurement({ name: '  interruptions ', value: 4 }, 'm1', NOW)).toEqual({
      id: 'm1',
      name: 'interruptions',
      value: 4,
      at: NOW,
      note: null,
      createdAt: NOW,
    });
  });

  it('keeps a given instant (in canonical UTC form), negative and fractional values, and a note', () => {
    const entry = newMeasurement(
      { name: 'mood', value: -1.5, at: '2026-11-22T21:30:00+01:00', note: ' after a long meeting ' },
      'm2',
      NOW,
    );
    expect(entry.at).toBe('2026-11-22T20:30:00.000Z');
    expect(entry.value).toBe(-1.5);
    expect(entry.note).toBe('after a long meeting');
    expect(newMeasurement({ name: 'x', value: 0, note: '   ' }, 'm3', NOW).note).toBeNull();
  });

  it('accepts the value limits and nothing beyond them', () => {
    expect(newMeasurement({ name: 'x', value: 1e9 }, 'm', NOW).value).toBe(1e9);
    expect(newMeasurement({ name: 'x', value: -1e9 }, 'm', NOW).value).toBe(-1e9);
    expect(errorOf(() => newMeasurement({ name: 'x', value: 1e9 + 1 }, 'm', NOW))?.message).toBe(
      'value: must be at most 1000000000',
    );
    expect(errorOf(() => newMeasurement({ name: 'x', value: -1e9 - 1 }, 'm', NOW))?.message).toBe(
      'value: must be at least -1000000000',
    );
  });

  it.each([
    [{ value: 4 }, 'name', 'is required'],
    [{ name: '   ', value: 4 }, 'name', 'must not be empty'],
    [{ name: 'x'.repeat(121), value: 4 }, 'name', 'must be at most 120 characters'],
    [{ name: 'x' }, 'value', 'must be a finite number'],
    [{ name: 'x', value: '4' }, 'value', 'must be a finite number'],
    [{ name: 'x', value: Number.NaN }, 'value', 'must be a finite number'],
    [{ name: 'x', value: Number.POSITIVE_INFINITY }, 'value', 'must be a finite number'],
    [{ name: 'x', value: 1, at: 'yesterday' }, 'at', 'must be an ISO 8601 date-time'],
    [{ name: 'x', value: 1, at: '2026-11-22T10:00:00' }, 'at', 'must be an ISO 8601 date-time'],
    [
      { name: 'x', value: 1, note: 'n'.repeat(MEASUREMENT_NOTE_MAX + 1) },
      'note',
      'must be at most 500 characters',
    ],
    [{ name: 'x', value: 1, unit: 'h' }, 'unit', 'unknown field(s): unit'],
  ])('refuses %j, naming the field', (input, field, message) => {
    const error = errorOf(() => newMeasurement(input, 'm', NOW));
    expect(error?.code).toBe('validation');
    expect(error?.issues[0]?.field).toBe(field);
    expect(error?.issues[0]?.message).toContain(message);
    expect(error?.message.startsWith(`${field}: `)).toBe(true);
  });
});

describe('measurementNameKey', () => {
  it('matches names that differ only in case and spacing', () => {
    expect(measurementNameKey('  Interruptions \t per   Day ')).toBe('interruptions per day');
    expect(measurementNameKey('Interruptions per day')).toBe(measurementNameKey('interruptions per day'));
    expect(measurementNameKey('interruptions')).not.toBe(measurementNameKey('interruption'));
  });

  it('treats composed and decomposed accents as the same name', () => {
    expect(measurementNameKey('Caf\u00e9 visits')).toBe(measurementNameKey('cafe\u0301 visits'));
  });
});
