import { useEffect, useState } from 'react';
import { useToast } from '../../shared/state.js';

/** Copies `text`; says "Copied" for a moment, or tells how to copy by hand when the browser refuses. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { notify } = useToast();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // No clipboard permission (plain http on another host): the link is on screen to copy by hand.
      notify('Your browser did not allow copying; select the link and copy it', 'error');
    }
  };
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      aria-label={copied ? 'Copied' : label}
      onClick={() => void copy()}
    >
      {copied ? 'Copied' : 'Copy link'}
    </button>
  );
}
