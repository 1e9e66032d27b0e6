export * from './contractError.js';
export * from './kioskApi.js';
export * from './kioskEvents.js';
export * from './kioskMethods.js';
export * from './kioskState.js';
export * from './wireMessages.js';
