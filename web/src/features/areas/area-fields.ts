import * as z from 'zod/mini';
import { Area } from '../../../../src/core/areas.js';

/** What the add and rename forms check before sending: the core's rules for a name and a description. */
export const AreaFields = z.object({ name: Area.shape.name, description: Area.shape.description });

export interface AreaFieldValues {
  name: string;
  description: string | null;
}

/** Over the limit is said while typing (the check on sending refuses it), unless an error says more. */
export function limitHint(length: number, max: number, error: string | undefined): string | undefined {
  return length > max && !error ? `At most ${max} characters.` : undefined;
}
