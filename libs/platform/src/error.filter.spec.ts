import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorFilter } from './error.filter';
import { bilingual } from './bilingual';

describe('ErrorFilter.toResponse', () => {
  const filter = new ErrorFilter();

  it.each([
    ['validation', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['precondition_failed', 412],
    ['precondition_required', 428],
    ['rate_limited', 429],
    ['unavailable', 503],
  ] as const)('maps a %s domain error to %i with its code and details', (kind, status) => {
    const r = filter.toResponse(new DomainError(kind, 'SOME_CODE', 'msg', { a: 1 }, { 'Retry-After': '5' }));
    expect(r).toEqual({ status, body: { code: 'SOME_CODE', message: 'msg', details: { a: 1 } }, headers: { 'Retry-After': '5' } });
  });

  it('omits details when there are none', () => {
    expect(filter.toResponse(new DomainError('conflict', 'C', 'm')).body).toEqual({ code: 'C', message: 'm' });
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(filter.toResponse(new NotFoundException()).body.code).toBe('NOT_FOUND');
    expect(filter.toResponse(new HttpException('x', 413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(filter.toResponse(new BadRequestException('bad', { cause: new SyntaxError('Unexpected end') })).body.code).toBe('MALFORMED_JSON');
  });

  it('never leaks the message of an unexpected error', () => {
    const r = filter.toResponse(new Error('password=hunter2 at /srv/secret.ts:12'));
    expect(r.status).toBe(500);
    expect(r.body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
  });

  it('maps a lost database connection to 503 DATABASE_UNAVAILABLE with Retry-After, other database errors to 500', () => {
    const unavailable = { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) }, headers: { 'Retry-After': '1' } };
    // A terminated backend, as TypeORM wraps it (QueryFailedError with the pg error as driverError).
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(filter.toResponse(Object.assign(new Error(terminated.message), { driverError: terminated }))).toEqual(unavailable);
    expect(filter.toResponse(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toEqual(unavailable);
    expect(filter.toResponse(Object.assign(new Error('connection failure'), { code: '08006' }))).toEqual(unavailable);
    // The pg client noticing the connection is gone, without a SQLSTATE.
    expect(filter.toResponse(new Error('Connection terminated unexpectedly'))).toEqual(unavailable);
    expect(filter.toResponse(Object.assign(new Error('x'), { driverError: new Error('Client has encountered a connection error and is not queryable') }))).toEqual(unavailable);
    expect(filter.toResponse(new Error('timeout exceeded when trying to connect'))).toEqual(unavailable);
    // Not a lost connection: still the opaque 500.
    expect(filter.toResponse(Object.assign(new Error('duplicate key'), { code: '23505' })).body.code).toBe('INTERNAL_ERROR');
    expect(filter.toResponse(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })).body.code).toBe('INTERNAL_ERROR');
  });

  it('maps body-parser errors that reach it raw', () => {
    expect(filter.toResponse(Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' })).status).toBe(413);
    expect(filter.toResponse(Object.assign(new Error('x'), { status: 400, type: 'entity.parse.failed' })).body.code).toBe('MALFORMED_JSON');
  });
});

describe('ErrorFilter.toResponse in the language asked for', () => {
  const filter = new ErrorFilter();
  const error = new DomainError('validation', 'INVALID_SCORES', bilingual('De beoordeling bevat ongeldige waarden', 'The scoring contains invalid values'), {
    problems: [{ path: '/scores/A', code: 'INVALID_VERDICT', message: 'een van / one of: aangetoond' }, { path: '/x', code: 'Y' }],
  });

  it('keeps Dutch / English joined when no language is asked for', () => {
    expect(filter.toResponse(error).body.message).toBe('De beoordeling bevat ongeldige waarden / The scoring contains invalid values');
  });

  it('gives the message and the problems in one language when asked', () => {
    const en = filter.toResponse(error, 'en').body;
    expect(en.message).toBe('The scoring contains invalid values');
    expect(en.details).toEqual({ problems: [{ path: '/scores/A', code: 'INVALID_VERDICT', message: 'one of: aangetoond' }, { path: '/x', code: 'Y' }] });
    expect(filter.toResponse(error, 'nl').body.message).toBe('De beoordeling bevat ongeldige waarden');
    expect(filter.toResponse(new Error('boom'), 'en').body.message).toBe('Something went wrong on our side');
  });
});
