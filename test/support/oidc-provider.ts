import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';
import { freePort } from './ports';

/**
 * A real OpenID provider for tests: oidc-provider 9 on a free loopback port, issuing RS256-signed
 * ID tokens, with PKCE required and one confidential client (client_secret_post). The person who
 * signs in there does so at once, with the claims the test sets (Entra ID's names: app roles in
 * `roles`); the browser's part at the provider is `throughProvider`.
 */

/** oidc-provider's storage, in memory. */
function memoryAdapter() {
  const stores = new Map<string, Map<string, AdapterPayload>>();
  return class MemoryAdapter implements Adapter {
    private readonly store: Map<string, AdapterPayload>;
    constructor(name: string) {
      this.store = stores.get(name) ?? new Map();
      stores.set(name, this.store);
    }
    async upsert(id: string, payload: AdapterPayload) {
      this.store.set(id, payload);
    }
    async find(id: string) {
      return this.store.get(id);
    }
    async findByUid(uid: string) {
      return [...this.store.values()].find((p) => p.uid === uid);
    }
    async findByUserCode(userCode: string) {
      return [...this.store.values()].find((p) => p.userCode === userCode);
    }
    async consume(id: string) {
      const payload = this.store.get(id);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      this.store.delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, payload] of this.store) if (payload.grantId === grantId) this.store.delete(id);
    }
  };
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims the next person to sign in has. */
  signInAs(claims: Record<string, unknown>): void;
  stop(): Promise<void>;
}

/**
 * Starts the provider for one client whose redirect URI is `redirectUri`; `port` and `clientSecret`
 * when the workspace must be configured with them first.
 */
export async function startTestProvider(redirectUri: string, options: { port?: number; clientSecret?: string } = {}): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const listenOn = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${listenOn}`;
  const clientId = 'bevakning-arbetsyta';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  let account: Record<string, unknown> = {};
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-rs256', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username', 'upn', 'roles', 'unit'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...account }) }),
  });
  const handle = provider.callback();
  // The person at the provider signs in and consents at once: the interaction answers itself.
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        return provider.interactionFinished(req, res, { login: { accountId: 'kim' } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(claims) {
      account = claims;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The browser at the provider: follows its redirects with its own cookies until it is sent back to
 * `redirectUri`, and answers the callback's query.
 */
export async function throughProvider(authorizationUrl: string, redirectUri: string): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return new URL(url).searchParams;
  }
  throw new Error('too many redirects at the provider');
}
