import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';

export interface Polled<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Fetch now (after a command) without waiting for the next tick. */
  refresh: () => void;
}

/**
 * Loads `load()` now and every `intervalMs` while `enabled`; a new `key` starts over. Ticks do not
 * overlap (the next one is scheduled after the previous answer), so a slow server is not flooded.
 */
export function usePolling<T>(load: () => Promise<T>, key: string, intervalMs: number, enabled = true): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const tick = useRef<() => void>(() => undefined);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only a new key forgets the old data; a new interval (or enabled flag) keeps showing it.
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(undefined);
      setLoading(true);
    }
    const run = async (): Promise<void> => {
      clearTimeout(timer);
      try {
        const value = await loadRef.current();
        if (cancelled) return;
        setData(value);
        setError(null);
      } catch (failure) {
        if (!cancelled) setError(describeError(failure));
      } finally {
        if (!cancelled) {
          setLoading(false);
          if (enabled && intervalMs > 0) timer = setTimeout(() => void run(), intervalMs);
        }
      }
    };
    tick.current = () => void run();
    void run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, intervalMs, enabled]);

  const refresh = useCallback(() => tick.current(), []);
  return { data, error, loading, refresh };
}
