import { useEffect, useRef } from 'react';

/** A message that appears after an action is brought into view, wherever on a long page it sits. */
export function useScrollIntoView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return ref;
}
