import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';

export { DEV_JWT_SECRET } from '../../config/config';

export interface TokenSettings {
  secret: string;
  jwksUrl: string;
  /** when set, a token must name this issuer (`iss`) */
  issuer?: string;
  /** when set, a token must name this audience (`aud`) */
  audience?: string;
  /** production: a token without an expiry (`exp`) is refused */
  requireExpiry?: boolean;
}

/** What a token says: a member of staff (by user code) or an integrator acting for one customer. */
export interface TokenClaims {
  sub: string;
  kind: 'staff' | 'customer';
  customerId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A customer token must name its customer exactly: an empty or malformed id would otherwise read as "no scope".
const isClaims = (payload: JWTPayload): payload is JWTPayload & TokenClaims =>
  typeof payload.sub === 'string' &&
  payload.sub.length > 0 &&
  (payload.kind === 'staff' || (payload.kind === 'customer' && typeof payload.customerId === 'string' && UUID.test(payload.customerId)));

/** Verifies bearer tokens with the shared secret or, when configured, the keys at JWKS_URL. */
export function tokenVerifier(settings: TokenSettings): (authorization: string | undefined) => Promise<Actor> {
  const keys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : null;
  const secret = new TextEncoder().encode(settings.secret);
  const verified = new VerifiedTokens();
  const checks = {
    ...(settings.issuer ? { issuer: settings.issuer } : {}),
    ...(settings.audience ? { audience: settings.audience } : {}),
    ...(settings.requireExpiry ? { requiredClaims: ['exp'] } : {}),
  };
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Send a bearer token: Authorization: Bearer <token> (npm run token prints one)');
    const known = verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      payload = (keys ? await jwtVerify(token, keys, checks) : await jwtVerify(token, secret, checks)).payload;
    } catch (err) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, `The token was refused: ${(err as Error).message}`);
    }
    if (!isClaims(payload))
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'The token does not say who you are (sub, kind, and customerId as a UUID for customers)',
      );
    const actor: Actor =
      payload.kind === 'customer'
        ? { userCode: null, customerId: String(payload.customerId), kind: 'customer' }
        : { userCode: payload.sub, customerId: null, kind: 'staff' };
    verified.keep(token, Object.freeze(actor), payload.exp);
    return actor;
  };
}

/**
 * Tokens already verified, so a dashboard sending the same token a thousand times is checked
 * once (the signature check was a few percent of a ticket page). An entry lasts until the token
 * expires, and a minute at most, so a signing key withdrawn from the JWKS stops counting soon.
 */
class VerifiedTokens {
  private static readonly MAX = 1000;
  private static readonly KEEP_MS = 60_000;
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  get(token: string): Actor | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (Date.now() < entry.until) return entry.actor;
    this.entries.delete(token);
    return null;
  }

  keep(token: string, actor: Actor, expiresAt: number | undefined): void {
    const until = Math.min(Date.now() + VerifiedTokens.KEEP_MS, expiresAt === undefined ? Number.POSITIVE_INFINITY : expiresAt * 1000);
    if (this.entries.size >= VerifiedTokens.MAX) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { actor, until });
  }
}

/** Signs a token with the shared secret (development and tests; production tokens come from the operator's IdP). */
export function signToken(claims: TokenClaims, secret: string, ttl = '12h'): Promise<string> {
  return new SignJWT({ kind: claims.kind, ...(claims.customerId ? { customerId: claims.customerId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
