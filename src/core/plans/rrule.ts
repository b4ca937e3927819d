import * as rrulePackage from 'rrule';

/**
 * rrule 2.8 ships a UMD build as `main` and ES modules as `module`, without an `exports` map.
 * Node's ES module loader (and vitest) sees the UMD build, whose names sit on the default export;
 * bundlers that read `module` (Vite) see them as named exports. This takes whichever is there.
 */
type RRuleModule = typeof rrulePackage;
const loaded = rrulePackage as RRuleModule & { default?: RRuleModule };
export const RRule: RRuleModule['RRule'] = loaded.RRule ?? loaded.default!.RRule;
export type RRule = InstanceType<RRuleModule['RRule']>;
