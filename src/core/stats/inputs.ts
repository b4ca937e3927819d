import { validationError } from '../errors.js';

/** Throws a validation error unless every value is a finite number. */
export function requireFinite(values: readonly number[], field: string): void {
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) throw validationError(`${field}.${index}`, 'must be a finite number');
  });
}

/** Throws a validation error unless `confidence` is strictly between 0 and 1. */
export function requireConfidence(confidence: number, field = 'confidence'): void {
  if (!(confidence > 0 && confidence < 1)) throw validationError(field, 'must be between 0 and 1');
}
