import type addressparser from 'nodemailer/lib/addressparser';
import type MailComposer from 'nodemailer/lib/mail-composer';
import { MAX_SUBJECT_LENGTH } from '../../domain/text';
import { cleanText, oneLine } from '../../domain/text';

export interface MimeMessage {
  /** One mailbox, with or without a display name: "Bevakning <bevakning@kommun.example.se>". */
  from: string;
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string | Buffer; contentType: string }[];
  /** Extra headers such as `X-Bevakning-Day`; values are kept to one line. */
  headers?: Record<string, string>;
}

/** A message that would have put something other than one plain value into a header. */
export class UnsafeHeaderError extends Error {
  override name = 'UnsafeHeaderError';
}

/** Any control character and the Unicode line and paragraph separators: never part of an address. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** A plain addr-spec: nothing that could end the header, quote, comment or add a second recipient. */
const ADDR_SPEC = /^[^\s<>()[\]",;:\\@]+@[^\s<>()[\]",;:\\@]+\.[^\s<>()[\]",;:\\@]+$/;
/** RFC 5322 field name: printable ASCII except the colon. */
const FIELD_NAME = /^[!-9;-~]+$/;
/** Headers the composer sets itself from the message; a custom one could add recipients or break the structure. */
const RESERVED = /^(from|sender|to|cc|bcc|reply-to|subject|date|message-id|mime-version|return-path|content-.*)$/i;
/** `type/subtype` with optional `; name=value` parameters, nothing else. */
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.-]+=(?:[\w.+-]+|"[^"\\\u0000-\u001f\u007f]*"))*$/;
/** Longest value of a custom header, inside the 998-character line limit before folding. */
const MAX_HEADER_VALUE = 900;

/**
 * nodemailer's composer and address parser (about 140 kB), loaded with the first message rather
 * than at every cold start: the pages function sends mail only when someone asks for a fresh link.
 */
let nodemailer: Promise<{ parse: typeof addressparser; Composer: typeof MailComposer }> | undefined;
const loadNodemailer = () =>
  (nodemailer ??= Promise.all([import('nodemailer/lib/addressparser'), import('nodemailer/lib/mail-composer')]).then(([parser, composer]) => ({
    parse: parser.default,
    Composer: composer.default as typeof MailComposer,
  })));

/** Exactly one mailbox, or a refusal: a line break, a second address or a group never reaches a header. */
function mailbox(parse: typeof addressparser, value: string, field: string): { name: string; address: string } {
  if (CONTROL.test(value)) throw new UnsafeHeaderError(`${field}: an address may not contain line breaks or control characters`);
  const parsed = parse(value);
  const only = parsed[0];
  if (parsed.length !== 1 || !only || only.group || !only.address || !ADDR_SPEC.test(only.address)) {
    throw new UnsafeHeaderError(`${field}: not a single plain e-mail address`);
  }
  return { name: cleanText(only.name), address: only.address };
}

function customHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => {
      if (!FIELD_NAME.test(key)) throw new UnsafeHeaderError(`header name not allowed: ${JSON.stringify(key)}`);
      if (RESERVED.test(key)) throw new UnsafeHeaderError(`header ${key} is set by the composer`);
      return [key, oneLine(value, MAX_HEADER_VALUE)];
    }),
  );
}

function attachment(a: NonNullable<MimeMessage['attachments']>[number]) {
  if (!CONTENT_TYPE.test(a.contentType)) throw new UnsafeHeaderError(`content type not allowed: ${JSON.stringify(a.contentType)}`);
  return { filename: oneLine(a.filename, 200) || 'bilaga', content: a.content, contentType: a.contentType };
}

/**
 * The raw MIME message, built by nodemailer's MailComposer (plain text and HTML alternatives,
 * attachments). Addresses, header names and content types that could inject a header are
 * refused; the subject and header values are kept to one line.
 */
export async function composeMime(message: MimeMessage): Promise<Buffer> {
  if (message.to.length === 0) throw new UnsafeHeaderError('to: at least one recipient is needed');
  const { parse, Composer } = await loadNodemailer();
  const composer = new Composer({
    from: mailbox(parse, message.from, 'from'),
    to: message.to.map((a) => mailbox(parse, a, 'to')),
    ...(message.cc?.length ? { cc: message.cc.map((a) => mailbox(parse, a, 'cc')) } : {}),
    ...(message.replyTo ? { replyTo: mailbox(parse, message.replyTo, 'replyTo') } : {}),
    subject: oneLine(message.subject, MAX_SUBJECT_LENGTH),
    text: message.text,
    html: message.html,
    ...(message.attachments?.length ? { attachments: message.attachments.map(attachment) } : {}),
    ...(message.headers ? { headers: customHeaders(message.headers) } : {}),
    textEncoding: 'quoted-printable',
    newline: 'win',
    // Content is only ever given inline: never read a file or fetch a URL on a message's behalf.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
