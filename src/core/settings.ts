import * as z from 'zod/mini';
import './schema-messages.js';
import { TimeZone } from './time-zone.js';

/** What a user may change in their settings; `timeZone: null` returns to the system's zone. */
export const SettingsInput = z.strictObject({
  timeZone: z.nullable(TimeZone),
});
export type SettingsInput = z.infer<typeof SettingsInput>;

/** GET and PUT /settings: the zone local dates, weeks and streaks use, and where it comes from. */
export const Settings = z.object({
  timeZone: z.string(),
  /** `chosen` by the user, or taken from the `system` Whetstone runs on. */
  timeZoneSource: z.enum(['chosen', 'system']),
});
export type Settings = z.infer<typeof Settings>;
