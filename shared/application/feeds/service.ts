import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isRegistrar, requireRegistrar, type Caller } from '../../domain/caller';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../domain/errors';
import { FEED_FILE, FEED_ID, type CreateFeedBody, type CreatedFeed, type Feed } from './model';
import type { FeedStore } from './ports';

export interface FeedDeps {
  feeds: FeedStore;
  clock: Clock;
  newId?: () => string;
  newToken?: () => string;
}

/** 32 random bytes: 256 bits, beyond guessing; base64url, so 43 URL-safe characters. */
export const newFeedToken = () => randomBytes(32).toString('base64url');

/** What is stored of a token: it is random and long, so a plain SHA-256 is as good as a slow hash. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The feed's URL: shown once, when it is made. */
export const feedUrl = (publicBaseUrl: string, token: string) => `${publicBaseUrl.replace(/\/$/, '')}/calendar/${token}.ics`;

/**
 * A new secret feed URL: one's own, or (a registrar) anyone's. An official may hold several (a
 * phone and a desktop); each is revoked on its own.
 */
export async function createFeed(deps: FeedDeps, caller: Caller, body: CreateFeedBody, publicBaseUrl: string): Promise<CreatedFeed> {
  const email = body?.email ?? caller.who;
  if (email !== caller.who) requireRegistrar(caller);
  const token = (deps.newToken ?? newFeedToken)();
  const feed: Feed = { id: (deps.newId ?? randomUUID)(), email, createdBy: caller.who, createdAt: deps.clock().toISOString() };
  await deps.feeds.create(feed, tokenHash(token));
  return { id: feed.id, url: feedUrl(publicBaseUrl, token) };
}

/** Revokes a feed: its owner or a registrar. Anyone else learns nothing: 404, as for no feed at all. */
export async function revokeFeed(deps: FeedDeps, caller: Caller, id: string): Promise<void> {
  const missing = () => notFound('Kalenderflödet finns inte.');
  if (!FEED_ID.test(id)) throw missing();
  const feed = await deps.feeds.byId(id);
  if (!feed || (feed.email !== caller.who && !isRegistrar(caller))) throw missing();
  if (!(await deps.feeds.remove(feed.id, feed.tokenHash))) throw missing();
}

/** The feed a `<token>.ics` path segment names; any other shape names none. */
export async function feedOfFile(deps: Pick<FeedDeps, 'feeds'>, file: string): Promise<Feed> {
  const token = FEED_FILE.exec(file)?.[1];
  const feed = token ? await deps.feeds.byTokenHash(tokenHash(token)) : undefined;
  if (!feed) throw notFound('Kalenderflödet finns inte eller har återkallats.');
  return feed;
}
