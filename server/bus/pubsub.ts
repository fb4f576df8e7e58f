import type { z } from 'zod';

/**
 * A typed channel: a name (the Redis channel prefix; a topic such as a design id is
 * appended) and how its messages travel as bytes. Decoding throws on bad input.
 */
export interface Channel<T> {
  readonly name: string;
  encode(message: T): Uint8Array;
  decode(bytes: Uint8Array): T;
}

/** A channel of JSON messages checked by a zod schema on the way in. */
export function jsonChannel<S extends z.ZodType>(name: string, schema: S): Channel<z.infer<S>> {
  return {
    name,
    encode: (message) => Buffer.from(JSON.stringify(message)),
    decode: (bytes) => schema.parse(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))),
  };
}

/** A channel of binary messages with its own codec. */
export function binaryChannel<T>(name: string, encode: (m: T) => Uint8Array, decode: (bytes: Uint8Array) => T): Channel<T> {
  return { name, encode, decode };
}

export type Unsubscribe = () => Promise<void>;

/**
 * Messages between server instances. Delivery is at most once: a message published
 * while the link is down is dropped, never queued and never thrown; whatever rides on
 * the bus keeps its truth elsewhere (the update log, the database) and reconciles
 * when `onReconnect` fires. Subscribers on the same bus also hear their own messages.
 */
export interface PubSub {
  readonly kind: 'in-process' | 'redis';
  /** Whether messages flow right now. */
  readonly up: boolean;
  publish<T>(channel: Channel<T>, topic: string, message: T): void;
  /** Resolves once the subscription is live, or once it is recorded while the link is down (it is made on reconnect). */
  subscribe<T>(channel: Channel<T>, topic: string, handler: (message: T) => void): Promise<Unsubscribe>;
  /** After a loss of the link, once it is back and every subscription is live again: time to reconcile. */
  onReconnect(listener: () => void): void;
  /** Every change of `up`. */
  onStateChange(listener: (up: boolean) => void): void;
  close(): Promise<void>;
}

/** The wire name of a channel's topic. */
export const wireName = (channel: Channel<unknown>, topic: string) => channel.name + topic;
