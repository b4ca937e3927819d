import * as z from 'zod/mini';

/**
 * zod/mini ships without message locales (that is what keeps the CLI start-up fast), so the core
 * installs one short English error map. Field-specific messages given in a schema win over it.
 */
function describe(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} character(s)`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date'
        ? 'must be an ISO 8601 date or date-time'
        : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return issue.divisor === 1 ? 'must be a whole number' : `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

let installed = false;
/** Installs the error map once per process; core modules call it on import. */
export function installSchemaMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: describe });
}
installSchemaMessages();
