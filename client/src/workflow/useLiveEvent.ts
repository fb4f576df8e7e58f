import { useEffect, useRef } from 'react';
import { acquireSocket, releaseSocket } from '../realtime.js';

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
