import { gunzipSync, gzipSync } from 'node:zlib';
import { amsterdamToUtc } from '../../assessment/src/calendar/amsterdam-time';

/**
 * The data model of the platform's verifiable credentials (ADR 0023), without I/O: the Open Badges
 * 3.0 `OpenBadgeCredential` of a register entry, and the W3C Bitstring Status List it points to.
 * Signing, storage and HTTP live in credentials.service.ts.
 */

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';
export const ISSUER_NAME = 'Noloc — Certificeringsbureau Register Loopbaanprofessional';
export const ACHIEVEMENT_NAME = 'Register Loopbaanprofessional';

/** Bits in a status list: the specification's minimum (16 KB), for group privacy. */
export const STATUS_LIST_BITS = 131_072;
/** The platform has one list; a second would be /credentials/status/2. */
export const STATUS_LIST_NUMBER = 1;

/** Every public address of the credentials, from the kandidaatportaal's public URL (config PUBLIC_URL). */
export function credentialUrls(base: string) {
  const root = base.replace(/\/+$/, '');
  return {
    issuer: `${root}/credentials/issuer`,
    jwks: `${root}/.well-known/jwks.json`,
    achievement: `${root}/credentials/issuer#register-loopbaanprofessional`,
    statusList: (list: number = STATUS_LIST_NUMBER) => `${root}/credentials/status/${list}`,
    verifyPage: (credentialId?: string) => (credentialId ? `${root}/verify?id=${credentialId}` : `${root}/verify`),
  };
}

export interface RegisterEntryFacts {
  certificateNumber: string;
  holderName: string;
  /** YYYY-MM-DD, first day valid (Europe/Amsterdam). */
  startsOn: string;
  /** YYYY-MM-DD, last day valid (Europe/Amsterdam). */
  validUntil: string;
}

/** The first instant of a calendar day in Amsterdam, as ISO UTC. */
export function startOfDay(date: string): string {
  return amsterdamToUtc(date, '00:00').toISOString();
}

/** The last second of a calendar day in Amsterdam, as ISO UTC (the certificate is valid through that day). */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(amsterdamToUtc(next, '00:00').getTime() - 1000).toISOString().replace('.000Z', 'Z');
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  name: string;
  description: string;
  issuer: { id: string; type: string[]; name: string; url: string };
  validFrom: string;
  validUntil: string;
  credentialSubject: {
    type: string[];
    identifier: Array<{ type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }>;
    licenseNumber: string;
    achievement: { id: string; type: string[]; achievementType: string; name: string; description: string; criteria: { narrative: string } };
  };
  credentialStatus: { id: string; type: 'BitstringStatusListEntry'; statusPurpose: 'revocation'; statusListIndex: string; statusListCredential: string };
}

/** The OB 3.0 credential of one register entry (VCDM 2.0 terms: validFrom / validUntil). */
export function openBadgeCredential(input: { credentialId: string; entry: RegisterEntryFacts; statusIndex: number; baseUrl: string }): OpenBadgeCredential {
  const urls = credentialUrls(input.baseUrl);
  const { entry } = input;
  const statusList = urls.statusList();
  return {
    '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
    id: `urn:uuid:${input.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${ACHIEVEMENT_NAME} — ${entry.certificateNumber}`,
    description: `Certificaat ${entry.certificateNumber}: ${entry.holderName} is door Noloc gecertificeerd als Register Loopbaanprofessional. / Certificate ${entry.certificateNumber}: ${entry.holderName} is certified by Noloc as a Register Loopbaanprofessional.`,
    issuer: { id: urls.issuer, type: ['Profile'], name: ISSUER_NAME, url: input.baseUrl.replace(/\/+$/, '') },
    validFrom: startOfDay(entry.startsOn),
    validUntil: endOfDay(entry.validUntil),
    credentialSubject: {
      type: ['AchievementSubject'],
      // OB 3.0 names a recipient without an identifier of their own through an IdentityObject.
      identifier: [{ type: 'IdentityObject', identityHash: entry.holderName, identityType: 'name', hashed: false }],
      licenseNumber: entry.certificateNumber,
      achievement: {
        id: urls.achievement,
        type: ['Achievement'],
        achievementType: 'Certification',
        name: ACHIEVEMENT_NAME,
        description: 'Certificering als loopbaanprofessional door Noloc, op grond van het toetsingskader: portfolio, beoordeling door twee assessoren en een certificeringsgesprek. Hercertificering elke vier jaar. / Certification as a career professional by Noloc under its assessment framework; recertification every four years.',
        criteria: { narrative: 'Het portfolio toont alle criteria van het toetsingskader aan, beoordeeld door twee onafhankelijke assessoren en bevestigd in het certificeringsgesprek. / The portfolio demonstrates every criterion of the assessment framework, judged by two independent assessors and confirmed in the certification interview.' },
      },
    },
    credentialStatus: {
      id: `${statusList}#${input.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.statusIndex),
      statusListCredential: statusList,
    },
  };
}

/**
 * The encodedList of a Bitstring Status List: the bitstring (index 0 is the left-most, most
 * significant bit of the first byte), GZIP-compressed, base64url without padding, with the
 * multibase prefix `u` (W3C Bitstring Status List v1.0, §3.1 / §4.2).
 */
export function encodeStatusList(setIndexes: Iterable<number>, bits: number = STATUS_LIST_BITS): string {
  const bytes = Buffer.alloc(Math.ceil(bits / 8));
  for (const i of setIndexes) {
    if (!Number.isInteger(i) || i < 0 || i >= bits) throw new RangeError(`status index out of range: ${i}`);
    bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The bit at an index of an encodedList (for the tests and any verifier of ours). */
export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new TypeError('encodedList must be multibase base64url (prefix u)');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bytes.length * 8) throw new RangeError(`status index out of range: ${index}`);
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** The status list credential (unsigned); validUntil tells caches when to look again. */
export function statusListCredential(input: { baseUrl: string; list?: number; encodedList: string; validFrom: Date; ttlSeconds: number }) {
  const urls = credentialUrls(input.baseUrl);
  const id = urls.statusList(input.list);
  return {
    '@context': [VC_CONTEXT_V2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer,
    validFrom: input.validFrom.toISOString(),
    validUntil: new Date(input.validFrom.getTime() + input.ttlSeconds * 1000).toISOString(),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: input.encodedList, ttl: input.ttlSeconds * 1000 },
  };
}

/** The issuer's OB 3.0 Profile, published at its id. */
export function issuerProfile(baseUrl: string) {
  const urls = credentialUrls(baseUrl);
  return {
    '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
    id: urls.issuer,
    type: ['Profile'],
    name: ISSUER_NAME,
    url: baseUrl.replace(/\/+$/, ''),
    description: 'Geeft het certificaat Register Loopbaanprofessional uit; de publieke sleutel staat in de JWKS. / Issues the Register Loopbaanprofessional certificate; the public key is in the JWKS.',
    jwks: urls.jwks,
  };
}
