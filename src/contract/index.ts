export * from './contractError.js';
export * from './kioskApi.js';
export * from './kioskEvents.js';
export * from './kioskMethods.js';
export * from './ipcChannels.js';
export * from './kioskState.js';
export * from './methodNames.js';
export * from './wireMessages.js';
