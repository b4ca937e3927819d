import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { INBOX_SEARCH_KEY, requestCaptureFocus } from '../shared/state.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "/" or "n" anywhere outside a field jumps to the capture box (on the inbox). */
export function useCaptureShortcut(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== '/' && event.key !== 'n' && event.key !== 'N') return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (!requestCaptureFocus()) navigate(`/${sessionStorage.getItem(INBOX_SEARCH_KEY) ?? ''}`);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
}
