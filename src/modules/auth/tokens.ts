import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';

/** The development secret: tokens signed with it are refused in production. */
export const DEV_JWT_SECRET = 'kexiang-development-secret-do-not-use-in-production';

export interface TokenSettings {
  secret: string;
  jwksUrl: string;
}

/** What a token says: a member of staff (by user code) or an integrator acting for one customer. */
export interface TokenClaims {
  sub: string;
  kind: 'staff' | 'customer';
  customerId?: string;
}

const isClaims = (payload: JWTPayload): payload is JWTPayload & TokenClaims =>
  typeof payload.sub === 'string' && (payload.kind === 'staff' || (payload.kind === 'customer' && typeof payload.customerId === 'string'));

/** Verifies bearer tokens with the shared secret or, when configured, the keys at JWKS_URL. */
export function tokenVerifier(settings: TokenSettings): (authorization: string | undefined) => Promise<Actor> {
  const keys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : null;
  const secret = new TextEncoder().encode(settings.secret);
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Send a bearer token: Authorization: Bearer <token> (npm run token prints one)');
    let payload: JWTPayload;
    try {
      payload = (keys ? await jwtVerify(token, keys) : await jwtVerify(token, secret)).payload;
    } catch (err) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, `The token was refused: ${(err as Error).message}`);
    }
    if (!isClaims(payload)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The token does not say who you are (sub, kind)');
    return payload.kind === 'customer'
      ? { userCode: null, customerId: payload.customerId ?? null, kind: 'customer' }
      : { userCode: payload.sub, customerId: null, kind: 'staff' };
  };
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
