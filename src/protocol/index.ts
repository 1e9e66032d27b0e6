// The kiosk <-> central wire (DESIGN §1, §5): imported by src/sync and src/central, which never import each other.
export * from './changeFeed.js';
export * from './enrollment.js';
export * from './errors.js';
export * from './kioskApi.js';
export * from './kioskCommands.js';
export * from './liveEvents.js';
