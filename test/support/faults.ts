import { Readable } from 'node:stream';

/** A command as the adapters send it: its class name (`TransactWriteCommand`, `PutCommand`, …) and input. */
export interface SentCommand {
  name: string;
  input: Record<string, any>;
}

/**
 * Wraps a client's `send`, as the adapters hold it: `fault` sees every command and returns an
 * error to throw instead of sending it. This stands for a fault the SDK's own retries could not
 * get past (it never reaches them). Returns the function that puts `send` back.
 */
export function faultySend(client: { send: (...args: any[]) => Promise<any> }, fault: (command: SentCommand) => Error | undefined): () => void {
  const original = client.send;
  client.send = async (command: { constructor: { name: string }; input: Record<string, any> }, ...rest: unknown[]) => {
    const error = fault({ name: command.constructor.name, input: command.input });
    if (error) throw error;
    return original.call(client, command, ...rest);
  };
  return () => {
    client.send = original;
  };
}

/** An HTTP answer a fault puts in place of the service's. */
export interface FakeAnswer {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

interface HttpRequestLike {
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Puts faults on the wire, below the SDK: `fault` sees each HTTP request a client makes (every
 * retry included) and may answer it itself, as a throttled or failing service would. The SDK then
 * parses the answer, retries it by its own settings and hands the adapter what it would in
 * production. Returns the function that restores the real handler.
 */
export function faultyWire(client: { config: { requestHandler: unknown } }, fault: (request: HttpRequestLike) => FakeAnswer | undefined): () => void {
  const handler = client.config.requestHandler as { handle: (request: HttpRequestLike, options?: unknown) => Promise<unknown> };
  const original = handler.handle;
  handler.handle = async (request, options) => {
    const answer = fault(request);
    if (!answer) return original.call(handler, request, options);
    return {
      response: {
        statusCode: answer.statusCode,
        reason: '',
        headers: { 'x-amzn-requestid': 'fault-injected', ...answer.headers },
        body: Readable.from([Buffer.from(answer.body)]),
      },
    };
  };
  return () => {
    handler.handle = original;
  };
}

/** DynamoDB's JSON error answer. */
export const dynamoError = (type: string, statusCode = 400, message = 'injected fault'): FakeAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }),
});

/** SES (v1, the query protocol) error answer. */
export const sesError = (code: string, statusCode: number, message = 'injected fault'): FakeAnswer => ({
  statusCode,
  headers: { 'content-type': 'text/xml' },
  body: `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${statusCode >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-injected</RequestId></ErrorResponse>`,
});

/** The DynamoDB operation of a wire request (`TransactWriteItems`, `Query`, …). */
export const dynamoOperation = (request: HttpRequestLike) => String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';

/** The raw MIME message of an SES SendRawEmail wire request. */
export function rawMessageOf(request: HttpRequestLike): string {
  const data = new URLSearchParams(String(request.body ?? '')).get('RawMessage.Data') ?? '';
  return Buffer.from(data, 'base64').toString('utf8');
}

/**
 * Loses the answers on the wire, below the SDK: each request `lose` picks still reaches the
 * service and is carried out, but its answer never comes back (a reset connection), on every
 * attempt the SDK makes, until the function returned is called.
 */
export function lossyWire(client: { config: { requestHandler: unknown } }, lose: (request: HttpRequestLike) => boolean): () => void {
  const handler = client.config.requestHandler as { handle: (request: HttpRequestLike, options?: unknown) => Promise<{ response: { body: unknown } }> };
  const original = handler.handle;
  handler.handle = async (request, options) => {
    const answer = await original.call(handler, request, options);
    if (!lose(request)) return answer;
    // Read and drop the answer, so the connection is free for the next request.
    for await (const _ of answer.response.body as AsyncIterable<unknown>) void _;
    throw Object.assign(new Error('socket hang up (injected: the answer was lost after the write)'), { code: 'ECONNRESET', name: 'Error' });
  };
  return () => {
    handler.handle = original;
  };
}
