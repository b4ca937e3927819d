import { type ReactNode, useEffect, useId, useRef } from 'react';
import { VALUE_HINTS } from '../../../shared/format.js';

/** The blind rating scale: 1 (no help) to 5 (a large help). */
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** What the keys of a blind rating page do: 1–5 rate, and one action per letter (lower case). */
export interface RatingKeys {
  rate: (value: number) => void;
  letters: Record<string, () => void>;
}

/**
 * Keys 1–5 and the page's letters while `enabled`; not while typing in a field, with a dialog open,
 * or with a modifier held. The latest handlers are used without re-subscribing on every render.
 */
export function useRatingKeys(keys: RatingKeys, enabled = true): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const { rate, letters } = latest.current;
      const act = letters[event.key.toLowerCase()];
      const value = Number(event.key);
      if (act) act();
      else if (RATING_VALUES.includes(value as (typeof RATING_VALUES)[number])) rate(value);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/**
 * One idea of a blind rating: the progress, the text alone, the buttons 1–5 with their hints, and a
 * footer with the keys (`hint`), "Undo last rating" and, where ideas can be put off, "Later".
 */
export function BlindRatingItem({
  text,
  rated,
  total,
  busy,
  onRate,
  onUndo,
  onLater,
  hint,
}: {
  text: string;
  rated: number;
  total: number;
  busy: boolean;
  onRate: (value: number) => void;
  onUndo: () => void;
  /** Puts the idea off to the end; without it the page offers no "Later". */
  onLater?: () => void;
  hint: ReactNode;
}) {
  const hintId = useId();
  return (
    <>
      <div className="blind__progress">
        <p className="blind__count">
          <strong>{Math.min(rated + 1, total)}</strong> of {total}
        </p>
        <div
          className="blind__meter"
          role="progressbar"
          aria-label="Rated"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={rated}
          aria-valuetext={`${rated} of ${total} rated`}
        >
          <span style={{ width: `${(rated / Math.max(1, total)) * 100}%` }} />
        </div>
      </div>
      <div className="card blind__card">
        <p className="blind__text" aria-live="polite">
          {text}
        </p>
      </div>
      <fieldset className="blind__values" disabled={busy}>
        <legend className="blind__legend">Value</legend>
        <div className="blind__buttons">
          {RATING_VALUES.map((v) => (
            <button
              key={v}
              type="button"
              className="blind__value"
              onClick={() => onRate(v)}
              aria-describedby={`${hintId}-${v}`}
            >
              <span className="blind__value-number">{v}</span>
              <span id={`${hintId}-${v}`} className="blind__value-hint" aria-hidden="true">
                {VALUE_HINTS[v]}
              </span>
            </button>
          ))}
        </div>
      </fieldset>
      <div className="blind__footer">
        <p className="hint blind__hint">{hint}</p>
        <div className="blind__footer-buttons">
          <button
            type="button"
            className="button button--small"
            onClick={onUndo}
            disabled={busy || rated === 0}
            aria-keyshortcuts="U"
          >
            Undo last rating
          </button>
          {onLater && (
            <button
              type="button"
              className="button button--small"
              onClick={onLater}
              disabled={busy || total - rated < 2}
              aria-keyshortcuts="L"
            >
              Later
            </button>
          )}
        </div>
      </div>
    </>
  );
}

/** The card once every idea is rated: what it means, the finishing button, and undo while any is rated. */
export function BlindRatingDone({
  title,
  note,
  finishLabel,
  finishDisabled,
  onFinish,
  rated,
  busy,
  onUndo,
}: {
  title: string;
  note: string;
  finishLabel: string;
  finishDisabled: boolean;
  onFinish: () => void;
  rated: number;
  busy: boolean;
  onUndo: () => void;
}) {
  return (
    <div className="card blind__done" role="status">
      <p className="blind__done-title">{title}</p>
      <p className="meta-text">{note}</p>
      <div className="blind__done-buttons">
        <button type="button" className="button button--primary" onClick={onFinish} disabled={finishDisabled}>
          {finishLabel}
        </button>
        {rated > 0 && (
          <button type="button" className="button" onClick={onUndo} disabled={busy}>
            Undo last rating
          </button>
        )}
      </div>
    </div>
  );
}
