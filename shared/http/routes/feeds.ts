import * as z from 'zod';
import { createFeedBody, FEED_FILE, FEED_ID } from '../../application/feeds/model';
import { route } from '../contract';

export const FEEDS_ROUTES = [
  route({
    method: 'POST',
    path: '/calendar-feeds',
    function: 'feeds',
    access: 'signedIn',
    summary: 'Create a personal, secret iCalendar feed URL',
    description:
      "Create a personal, secret iCalendar URL listing the deadlines of one's open items (any signed-in official, for themselves; a registrar for anyone with `{ \"email\": … }`). The URL is shown once; it works until revoked.",
    body: { json: createFeedBody },
    responses: { 201: { description: 'The feed', schema: () => z.object({ id: z.string(), url: z.string().meta({ format: 'uri' }) }) } },
  }),
  route({
    method: 'DELETE',
    path: '/calendar-feeds/{id}',
    function: 'feeds',
    access: 'signedIn',
    summary: 'Revoke a calendar feed',
    description: 'Revoke a calendar feed (its owner, or a registrar): its URL answers 404 from then on.',
    // An id of the wrong form is a feed that does not exist: 404, as for any other.
    params: z.object({ id: z.string().meta({ pattern: FEED_ID.source }) }),
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No such feed (or not yours)' } },
  }),
  route({
    method: 'GET',
    path: '/calendar/{file}',
    function: 'feeds',
    access: 'link',
    summary: "An official's deadlines as iCalendar (`<token>.ics`); the secret token is the credential",
    description:
      "The feed itself, `<token>.ics` (text/calendar): all-day events on the deadlines of the owner's open items (and on the meeting date where there is one), with the decision reference and a link to their page. Outlook and Google Calendar subscribe to it. The secret token is the credential: no JWT authorizer. A done or cancelled item leaves the feed; a revoked or unknown token answers 404.",
    params: z.object({ file: z.string().meta({ pattern: FEED_FILE.source }) }),
    responses: { 200: { description: 'iCalendar', types: ['text/calendar'] }, 404: { description: 'Unknown or revoked feed' } },
  }),
] as const;
