import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The key id the first generated key is stored under. */
export const FIRST_LINK_KEY_ID = 'k1';

/**
 * The key that signs the links in emails (HMAC), in Secrets Manager: generated at deploy, never in
 * the template, the environment or the code. Functions get its ARN in LINK_SECRET_ARN and read it
 * at cold start.
 *
 * The value is JSON with a key id, so a key can be rotated without breaking links in flight:
 *   {"current":"k1","k1":"<64 random characters>"}
 * To rotate, add "k2" and make it current; links signed with k1 keep working until k1 is removed,
 * which is safe once the longest link lifetime (14 days) has passed. README, "Rotating the link key", has the steps.
 */
export class LinkSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Bevakning: key for signed links in emails (HMAC). JSON {"current": <key id>, <key id>: <key>}.',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ current: FIRST_LINK_KEY_ID }),
        generateStringKey: FIRST_LINK_KEY_ID,
        passwordLength: 64,
        excludePunctuation: true,
      },
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by adding a key id and making it current (README, "Rotating the link key"), not by a rotation Lambda: ' +
        'a Secrets Manager rotation replaces the value, which would break every link in flight until it expires; the key-id scheme keeps both keys valid during the overlap.',
    });
  }
}
