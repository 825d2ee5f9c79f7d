import * as z from 'zod';
import { email } from '../../domain/items/vocabulary';

/** `POST /calendar-feeds`: one's own feed with an empty body; a registrar may name anyone's address. */
export const createFeedBody = z.strictObject({ email: email.optional() }).optional();
export type CreateFeedBody = z.infer<typeof createFeedBody>;

/** A feed as stored: whose deadlines it lists, and who made it when. The token itself is never stored. */
export interface Feed {
  id: string;
  /** The official whose open items the feed lists (lower case). */
  email: string;
  createdBy: string;
  createdAt: string;
}

/** What `POST /calendar-feeds` answers: the URL is shown this once. */
export interface CreatedFeed {
  id: string;
  url: string;
}

/** A feed's secret: 32 random bytes as base64url, without padding. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The path segment of `GET /calendar/{file}`: the token and `.ics`. */
export const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
/** Feed ids are UUIDs: anything else names no feed. */
export const FEED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
