import { useEffect, useState } from 'react';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Runs an API call when its dependencies change and tracks its state; a stale answer is dropped.
 * While a reload runs, the last value stays on screen (no flash of "loading", no lost focus or tab).
 */
export function useApi<T>(call: () => Promise<T>, deps: unknown[]): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    call().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, deps); // the caller lists what the call depends on
  return state;
}
