/** True when a write failed on a unique constraint, on either engine (PostgreSQL 23505, SQLite's message). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '23505' || (typeof message === 'string' && message.startsWith('UNIQUE constraint failed'));
}
