export { binaryChannel, jsonChannel, type Channel, type PubSub, type Unsubscribe } from './pubsub.js';
export { InProcessHub, InProcessPubSub } from './in-process.js';
export { RedisConnections, retryStrategy, type BusLog, type RedisRole } from './redis-connections.js';
export { RedisPubSub } from './redis-pubsub.js';
