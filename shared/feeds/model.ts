import { z } from 'zod';
import { email } from '../items/model';

/** `POST /calendar-feeds`: one's own feed with an empty body; a registrar may name anyone's address. */
export const createFeedBody = z.strictObject({ email: email.optional() }).optional();
