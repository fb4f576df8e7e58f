export * from './kinds.js';
export * from './model.js';
export * from './order.js';
export { parseDesignObject, parseDesignMeta } from './read.js';
export * from './ydoc.js';
export { designToUpdate } from './document.js';
export {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  migrateDesign,
  migrationSteps,
  schemaVersionOf,
  stampSchemaVersion,
} from './migrations.js';
export { keyBetween, spacedKeys, FIRST_KEY } from './fractional-index.js';
export * from './safe-values.js';
