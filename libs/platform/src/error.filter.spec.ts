import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorFilter } from './error.filter';

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

  it('maps body-parser errors that reach it raw', () => {
    expect(filter.toResponse(Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' })).status).toBe(413);
    expect(filter.toResponse(Object.assign(new Error('x'), { status: 400, type: 'entity.parse.failed' })).body.code).toBe('MALFORMED_JSON');
  });
});
