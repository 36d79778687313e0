import { gunzipSync } from 'node:zlib';
import { encodeStatusList, endOfDay, openBadgeCredential, startOfDay, STATUS_LIST_BITS, statusBit, statusListCredential } from './open-badge';

describe('open-badge: the credential model (pure)', () => {
  it('turns the register’s calendar days into Amsterdam instants, summer and winter time alike', () => {
    expect(startOfDay('2026-12-10')).toBe('2026-12-09T23:00:00.000Z');
    expect(endOfDay('2030-12-09')).toBe('2030-12-09T22:59:59Z');
    expect(startOfDay('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(endOfDay('2030-06-30')).toBe('2030-06-30T21:59:59Z');
    // The night the clocks go back (2030-10-27 is 25 hours long in Amsterdam).
    expect(endOfDay('2030-10-27')).toBe('2030-10-27T22:59:59Z');
    expect(endOfDay('2028-02-28')).toBe('2028-02-28T22:59:59Z');
  });

  it('builds an OpenBadgeCredential with the holder, number, achievement and a status entry', () => {
    const vc = openBadgeCredential({ credentialId: 'c0ffee00-0000-4000-8000-000000000001', entry: { certificateNumber: 'RLP-2026-00001', holderName: 'Sanne de Vries', startsOn: '2026-12-10', validUntil: '2030-12-09' }, statusIndex: 42, baseUrl: 'https://register.example.nl/' });
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.issuer.id).toBe('https://register.example.nl/credentials/issuer');
    expect(vc.credentialSubject.identifier[0]!.identityHash).toBe('Sanne de Vries');
    expect(vc.credentialSubject.licenseNumber).toBe('RLP-2026-00001');
    expect(vc.credentialStatus).toEqual({ id: 'https://register.example.nl/credentials/status/1#42', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://register.example.nl/credentials/status/1' });
  });

  it('encodes the status list as the specification says: 16 KB, GZIP, base64url with prefix u, bit 0 leftmost', () => {
    const encoded = encodeStatusList([0, 9, STATUS_LIST_BITS - 1]);
    expect(encoded[0]).toBe('u');
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBe(16 * 1024);
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001);
    for (const i of [0, 9, STATUS_LIST_BITS - 1]) expect(statusBit(encoded, i)).toBe(true);
    for (const i of [1, 8, 10, 4242]) expect(statusBit(encoded, i)).toBe(false);
    expect(() => encodeStatusList([STATUS_LIST_BITS])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
  });

  it('stays small: an empty list and one with 1 000 revocations', () => {
    expect(encodeStatusList([]).length).toBeLessThan(200);
    const many = Array.from({ length: 1000 }, (_, i) => (i * 7919) % STATUS_LIST_BITS);
    expect(encodeStatusList(many).length).toBeLessThan(6000);
  });

  it('wraps the list in a BitstringStatusListCredential with a time to live', () => {
    const list = statusListCredential({ baseUrl: 'https://r.example', encodedList: 'uabc', validFrom: new Date('2026-12-11T09:00:00Z'), ttlSeconds: 300 });
    expect(list).toMatchObject({ id: 'https://r.example/credentials/status/1', type: ['VerifiableCredential', 'BitstringStatusListCredential'], validUntil: '2026-12-11T09:05:00.000Z', credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'uabc', ttl: 300000 } });
  });
});
