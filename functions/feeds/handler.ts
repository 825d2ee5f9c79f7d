import { createFeed, feedOfFile, revokeFeed } from '../../shared/application/feeds/service';
import { openItemsOf } from '../../shared/application/items/link-actions';
import { pageUrl } from '../../shared/application/links/fresh-link';
import { json } from '../../shared/http/problems';
import { createRouter } from '../../shared/http/router';
import { FEEDS_ROUTES } from '../../shared/http/routes/feeds';
import { feedCalendar } from '../../shared/views/calendar/feed';
import { feedsDependencies, type FeedsDependencies } from './dependencies';

/** How long a client or proxy may reuse a feed: a few minutes, and only the subscriber's own. */
const FEED_HEADERS = {
  'content-type': 'text/calendar; charset=utf-8',
  'cache-control': 'private, max-age=300',
  // The URL is the credential: never sent on as a Referer from a link in an event.
  'referrer-policy': 'no-referrer',
  'content-disposition': 'inline; filename="tidsfrister.ics"',
  'x-content-type-options': 'nosniff',
};

export function createHandler(deps: () => FeedsDependencies = feedsDependencies) {
  return createRouter(
    FEEDS_ROUTES,
    {
      'POST /calendar-feeds': async ({ caller, body }) => json(201, await createFeed(deps(), caller, body, deps().config.PUBLIC_BASE_URL)),

      'DELETE /calendar-feeds/{id}': async ({ caller, params }) => {
        await revokeFeed(deps(), caller, params.id);
        return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
      },

      'GET /calendar/{file}': async ({ params }) => {
        const d = deps();
        const feed = await feedOfFile(d, params.file);
        // One signed link per answer: every event links to the official's page ("Mina ärenden").
        const [items, token] = await Promise.all([openItemsOf(d, feed.email), d.links.sign({ kind: 'official', email: feed.email })]);
        return { statusCode: 200, headers: FEED_HEADERS, body: feedCalendar({ items, pageLink: pageUrl(d.config.PUBLIC_BASE_URL, token), now: d.clock(), council: d.config.COUNCIL }) };
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
