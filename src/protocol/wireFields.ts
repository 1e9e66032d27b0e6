import { z } from 'zod';
import { MAX_CARD_NUMBER_LENGTH } from '../core/index.js';

/** Field shapes several wire messages share; one definition so both ends agree on every bound. */
export const epochMs = z.number().int().min(0).max(8.64e15);
export const wireId = z.string().min(1).max(100);
export const wireCardNumber = z.string().min(1).max(MAX_CARD_NUMBER_LENGTH).regex(/^[0-9A-Za-z]+$/, 'letters and digits only');
export const wireCardField = z.enum(['primary', 'secondary']);
export const wireSeq = z.number().int().min(0);
export const wireArgon2Hash = z.string().min(40).max(300);
/** HMAC-SHA-256 (hex) of a typed Card/ID number under a key derived from the site pepper. */
export const wireTypedIdDigest = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits');
