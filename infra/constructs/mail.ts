import { Stack } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { topicKey } from './building-blocks';
import { configurationSetArn, type MailSending } from './function';

export interface MailProps {
  /** The domain mail is sent from; its DNS gets the three DKIM CNAME records. */
  sendingDomain: string;
  /** The one sender address (in sendingDomain). */
  mailFrom: string;
}

/**
 * Sending mail through SES: a domain identity with Easy DKIM (2048-bit), a configuration set that
 * requires TLS, keeps reputation metrics and uses the account's suppression list, and sends its
 * bounce and complaint events to an SNS topic (for functions/ses-events).
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** Bounce and complaint events of the configuration set; subscribe functions/ses-events here. */
  readonly eventsTopic: Topic;
  /** What a sending function is granted: the identity and configuration set, from mailFrom only. */
  readonly sending: MailSending;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.sendingDomain),
      dkimSigning: true,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      // Mail sent without naming a configuration set still reports its bounces and complaints.
      configurationSet: this.configurationSet,
      // Bounces and complaints come as events; no feedback emails to the sender address.
      feedbackForwarding: false,
    });

    // SNS encryption needs a customer managed key: the AWS managed aws/sns key cannot be granted to SES.
    const key = topicKey(this, 'EventsKey', {
      description: 'Encrypts the SES bounce and complaint events topic',
      publisher: 'ses.amazonaws.com',
      sid: 'AllowSesToPublishEncrypted',
    });

    this.eventsTopic = new Topic(this, 'EventsTopic', {
      displayName: 'Bevakning: SES bounces and complaints',
      masterKey: key,
      enforceSSL: true,
    });

    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.sending = {
      identityArns: [
        this.identity.emailIdentityArn,
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.mailFrom }),
      ],
      configurationSetArn: configurationSetArn(this, this.configurationSet.configurationSetName),
      fromAddress: props.mailFrom,
    };
  }
}
