/** The parts of an Accept or Accept-Encoding header, best first by q-value (RFC 9110), parameters other than q dropped. */
function ranked(header: string | undefined): { value: string; q: number }[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [value = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { value: value.trim(), q: q ? Number(q.slice(2)) || 0 : 1, order };
    })
    .filter((entry) => entry.value)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/** Media types an Accept header lists, best first by q-value (RFC 9110), without wildcards' detail. */
export function acceptedTypes(accept: string | undefined): string[] {
  return ranked(accept)
    .filter((entry) => entry.q > 0)
    .map((entry) => entry.value);
}

/** The first of `offered` that the client accepts most; the first offered when it accepts anything. */
export function negotiate<T extends string>(accept: string | undefined, offered: readonly T[]): T {
  for (const type of acceptedTypes(accept)) {
    const exact = offered.find((o) => o === type);
    if (exact) return exact;
    if (type === '*/*') return offered[0]!;
    const wildcard = offered.find((o) => type.endsWith('/*') && o.startsWith(type.slice(0, -1)));
    if (wildcard) return wildcard;
  }
  return offered[0]!;
}

/** Whether an Accept-Encoding header takes gzip: named with a q above 0, or `*` without gzip refused. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const entries = ranked(acceptEncoding);
  const gzip = entries.find((e) => e.value === 'gzip' || e.value === 'x-gzip');
  if (gzip) return gzip.q > 0;
  return entries.some((e) => e.value === '*' && e.q > 0);
}
