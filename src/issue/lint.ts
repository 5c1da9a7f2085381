/** Editorial lint: the rules live in ./lint/, one module per rule or group of rules. */
export * from './lint/index.js';
