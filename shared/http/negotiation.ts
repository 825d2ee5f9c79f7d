/** Media types an Accept header lists, best first by q-value (RFC 9110), without wildcards' detail. */
export function acceptedTypes(accept: string | undefined): string[] {
  if (!accept) return [];
  return accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) || 0 : 1, order };
    })
    .filter((entry) => entry.type && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((entry) => entry.type);
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

export const prefersCsv = (accept: string | undefined) =>
  negotiate(accept, ['application/json', 'text/csv'] as const) === 'text/csv';
