import { z } from 'zod';

export const enrollRequestSchema = z
  .object({
    code: z.string().min(4).max(64).describe('One-time enrollment code from the administrator, e.g. 7KQ2-M9XD-4TPA'),
    version: z.string().max(64).optional().describe('badgekiosk version running on the kiosk'),
  })
  .strict();

export const enrollResponseSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  siteId: z.string(),
  token: z.string().describe('Bearer token for every later kiosk call; shown once'),
  pepper: z.string().describe('The site PIN pepper, base64; the kiosk keeps it apart from its database'),
});
