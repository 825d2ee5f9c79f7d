import { describe, expect, it } from 'vitest';
import { createWorkspaceDependencies } from '../../functions/workspace/dependencies';
import { workspaceSecretsFrom } from '../../shared/adapters/secrets/workspace-secret';
import { DEV_SESSION_SECRET, readConfig } from '../../shared/platform/config';

/**
 * Where the workspace's secrets come from: locally the documented development values, deployed the
 * Secrets Manager secret and nothing else; and a deployed workspace has no local sign-in form.
 */
describe("the workspace's secrets and sign-in", () => {
  it('locally, seals sessions with the documented development secret and has the local sign-in form', async () => {
    const deps = createWorkspaceDependencies({ STAGE: 'local' });
    expect(await workspaceSecretsFrom(deps.config).sessionSecret()).toBe(DEV_SESSION_SECRET);
    expect(deps.oidc).toBeUndefined();
  });

  it('deployed without the secret, refuses to seal or open a session rather than fall back to the development secret', async () => {
    const secrets = workspaceSecretsFrom(readConfig({ STAGE: 'aws' }));
    await expect(secrets.sessionSecret()).rejects.toThrow(/WORKSPACE_SECRET_ARN is not set/);
    await expect(secrets.clientSecret()).rejects.toThrow(/WORKSPACE_SECRET_ARN is not set/);
  });

  it('deployed without an identity provider, does not start: the local sign-in form is for STAGE=local only', () => {
    expect(() => createWorkspaceDependencies({ STAGE: 'aws', WORKSPACE_SECRET_ARN: 'arn:aws:secretsmanager:eu-north-1:123456789012:secret:w' })).toThrow(/OIDC_ISSUER is required deployed/);
  });

  it('with an identity provider configured, signs in with OpenID Connect and has no local form', () => {
    const deps = createWorkspaceDependencies({ STAGE: 'local', OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0', OIDC_CLIENT_ID: 'bevakning' });
    expect(deps.oidc).toBeTypeOf('function');
  });
});
