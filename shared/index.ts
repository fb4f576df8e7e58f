export * from './design/index.js';
export * from './protocol/index.js';
export * from './brand/index.js';
export * from './template/index.js';
export * from './compliance/index.js';
export * from './listing/index.js';
export * from './review/index.js';
export * from './api/index.js';
