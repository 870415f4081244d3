import { z } from 'zod';

/** Staff ask how the extension reads one URL (the catalog page's URL tester). */
export const classifyQuerySchema = z.object({
  url: z.string().trim().min(1, 'Give a URL to test').max(4096),
});
