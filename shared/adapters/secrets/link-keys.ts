import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Config } from '../../platform/config';
import { linkKeysJson, type LinkKeys } from '../../application/links/signed-link';

/** A rotated key reaches warm functions within this many seconds. */
const CACHE_SECONDS = 300;

function parse(text: string, source: string): LinkKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON`);
  }
  const parsed = linkKeysJson.safeParse(value);
  // Never echo the value: it is the key.
  if (!parsed.success) throw new Error(`${source} is not {"current": <key id>, <key id>: <key of 32+ characters>}`);
  return parsed.data;
}

/**
 * Where the signed-link keys come from: deployed, the Secrets Manager secret (Powertools caches
 * it across invocations); locally, LINK_KEYS.
 */
export function linkKeysFrom(config: Pick<Config, 'STAGE' | 'LINK_SECRET_ARN' | 'LINK_KEYS'>): () => Promise<LinkKeys> {
  const arn = config.LINK_SECRET_ARN;
  // Deployed, the documented local key must never sign or open a link.
  if (!arn && config.STAGE === 'aws') {
    return async () => {
      throw new Error('LINK_SECRET_ARN is not set: this function has no link key (infra/functions.ts, linkSecret)');
    };
  }
  if (!arn) {
    const keys = parse(config.LINK_KEYS, 'LINK_KEYS');
    return async () => keys;
  }
  return async () => {
    const text = await getSecret<string>(arn, { maxAge: CACHE_SECONDS });
    if (typeof text !== 'string') throw new Error('the link secret has no string value');
    return parse(text, 'the link secret');
  };
}
