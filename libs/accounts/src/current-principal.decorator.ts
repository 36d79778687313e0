import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from './access.guard';

/** The logged-in principal; only on routes that require a role (the guard has set it). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return req.principal;
});

export const RequestId = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return typeof req.id === 'string' ? req.id : undefined;
});
