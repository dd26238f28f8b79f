import { createPublicKey, verify as verifySignature } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { JWK } from 'jose';
import type { Clock } from './clock';
import { forbidden, unauthenticated } from './errors';

export const ROLES = ['LEARNER', 'EMPLOYER', 'INSTITUTION_STAFF', 'REGISTRAR', 'ANALYST', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];
/** The roles of staff accounts: people who sign in with a username, not as a learner or an employer. */
export const STAFF_ROLES = ['INSTITUTION_STAFF', 'REGISTRAR', 'ANALYST'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);

/** Who is calling, as proven by a verified token. */
export interface Caller {
  role: Role;
  /** The learner's id, the employer's unified social credit code, the staff member's username, or the calling service's name. */
  subject: string;
  /** The institution code, for institution staff. */
  institution?: string | undefined;
}

export const TOKEN_ISSUER = 'xueshi-registry';
export const TOKEN_AUDIENCE = 'xueshi';
/** Download links carry tokens for this audience, which the API refuses. */
export const DOCUMENT_TOKEN_AUDIENCE = 'xueshi-document';
const ALGORITHM = 'ES256';

/**
 * The longest a token may live (expiry minus issue time). A token must carry both: one without an
 * expiry would open the API for ever, so it is refused like a forged one.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * How far ahead of this host's clock a token's issue time may be. Services sign and verify on
 * different hosts whose clocks drift apart by seconds; a token issued further ahead than this is forged.
 * Expiry gets no such grace.
 */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** Key ids of keys made for development; production refuses to start with one. */
export const DEVELOPMENT_KEY_PREFIX = 'dev-';

export interface TokenVerifier {
  /** Verifies a bearer token; throws UNAUTHENTICATED when it is invalid or expired. */
  verify(token: string): Promise<Caller>;
  /** The caller behind an `Authorization` header: null without one, UNAUTHENTICATED when it is bad. */
  fromAuthorizationHeader(header: string | undefined): Promise<Caller | null>;
  /** The caller a download token was made for, if it opens `path`; throws UNAUTHENTICATED otherwise. */
  verifyDocument(token: string, path: string): Promise<Caller>;
}

export interface TokenSigner {
  sign(caller: Caller, ttlSeconds?: number): Promise<string>;
  /** A token that opens one document (`path`) for `caller`, for a download link. */
  signDocument(path: string, caller: Caller, ttlSeconds?: number): Promise<string>;
}

/** API tokens a verifier remembers as verified; past this the oldest is forgotten (and verified again if seen). */
export const REMEMBERED_TOKENS = 10_000;

/** A compact JWS: three base64url parts. */
const COMPACT_JWS = /^([\w-]+)\.([\w-]+)\.([\w-]+)$/;

/** The JSON object a base64url part holds, or null for anything else. */
function jsonObjectOf(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The payload of a compact JWS that `key` signed with ES256, or null: another algorithm (none, an HMAC),
 * header parameters marked critical (none is understood here), a signature of another length or key.
 * Checked with node:crypto rather than WebCrypto, which took two and a half times the CPU per token and
 * ran once per new token in every service a request reaches (ADR 0051).
 */
function signedPayload(token: string, key: KeyObject): Record<string, unknown> | null {
  const parts = COMPACT_JWS.exec(token);
  if (!parts) return null;
  const [, header = '', payload = '', signature = ''] = parts;
  const protectedHeader = jsonObjectOf(header);
  if (protectedHeader?.['alg'] !== ALGORITHM || 'crit' in protectedHeader) return null;
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.length !== 64) return null;
  const signed = verifySignature(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    signatureBytes,
  );
  return signed ? jsonObjectOf(payload) : null;
}

/** The verified claims of a token: its registered claims checked, its expiry still to be. */
type TokenClaims = Record<string, unknown> & { sub: string; iat: number; exp: number; nbf?: number };

export async function createTokenVerifier(publicJwk: JWK, clock: Clock): Promise<TokenVerifier> {
  if (publicJwk.kty !== 'EC' || publicJwk.crv !== 'P-256' || 'd' in publicJwk) {
    throw new Error('the token verification key must be a public P-256 (ES256) key');
  }
  const key = createPublicKey({ key: { ...publicJwk }, format: 'jwk' });
  /** The caller of a token for `audience`, or UNAUTHENTICATED; `payload` for the claims read past the caller. */
  const verifyFor = (token: string, audience: string) => {
    const payload = signedPayload(token, key);
    const now = Math.floor(clock.now().getTime() / 1000);
    const audiences = Array.isArray(payload?.['aud']) ? (payload['aud'] as unknown[]) : [payload?.['aud']];
    if (
      !payload ||
      payload['iss'] !== TOKEN_ISSUER ||
      !audiences.includes(audience) ||
      typeof payload['sub'] !== 'string' ||
      typeof payload['iat'] !== 'number' ||
      typeof payload['exp'] !== 'number' ||
      (payload['nbf'] !== undefined && (typeof payload['nbf'] !== 'number' || payload['nbf'] > now))
    ) {
      throw unauthenticated(invalidToken);
    }
    const claims = payload as TokenClaims;
    if (claims.exp <= now) throw unauthenticated(expiredToken);
    if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) throw unauthenticated(invalidToken);
    if (claims.iat > now + MAX_CLOCK_SKEW_SECONDS) throw unauthenticated(invalidToken);
    const role = claims['role'];
    const institution = claims['inst'];
    if (!ROLES.includes(role as Role)) throw unauthenticated(invalidToken);
    if (role === 'INSTITUTION_STAFF' && typeof institution !== 'string') throw unauthenticated(invalidToken);
    const caller: Caller = {
      role: role as Role,
      subject: claims.sub,
      ...(typeof institution === 'string' ? { institution } : {}),
    };
    return { caller, payload: claims };
  };
  // A token's signature and claims never change, so an API token verified once is remembered (never a
  // refused one): each request then costs a map lookup instead of an ECDSA verification. Its expiry is
  // still checked against the clock on every use.
  const remembered = new Map<string, { caller: Caller; notBefore: number; expiresAt: number }>();
  const verify = async (token: string) => {
    const now = clock.now().getTime() / 1000;
    const known = remembered.get(token);
    if (known && now >= known.notBefore) {
      if (now < known.expiresAt) return { ...known.caller };
      remembered.delete(token);
      throw unauthenticated(expiredToken);
    }
    const { caller, payload } = verifyFor(token, TOKEN_AUDIENCE);
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value ?? '');
    remembered.set(token, {
      caller: { ...caller },
      notBefore: Math.max(payload.nbf ?? 0, payload.iat - MAX_CLOCK_SKEW_SECONDS),
      expiresAt: payload.exp,
    });
    return caller;
  };
  return {
    verify,
    fromAuthorizationHeader: async (header) => {
      if (header === undefined || header === '') return null;
      const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
      if (!match?.[1]) throw unauthenticated(invalidToken);
      return verify(match[1]);
    },
    verifyDocument: async (token, path) => {
      const { caller, payload } = verifyFor(token, DOCUMENT_TOKEN_AUDIENCE);
      if (payload['doc'] !== path) throw unauthenticated(invalidToken);
      return caller;
    },
  };
}

export async function createTokenSigner(privateJwk: JWK, clock: Clock): Promise<TokenSigner> {
  const key = await importJWK(privateJwk, ALGORITHM);
  const signFor = (caller: Caller, audience: string, ttlSeconds: number, claims: Record<string, string> = {}) => {
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT({ ...claims, role: caller.role, ...(caller.institution ? { inst: caller.institution } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
      .setSubject(caller.subject)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(key);
  };
  return {
    sign: (caller, ttlSeconds = 15 * 60) => signFor(caller, TOKEN_AUDIENCE, ttlSeconds),
    signDocument: (path, caller, ttlSeconds = 5 * 60) => signFor(caller, DOCUMENT_TOKEN_AUDIENCE, ttlSeconds, { doc: path }),
  };
}

/**
 * The token of a caller that calls other services many times a minute (the registry asking institutions
 * about sessions on registration day), signed again only once half its life has passed, or when the clock
 * went back before it was signed: each new token costs an ECDSA signature here and an ECDSA verification
 * in every service it reaches, where one seen before costs a lookup (createTokenVerifier).
 */
export function renewingToken(signer: TokenSigner, clock: Clock, caller: Caller, ttlSeconds: number): () => Promise<string> {
  let current: { token: Promise<string>; signedAt: number } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (!current || now < current.signedAt || now >= current.signedAt + (ttlSeconds * 1000) / 2) {
      const signing = { token: signer.sign(caller, ttlSeconds), signedAt: now };
      // A signature that failed is not kept: the next call signs again.
      signing.token.catch(() => {
        if (current === signing) current = null;
      });
      current = signing;
    }
    return current.token;
  };
}

const invalidToken = { zh: '登录凭证无效，请重新登录', en: 'Invalid token, please sign in again' };
const expiredToken = { zh: '登录已过期，请重新登录', en: 'Your session has expired, please sign in again' };

/** A fresh ES256 key pair as JWKs, for the embedded demo and tests. */
export async function generateSigningKeys(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const base = { kid, alg: ALGORITHM, use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...base },
    publicJwk: { ...(await exportJWK(publicKey)), ...base },
  };
}

/**
 * The caller, if they hold one of `roles`: UNAUTHENTICATED without a caller, FORBIDDEN with another role.
 */
export function requireRole(caller: Caller | null, ...roles: Role[]): Caller {
  if (!caller) throw unauthenticated();
  if (!roles.includes(caller.role)) throw forbidden();
  return caller;
}
