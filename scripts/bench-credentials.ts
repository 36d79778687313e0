/**
 * Benchmark of the verifiable credentials (not a timed test; figures in docs/credentials.md).
 *   npx tsx scripts/bench-credentials.ts [runs]
 * Signs and verifies an Open Badges 3.0 credential as VC-JWT (EdDSA, jose) `runs` times (default
 * 2000), encodes status lists with 0 / 100 / 1 000 / 10 000 revoked entries, and draws the QR code
 * of a verification link. Prints milliseconds and sizes as JSON.
 */
import { generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { encodeStatusList, openBadgeCredential, STATUS_LIST_BITS } from '../libs/credentials/src/open-badge';
import { qrPath } from '../libs/pdf/src/decision-pdf';

const runs = Number(process.argv[2] ?? 2000);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function main(): Promise<void> {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as NodeJwk;
  const privateKey = await importJWK({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x!, d: jwk.d! }, 'EdDSA');
  const publicKey = await importJWK({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! }, 'EdDSA');
  const credential = openBadgeCredential({
    credentialId: 'c0ffee00-0000-4000-8000-000000000001',
    entry: { certificateNumber: 'RLP-2026-00001', holderName: 'Sanne de Vries', startsOn: '2026-12-10', validUntil: '2030-12-09' },
    statusIndex: 42,
    baseUrl: 'https://register.noloc.nl',
  });
  const payload = new TextEncoder().encode(JSON.stringify(credential));
  let jws = '';
  let t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) jws = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: 'bench' }).sign(privateKey);
  const signMs = ms(t) / runs;
  t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await compactVerify(jws, publicKey);
  const verifyMs = ms(t) / runs;
  const file = JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], id: `data:application/vc+jwt,${jws}`, type: 'EnvelopedVerifiableCredential' }, null, 2);
  const statusLists = [0, 100, 1000, 10_000].map((revoked) => {
    const indexes = new Set<number>();
    while (indexes.size < revoked) indexes.add(Math.floor(Math.random() * STATUS_LIST_BITS));
    const start = process.hrtime.bigint();
    const encoded = encodeStatusList(indexes);
    return { revoked, characters: encoded.length, encodeMs: Number(ms(start).toFixed(2)) };
  });
  t = process.hrtime.bigint();
  for (let i = 0; i < 200; i++) qrPath(`https://register.noloc.nl/verify?id=c0ffee00-0000-4000-8000-00000000${String(i).padStart(4, '0')}`);
  const qrMs = ms(t) / 200;
  const qrModules = qrPath('https://register.noloc.nl/verify?id=c0ffee00-0000-4000-8000-000000000001').size;
  console.log(JSON.stringify({ runs, signMs: Number(signMs.toFixed(3)), verifyMs: Number(verifyMs.toFixed(3)), jwsBytes: jws.length, fileBytes: file.length, statusLists, qrMs: Number(qrMs.toFixed(2)), qrModules }, null, 2));
}

void main();
