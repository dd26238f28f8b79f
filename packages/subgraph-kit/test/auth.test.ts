import {
  ErrorCode,
  MAX_CLOCK_SKEW_SECONDS,
  MAX_TOKEN_LIFETIME_SECONDS,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenSigner,
  createTokenVerifier,
  generateSigningKeys,
  renewingToken,
  requireRole,
} from '@xueshi/subgraph-kit';
import type { Caller, TokenSigner, TokenVerifier } from '@xueshi/subgraph-kit';
import { ManualClock } from '@xueshi/subgraph-kit/testing';
import { createHmac, createPrivateKey, sign } from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectUserError } from './support/userError';

const START = '2021-02-22T10:00:00+08:00';
const MINUTE = 60_000;

describe('tokens', () => {
  let keys: { privateJwk: JWK; publicJwk: JWK };
  let otherKeys: { privateJwk: JWK; publicJwk: JWK };
  let clock: ManualClock;
  let signer: TokenSigner;
  let verifier: TokenVerifier;

  /** Signs an arbitrary payload with the real key, for claims the signer would never produce. */
  const signRaw = async (payload: JWTPayload, overrides: { issuer?: string; audience?: string } = {}) => {
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(overrides.issuer ?? TOKEN_ISSUER)
      .setAudience(overrides.audience ?? TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 900)
      .sign(await importJWK(keys.privateJwk, 'ES256'));
  };

  beforeAll(async () => {
    [keys, otherKeys] = await Promise.all([generateSigningKeys('test-auth'), generateSigningKeys('test-other')]);
  });
  beforeEach(async () => {
    clock = new ManualClock(START);
    signer = await createTokenSigner(keys.privateJwk, clock);
    verifier = await createTokenVerifier(keys.publicJwk, clock);
  });

  it('verifies what the signer signed, for every kind of caller', async () => {
    const callers: Caller[] = [
      { role: 'LEARNER', subject: 'learner-1' },
      { role: 'INSTITUTION_STAFF', subject: 'teacher', institution: 'sjtu' },
      { role: 'REGISTRAR', subject: 'registrar' },
      { role: 'SERVICE', subject: 'registry' },
    ];
    for (const caller of callers) {
      expect(await verifier.verify(await signer.sign(caller))).toEqual(caller);
    }
    const token = await signer.sign({ role: 'ANALYST', subject: 'analyst' });
    expect(await verifier.fromAuthorizationHeader(`Bearer ${token}`)).toEqual({ role: 'ANALYST', subject: 'analyst' });
  });

  it('accepts a token for 15 minutes and answers UNAUTHENTICATED (expired) after', async () => {
    const token = await signer.sign({ role: 'LEARNER', subject: 'learner-1' });
    clock.advance(15 * MINUTE - 1000);
    expect((await verifier.verify(token)).subject).toBe('learner-1');
    clock.advance(2000);
    const error = await expectUserError(verifier.verify(token), ErrorCode.UNAUTHENTICATED);
    expect(error.extensions['en']).toMatch(/expired/);
  });

  it('remembers a verified token without weakening any check: expiry, a changed payload, another key', async () => {
    const token = await signer.sign({ role: 'LEARNER', subject: 'learner-1' }, 60);
    const caller = await verifier.verify(token);
    caller.subject = 'someone-else';
    expect(await verifier.verify(token)).toEqual({ role: 'LEARNER', subject: 'learner-1' });
    expect(await verifier.fromAuthorizationHeader(`Bearer ${token}`)).toEqual({ role: 'LEARNER', subject: 'learner-1' });
    const [header, , signature] = token.split('.');
    const changed = Buffer.from(JSON.stringify({ role: 'REGISTRAR', sub: 'learner-1' })).toString('base64url');
    await expectUserError(verifier.verify(`${header}.${changed}.${signature}`), ErrorCode.UNAUTHENTICATED);
    const elsewhere = await createTokenVerifier(otherKeys.publicJwk, clock);
    await expectUserError(elsewhere.verify(token), ErrorCode.UNAUTHENTICATED);
    clock.advance(61_000);
    const error = await expectUserError(verifier.verify(token), ErrorCode.UNAUTHENTICATED);
    expect(error.extensions['en']).toMatch(/expired/);
    await expectUserError(verifier.verify(token), ErrorCode.UNAUTHENTICATED);
  });

  it('honours a shorter lifetime given to the signer', async () => {
    const token = await signer.sign({ role: 'SERVICE', subject: 'registry' }, 60);
    clock.advance(61_000);
    await expectUserError(verifier.verify(token), ErrorCode.UNAUTHENTICATED);
  });

  it('refuses a token of the real key without an expiry, without an issue time, or living longer than a day', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const claims = { role: 'REGISTRAR', sub: 'registrar', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE };
    const key = await importJWK(keys.privateJwk, 'ES256');
    const signed = (extra: JWTPayload) => new SignJWT({ ...claims, ...extra }).setProtectedHeader({ alg: 'ES256' }).sign(key);
    for (const extra of [
      { iat: now },
      { exp: now + 600 },
      { iat: now, exp: now + MAX_TOKEN_LIFETIME_SECONDS + 1 },
      { iat: now - 600, exp: now + 10 * 365 * 24 * 60 * 60 },
      { iat: now + 3600, exp: now + 4000 },
    ]) {
      const error = await expectUserError(verifier.verify(await signed(extra)), ErrorCode.UNAUTHENTICATED);
      expect(error.extensions['en'], JSON.stringify(extra)).toMatch(/Invalid token/);
    }
    // A day exactly is the longest allowed; an issue time a little ahead is another host's clock.
    expect((await verifier.verify(await signed({ iat: now + MAX_CLOCK_SKEW_SECONDS, exp: now + 600 }))).role).toBe('REGISTRAR');
    await expectUserError(
      verifier.verify(await signed({ iat: now + MAX_CLOCK_SKEW_SECONDS + 1, exp: now + 600 })),
      ErrorCode.UNAUTHENTICATED,
    );
    expect((await verifier.verify(await signed({ iat: now, exp: now + MAX_TOKEN_LIFETIME_SECONDS }))).role).toBe('REGISTRAR');
  });

  it('refuses a token signed by another key', async () => {
    const foreign = await (await createTokenSigner(otherKeys.privateJwk, clock)).sign({ role: 'REGISTRAR', subject: 'mallory' });
    const error = await expectUserError(verifier.verify(foreign), ErrorCode.UNAUTHENTICATED);
    expect(error.extensions['en']).toMatch(/Invalid token/);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signer.sign({ role: 'LEARNER', subject: 'learner-1' })).split('.');
    const forged = Buffer.from(
      JSON.stringify({ role: 'REGISTRAR', sub: 'learner-1', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: 4_102_444_800 }),
    ).toString('base64url');
    await expectUserError(verifier.verify(`${header}.${forged}.${signature}`), ErrorCode.UNAUTHENTICATED);
  });

  it('refuses a token of another algorithm, with critical header parameters, or a signature of another form', async () => {
    const token = await signer.sign({ role: 'LEARNER', subject: 'learner-1' });
    const [realHeader = '', payload = '', signature = ''] = token.split('.');
    const encoded = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields)).toString('base64url');
    const privateKey = createPrivateKey({ key: { ...keys.privateJwk }, format: 'jwk' });
    /** The payload under `header`, signed by the real key (`dsaEncoding` der: the other ECDSA form). */
    const signedUnder = (header: string, dsaEncoding: 'ieee-p1363' | 'der' = 'ieee-p1363') =>
      `${header}.${payload}.${sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding }).toString('base64url')}`;
    const hmac = createHmac('sha256', 'secret')
      .update(`${encoded({ alg: 'HS256' })}.${payload}`)
      .digest('base64url');
    // What the real key signs is refused all the same when the header is not exactly ours.
    expect(await verifier.verify(signedUnder(realHeader))).toEqual({ role: 'LEARNER', subject: 'learner-1' });
    for (const forged of [
      `${encoded({ alg: 'none' })}.${payload}.`,
      `${encoded({ alg: 'HS256' })}.${payload}.${hmac}`,
      signedUnder(encoded({ alg: 'ES384' })),
      signedUnder(encoded({ alg: 'ES256', crit: ['exp'], exp: 1 })),
      signedUnder(encoded({ typ: 'JWT' })),
      signedUnder(realHeader, 'der'),
      signedUnder(Buffer.from('not json').toString('base64url')),
      `${realHeader}.${payload}.${signature}AA`,
      `${token}.${signature}`,
    ]) {
      const error = await expectUserError(verifier.verify(forged), ErrorCode.UNAUTHENTICATED);
      expect(error.extensions['en'], forged).toMatch(/Invalid token/);
    }
  });

  it('refuses a token not yet valid, and takes an audience among several', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    await expectUserError(
      verifier.verify(await signRaw({ role: 'LEARNER', sub: 'a', nbf: now + 60 })),
      ErrorCode.UNAUTHENTICATED,
    );
    await expectUserError(
      verifier.verify(await signRaw({ role: 'LEARNER', sub: 'a', nbf: 'soon' } as unknown as JWTPayload)),
      ErrorCode.UNAUTHENTICATED,
    );
    expect(await verifier.verify(await signRaw({ role: 'LEARNER', sub: 'a', nbf: now }))).toEqual({
      role: 'LEARNER',
      subject: 'a',
    });
    const key = await importJWK(keys.privateJwk, 'ES256');
    const several = await new SignJWT({ role: 'LEARNER', sub: 'b' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(['elsewhere', TOKEN_AUDIENCE])
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    expect(await verifier.verify(several)).toEqual({ role: 'LEARNER', subject: 'b' });
  });

  it('will not start with a key that is not a public P-256 key', async () => {
    await expect(createTokenVerifier(keys.privateJwk, clock)).rejects.toThrow(/public P-256/);
    await expect(createTokenVerifier({ ...keys.publicJwk, crv: 'P-384' }, clock)).rejects.toThrow(/public P-256/);
  });

  it('refuses a token for another issuer or audience', async () => {
    await expectUserError(
      verifier.verify(await signRaw({ role: 'LEARNER', sub: 'a' }, { issuer: 'elsewhere' })),
      ErrorCode.UNAUTHENTICATED,
    );
    await expectUserError(
      verifier.verify(await signRaw({ role: 'LEARNER', sub: 'a' }, { audience: 'elsewhere' })),
      ErrorCode.UNAUTHENTICATED,
    );
  });

  it('refuses institution staff without an institution, an unknown role, and a token without a subject', async () => {
    // The signer drops an empty institution, so this is what a staff token without one looks like.
    const staffWithout = await signer.sign({ role: 'INSTITUTION_STAFF', subject: 'teacher', institution: '' });
    await expectUserError(verifier.verify(staffWithout), ErrorCode.UNAUTHENTICATED);
    await expectUserError(
      verifier.verify(await signRaw({ role: 'INSTITUTION_STAFF', sub: 'teacher' })),
      ErrorCode.UNAUTHENTICATED,
    );
    await expectUserError(verifier.verify(await signRaw({ role: 'ROOT', sub: 'teacher' })), ErrorCode.UNAUTHENTICATED);
    await expectUserError(verifier.verify(await signRaw({ role: 'LEARNER' })), ErrorCode.UNAUTHENTICATED);
    // The same claims with an institution are fine: the refusals above are about the claims.
    expect(await verifier.verify(await signRaw({ role: 'INSTITUTION_STAFF', sub: 'teacher', inst: 'shu' }))).toEqual({
      role: 'INSTITUTION_STAFF',
      subject: 'teacher',
      institution: 'shu',
    });
  });

  it('keeps download tokens and API tokens apart: each is refused where the other is expected', async () => {
    const caller: Caller = { role: 'LEARNER', subject: 'learner-1' };
    const download = await signer.signDocument('/documents/transcripts/learner-1.pdf', caller);
    expect(await verifier.verifyDocument(download, '/documents/transcripts/learner-1.pdf')).toEqual(caller);
    await expectUserError(verifier.verifyDocument(download, '/documents/transcripts/learner-2.pdf'), ErrorCode.UNAUTHENTICATED);
    await expectUserError(verifier.verify(download), ErrorCode.UNAUTHENTICATED);
    await expectUserError(verifier.fromAuthorizationHeader(`Bearer ${download}`), ErrorCode.UNAUTHENTICATED);
    await expectUserError(
      verifier.verifyDocument(await signer.sign(caller), '/documents/transcripts/learner-1.pdf'),
      ErrorCode.UNAUTHENTICATED,
    );
    clock.advance(5 * MINUTE + 1000);
    await expectUserError(verifier.verifyDocument(download, '/documents/transcripts/learner-1.pdf'), ErrorCode.UNAUTHENTICATED);
  });

  it('reads no caller from a missing header and UNAUTHENTICATED from a malformed one', async () => {
    expect(await verifier.fromAuthorizationHeader(undefined)).toBeNull();
    expect(await verifier.fromAuthorizationHeader('')).toBeNull();
    const token = await signer.sign({ role: 'LEARNER', subject: 'learner-1' });
    for (const header of [
      `Basic ${token}`,
      'Bearer',
      `Bearer  ${token}`,
      `bearer ${token}`,
      'Bearer a.b',
      'Bearer not.a.jwt',
      `Bearer ${token}x.y`,
    ]) {
      await expectUserError(verifier.fromAuthorizationHeader(header), ErrorCode.UNAUTHENTICATED);
    }
  });
});

describe('renewingToken', () => {
  const SERVICE: Caller = { role: 'SERVICE', subject: 'registry' };
  let clock: ManualClock;
  let signer: TokenSigner;
  let verifier: TokenVerifier;
  let signed: number;

  beforeEach(async () => {
    const keys = await generateSigningKeys('test-renewing');
    clock = new ManualClock(START);
    const real = await createTokenSigner(keys.privateJwk, clock);
    signed = 0;
    signer = {
      ...real,
      sign: (caller, ttlSeconds) => {
        signed++;
        return real.sign(caller, ttlSeconds);
      },
    };
    verifier = await createTokenVerifier(keys.publicJwk, clock);
  });

  it('gives the same token until half its life has passed, then a new one that verifies as well', async () => {
    const token = renewingToken(signer, clock, SERVICE, 60);
    const [first, together] = await Promise.all([token(), token()]);
    expect(together).toBe(first);
    clock.advance(29_999);
    expect(await token()).toBe(first);
    expect(signed).toBe(1);
    clock.advance(1);
    const second = await token();
    expect(second).not.toBe(first);
    expect(signed).toBe(2);
    expect(await verifier.verify(second)).toEqual(SERVICE);
    // Half a life on, the token handed out still has the other half to live.
    clock.advance(29_999);
    expect(await verifier.verify(await token())).toEqual(SERVICE);
  });

  it('signs again when the clock went back before the token was signed, so it is never from the future', async () => {
    const token = renewingToken(signer, clock, SERVICE, 60);
    const first = await token();
    clock.set(new Date(clock.now().getTime() - 10 * MINUTE));
    await expectUserError(verifier.verify(first), ErrorCode.UNAUTHENTICATED);
    const again = await token();
    expect(again).not.toBe(first);
    expect(await verifier.verify(again)).toEqual(SERVICE);
  });

  it('does not keep a signature that failed', async () => {
    let fail = true;
    const failing: TokenSigner = {
      ...signer,
      sign: (caller, ttlSeconds) => (fail ? Promise.reject(new Error('key unavailable')) : signer.sign(caller, ttlSeconds)),
    };
    const token = renewingToken(failing, clock, SERVICE, 60);
    await expect(token()).rejects.toThrow('key unavailable');
    fail = false;
    expect(await verifier.verify(await token())).toEqual(SERVICE);
  });
});

describe('requireRole', () => {
  const learner: Caller = { role: 'LEARNER', subject: 'learner-1' };

  it('answers UNAUTHENTICATED without a caller and FORBIDDEN for another role', async () => {
    await expectUserError(() => requireRole(null, 'LEARNER'), ErrorCode.UNAUTHENTICATED);
    await expectUserError(() => requireRole(learner, 'REGISTRAR', 'ANALYST'), ErrorCode.FORBIDDEN);
  });

  it('returns the caller holding one of the roles', () => {
    expect(requireRole(learner, 'REGISTRAR', 'LEARNER')).toBe(learner);
  });
});
