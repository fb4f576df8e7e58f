export { AiService, type AiAnswer, type AiNotice } from './service.js';
export { BuiltinAiProvider } from './builtin.js';
export { OpenAiProvider, costOf, type OpenAiOptions } from './openai.js';
export * from './types.js';
