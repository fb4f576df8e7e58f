export * from './model.js';
export * from './ydoc.js';
export { keyBetween, spacedKeys, FIRST_KEY } from './fractional-index.js';
