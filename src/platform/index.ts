// The operating system behind core's Clock and RandomSource ports, for every composition root.
export { cryptoRandomSource } from './cryptoRandomSource.js';
export { preparePrivateDatabaseFile } from './privateFiles.js';
export { systemClock } from './systemClock.js';
