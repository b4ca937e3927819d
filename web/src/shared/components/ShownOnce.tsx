import { type ReactNode, useId, useRef, useState } from 'react';
import './shown-once.css';

/**
 * A secret the server shows this once (an invitation link, an access token): read-only, with
 * Copy, and a note on what it is. Only its fingerprint is kept, so it cannot be shown again.
 */
export function ShownOnce({
  region,
  label,
  value,
  note,
}: {
  /** The region's accessible name, e.g. "New invitation link". */
  region: string;
  label: ReactNode;
  value: string;
  note: ReactNode;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard here (plain http on another host): select it for Ctrl+C instead.
      input.current?.select();
    }
  };
  return (
    <section className="link-once" aria-label={region}>
      <label htmlFor={`${id}-value`} className="field__label">
        {label}
      </label>
      <div className="link-once__row">
        <input
          ref={input}
          id={`${id}-value`}
          className="input link-once__url"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-note`}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p id={`${id}-note`} className="hint link-once__note" role="status">
        {note}
      </p>
    </section>
  );
}
