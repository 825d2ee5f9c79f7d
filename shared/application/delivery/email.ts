import type { Channel } from './ports';

/** One e-mail as the renderers make it (shared/views/email), before it is addressed. */
export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  cc?: string[];
  replyTo?: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

export interface OutgoingEmail extends EmailMessage {
  to: string;
}

/** Sends one e-mail (the SES adapter, shared/adapters/ses); throws `SendError` with `retryable` for throttling and server faults. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/** E-mail as a delivery channel: a person's address on it is their e-mail address. */
export function emailChannel(mailer: Mailer): Channel<EmailMessage> {
  return {
    addressOf: (recipient) => recipient.email,
    send: (to, message) => mailer.send({ to, ...message }),
  };
}
