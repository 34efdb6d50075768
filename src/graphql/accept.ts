export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type GraphqlAnswerType = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  order: number;
}

/** `type/subtype;q=0.5` entries of an Accept header; malformed ones are skipped. */
function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, order) => {
    const [range, ...params] = part.trim().split(';');
    const [type, subtype] = range.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q, order }] : [];
  });
}

/** How well one range matches a media type: 2 exact, 1 `type/*`, 0 `*\/*`, -1 not at all. */
function specificity(range: MediaRange, mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  if (range.type === type && range.subtype === subtype) return 2;
  if (range.type === type && range.subtype === '*') return 1;
  if (range.type === '*' && range.subtype === '*') return 0;
  return -1;
}

/**
 * Which of the two GraphQL answer types the client prefers, decided as Apollo Server decides it
 * (the `negotiator` package's order: quality, then the most specific range, then the header's
 * order, then application/json first), so the status this hub picks matches the content type
 * Apollo then writes. No Accept header means application/json, as the spec says for old clients.
 * Null when the header accepts neither (Apollo answers 406).
 */
export function preferredGraphqlType(accept: string | undefined): GraphqlAnswerType | null {
  if (!accept) return APPLICATION_JSON;
  const ranges = mediaRanges(accept);
  const candidates = ([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON] as const).flatMap((mediaType, index) => {
    let best: { q: number; s: number; order: number } | null = null;
    for (const range of ranges) {
      const s = specificity(range, mediaType);
      if (s < 0) continue;
      if (!best || s > best.s || (s === best.s && (range.q > best.q || (range.q === best.q && range.order < best.order)))) {
        best = { q: range.q, s, order: range.order };
      }
    }
    return best && best.q > 0 ? [{ mediaType, index, ...best }] : [];
  });
  candidates.sort((a, b) => b.q - a.q || b.s - a.s || a.order - b.order || a.index - b.index);
  return candidates[0]?.mediaType ?? null;
}
