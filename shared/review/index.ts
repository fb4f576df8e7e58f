export * from './state-machine.js';
export * from './dto.js';
