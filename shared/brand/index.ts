export * from './kit.js';
export * from './color.js';
