/** Reply schemas shared by the routes of every module. */
import { z } from 'zod';

/** A 204 reply: no body. Declared so the OpenAPI document says so. */
export const noContent = z.null().describe('No content');
