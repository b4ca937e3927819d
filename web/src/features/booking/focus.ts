import { useEffect, useRef } from 'react';

/**
 * A ref for the heading of a step that just appeared (the form, the confirmation): focus moves
 * to it, so a screen reader announces the new step and Tab continues from there. `when` false
 * leaves focus alone (a page's first step, where the browser's own start is right).
 */
export function useFocusOnShow<T extends HTMLElement>(when = true) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step first shows
  useEffect(() => {
    if (when) ref.current?.focus();
  }, []);
  return ref;
}
