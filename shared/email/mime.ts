import MailComposer from 'nodemailer/lib/mail-composer';
import { oneLine } from './text';

export interface MimeMessage {
  from: string;
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
}

/** A bare address with no room for a header break or a second recipient. */
const ADDRESS = /^[^\s<>()",;:\\@]+@[^\s<>()",;:\\@]+\.[^\s<>()",;:\\@]+$/;

function address(value: string): string {
  if (!ADDRESS.test(value)) throw new Error('refusing to send to an address that is not a single plain e-mail address');
  return value;
}

/** The raw MIME message, built by nodemailer's MailComposer: plain text and HTML alternatives, attachments. */
export async function composeMime(message: MimeMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: address(message.from),
    to: message.to.map(address),
    ...(message.cc?.length ? { cc: message.cc.map(address) } : {}),
    ...(message.replyTo ? { replyTo: address(message.replyTo) } : {}),
    subject: oneLine(message.subject),
    text: message.text,
    html: message.html,
    textEncoding: 'quoted-printable',
    ...(message.attachments ? { attachments: message.attachments } : {}),
  });
  return composer.compile().build();
}
