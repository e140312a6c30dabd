import * as z from 'zod';
import type { ResponseHeader, ResponseSpec } from '../registry';
import { problemSchema } from '../schemas';

/** A problem-details answer (application/problem+json). */
export const problem = (description: string, headers: readonly ResponseHeader[] = []): ResponseSpec => ({
  description,
  body: problemSchema,
  ...(headers.length > 0 ? { headers } : {}),
});

export const notFound = (what: string): ResponseSpec => problem(`${what} (another seller's answers exactly the same).`);
export const forbiddenSeller = problem('The API key may not act for the seller named.');

/** Query parameters shared by paginated lists. */
export const pageQuery = {
  limit: z.string().regex(/^\d+$/).optional().meta({ description: 'Page size, 1 to 100 (default 50).' }),
  cursor: z.string().optional().meta({ description: 'The `nextCursor` of the previous page, unchanged.' }),
};

/** A key acting for several sellers names one; a seller's own key need not. */
export const sellerIdQuery = z.string().optional().meta({ description: 'The seller, when the key acts for several.' });
