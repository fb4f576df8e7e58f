export { SecretBox, SecretError, parseSecretsKey, secretBoxFromConfig, type SecretProblem, type SecretsKeySource } from './secret-box.js';
