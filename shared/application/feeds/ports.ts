import type { Feed } from './model';

/**
 * Where feeds are kept, found by the SHA-256 of their token (the token is a password: only its
 * hash is stored) and by id (for revoking).
 */
export interface FeedStore {
  /** Stores both records at once; a hash or id already taken is an error. */
  create(feed: Feed, tokenHash: string): Promise<void>;
  /** The feed a token's hash names; read strongly consistent, so a revoked feed is gone at once. */
  byTokenHash(tokenHash: string): Promise<Feed | undefined>;
  byId(id: string): Promise<(Feed & { tokenHash: string }) | undefined>;
  /** Removes both records at once; false when the feed was already gone. */
  remove(id: string, tokenHash: string): Promise<boolean>;
}
