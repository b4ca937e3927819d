import { useEffect, useRef } from 'react';

/**
 * A ref for the heading of a step that just appeared (the form, the confirmation): focus moves
 * to it, so a screen reader announces the new step and Tab continues from there.
 */
export function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
