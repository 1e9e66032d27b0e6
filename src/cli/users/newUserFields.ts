// Moved to src/userImport (shared with the central store's admin API); kept for src/cli callers.
export * from '../../userImport/newUserFields.js';
