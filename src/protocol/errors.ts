import { z } from 'zod';

/** Every refusal on the wire: a stable code, words for people, and optional details (never a secret). */
export const errorReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const errorResponseSchema = z.object({ error: errorReasonSchema });
