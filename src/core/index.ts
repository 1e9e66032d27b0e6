export * from './audit.js';
export * from './config/configKey.js';
export * from './config/configRegistry.js';
export * from './domainError.js';
export * from './ports.js';
export * from './result.js';
export * from './selfService.js';
export * from './user.js';
