import { useRef } from 'react';

const freshKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : // randomUUID needs a secure context; a plain-HTTP intranet server still gets a random key.
      Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The Idempotency-Key of a submission: a new one for new values, the same one when the same
 * values are sent again (a retry after a lost answer or a 429), so a retry cannot book twice.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const text = JSON.stringify(body);
    if (last.current?.body !== text) last.current = { body: text, key: freshKey() };
    return last.current.key;
  };
}
