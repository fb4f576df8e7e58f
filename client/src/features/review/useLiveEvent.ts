import { useCallback, useEffect, useRef, useState } from 'react';
import { useToasts } from '../../toasts.js';
import { acquireSocket, releaseSocket } from '../../realtime.js';

/** Calls `handler` for every socket.io event of this name while the component is mounted. */
export function useLiveEvent<T>(event: string, handler: (payload: T) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const socket = acquireSocket();
    const listener = (payload: T) => ref.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
      releaseSocket();
    };
  }, [event]);
}

/**
 * A list loaded from the API and reloaded whenever `event` arrives: null while
 * loading, [] after a failure (which is shown as a toast). Returns the list and a reload.
 */
export function useLiveList<T>(fetchList: () => Promise<T[]>, event: string): [T[] | null, () => void] {
  const toasts = useToasts();
  const [items, setItems] = useState<T[] | null>(null);
  const fetchRef = useRef(fetchList);
  fetchRef.current = fetchList;
  const load = useCallback(() => {
    fetchRef.current().then(setItems, (err: unknown) => {
      toasts.error(err);
      setItems([]);
    });
  }, [toasts]);
  useEffect(load, [load]);
  useLiveEvent(event, load);
  return [items, load];
}
