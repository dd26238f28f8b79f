// Prints a fresh ES256 signing key pair as env lines for docker-compose or a deployment's secret store.
// The private key belongs to the registry alone; every other service gets only the public key.
import { randomBytes } from 'node:crypto';
import { generateSigningKeys } from '@xueshi/subgraph-kit';

const { privateJwk, publicJwk } = await generateSigningKeys(
  `prod-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`,
);
console.log(`JWT_PUBLIC_JWK='${JSON.stringify(publicJwk)}'`);
console.log(`JWT_PRIVATE_JWK='${JSON.stringify(privateJwk)}'`);
