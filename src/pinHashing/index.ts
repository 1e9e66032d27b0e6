// PIN hashing and the site secret (DESIGN §6): used by the kiosk store and the central store alike.
export { createArgon2PinHasher, MIN_ARGON2_PARAMETERS, type Argon2PinHasherOptions } from './argon2PinHasher.js';
export { loadOrCreatePepper, readPepper, PEPPER_BYTES } from './pepperFile.js';
export { checkPinHash } from './pinHashFormat.js';
export { typedIdDigester } from './typedIdDigest.js';
