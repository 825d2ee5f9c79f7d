import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** What the client secret holds until an admin puts in the one Entra ID issued (README, deploy guide). */
export const CLIENT_SECRET_PLACEHOLDER = 'ange-klienthemligheten-fran-entra-id';

/**
 * The workspace's secret, in Secrets Manager: the key its session cookies are sealed with
 * (generated at deploy, never in the template, the environment or the code) and the OpenID Connect
 * client secret of the Entra app registration, which an admin puts in after the first deploy:
 *   {"sessionKey":"<64 random characters>","clientSecret":"<from Entra ID>"}
 * Only the workspace function reads it (WORKSPACE_SECRET_ARN), once per cold start.
 */
export class WorkspaceSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Bevakning: the workspace. JSON {"sessionKey": <seals the session cookies>, "clientSecret": <the Entra app registration\'s client secret>}.',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ clientSecret: CLIENT_SECRET_PLACEHOLDER }),
        generateStringKey: 'sessionKey',
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The client secret is issued by Entra ID (which sets its expiry) and put in by an admin (README, "Signing in to the workspace"); the session key is rotated by hand ' +
        '(a new value signs everyone out): a rotation Lambda has nothing to rotate either with.',
    });
  }
}
