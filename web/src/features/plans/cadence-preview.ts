import { useEffect, useState } from 'react';

/**
 * Reads a cadence as the person types it, with the server's own parser from the core: the plan
 * form says "3 × 30 min a week" or exactly what the server would refuse, before anything is sent.
 * The parser needs rrule and Temporal, so it loads on demand (its own chunk) when a plan form
 * opens; the server still checks the cadence when the plan is saved.
 */
export type CadenceReading =
  | { ok: true; words: string; minutesPerWeek: number }
  | { ok: false; message: string }
  | null;

type Reader = (text: string) => CadenceReading;

let readerPromise: Promise<Reader> | null = null;

function loadReader(): Promise<Reader> {
  readerPromise ??= Promise.all([
    import('../../../../src/core/plans/cadence-parse.js'),
    import('../../../../src/core/plans/cadence.js'),
  ]).then(([parse, cadence]) => (text: string) => {
    try {
      const parsed = parse.parseCadence(text);
      return {
        ok: true,
        words: cadence.describeCadence(parsed),
        minutesPerWeek: Math.round(cadence.blocksPerWeek(parsed) * parsed.minutes),
      };
    } catch (error) {
      const issue = (error as { issues?: { message: string }[] }).issues?.[0];
      return { ok: false, message: issue?.message ?? String(error) };
    }
  });
  return readerPromise;
}

/** The reading of `text` (null while it is empty or the parser is still loading). */
export function useCadenceReading(text: string): CadenceReading {
  const [reading, setReading] = useState<CadenceReading>(null);
  useEffect(() => {
    let alive = true;
    if (!text.trim()) {
      setReading(null);
      return;
    }
    // A short pause, so the hint does not flicker through errors while a word is half typed.
    const timer = window.setTimeout(() => {
      loadReader().then(
        (read) => alive && setReading(read(text)),
        () => alive && setReading(null),
      );
    }, 250);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  return reading;
}
