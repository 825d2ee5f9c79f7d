import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Config } from '../../platform/config';
import { composeMime } from './mime';
import { SendError } from '../../application/delivery/ports';
import type { Mailer } from '../../application/delivery/email';

export function createSesClient(config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT'>): SESClient {
  return new SESClient({
    region: config.AWS_REGION,
    // Retries are the job's, with its own backoff and time budget.
    maxAttempts: 1,
    ...(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

const RETRYABLE = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable', 'InternalFailure']);

/** The mailer the configuration names: SES (or the local SES server), from `MAIL_FROM`, through `SES_CONFIGURATION_SET` when set. */
export function sesMailerFrom(config: Pick<Config, 'AWS_REGION' | 'SES_ENDPOINT' | 'MAIL_FROM' | 'SES_CONFIGURATION_SET'>): Mailer {
  return createSesMailer(createSesClient(config), {
    from: config.MAIL_FROM,
    ...(config.SES_CONFIGURATION_SET ? { configurationSet: config.SES_CONFIGURATION_SET } : {}),
  });
}

/** Sends raw MIME (built by a maintained composer) through SES v1 SendRawEmail. */
export function createSesMailer(client: SESClient, options: { from: string; configurationSet?: string }): Mailer {
  return {
    async send(email) {
      const raw = await composeMime({
        from: options.from,
        to: [email.to],
        ...(email.cc ? { cc: email.cc } : {}),
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.attachments?.length ? { attachments: email.attachments } : {}),
      });
      try {
        const result = await client.send(
          new SendRawEmailCommand({
            RawMessage: { Data: raw },
            ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
          }),
        );
        return { messageId: result.MessageId ?? '' };
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
        throw new SendError(`SES: ${name || 'error'} ${(error as Error).message ?? ''}`.trim(), RETRYABLE.has(name) || status >= 500 || status === 429);
      }
    },
  };
}
