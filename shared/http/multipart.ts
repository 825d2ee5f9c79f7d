import { invalid } from '../domain/errors';
import type { UploadedFile } from './contract';

/**
 * A `multipart/form-data` body (a page's file upload, RFC 7578) as its text fields and its files,
 * read by Node's own fetch implementation (undici's `Response.formData()`, maintained with Node),
 * after the router has bounded the body's size. `fileFields` names the fields that carry a file; a
 * file field left empty in the browser (a part with no file name and no bytes) is no file.
 *
 * Throws `invalid`: `malformed_form` when the body is not multipart as its Content-Type says
 * (no boundary, broken parts), `validation_failed` naming a field sent twice, or a file where
 * text belongs.
 */
export async function readMultipart(
  bytes: Buffer,
  contentType: string,
  fileFields: readonly string[],
): Promise<{ fields: Record<string, string>; files: Record<string, UploadedFile | undefined> }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalid('malformed_form', 'Formuläret kunde inte läsas. Ladda om sidan och skicka det igen.');
  }
  // Collected as entries: a field named `__proto__` becomes an own property, never the prototype.
  const fields: [string, string][] = [];
  const files: [string, UploadedFile][] = [];
  const seen = new Set<string>();
  for (const [name, value] of form.entries()) {
    if (seen.has(name)) throw invalid('validation_failed', `Fältet ${name} förekommer två gånger.`, [{ path: name, message: 'Förekommer två gånger.' }]);
    seen.add(name);
    if (typeof value === 'string') {
      if (!fileFields.includes(name)) fields.push([name, value]);
      continue;
    }
    if (!fileFields.includes(name)) throw invalid('validation_failed', `Fältet ${name} ska vara text, inte en fil.`, [{ path: name, message: 'Ska vara text.' }]);
    if (value.size === 0 && value.name === '') continue;
    files.push([name, { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) }]);
  }
  return { fields: Object.fromEntries(fields), files: Object.fromEntries(files) };
}
