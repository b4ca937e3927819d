import * as z from 'zod/mini';
import './schema-messages.js';
import { TimeZone } from './time-zone.js';

/** What a user may change in their settings; `timeZone: null` returns to the system's zone. */
export const SettingsInput = z.strictObject({
  timeZone: z.nullable(TimeZone),
});
export type SettingsInput = z.infer<typeof SettingsInput>;
