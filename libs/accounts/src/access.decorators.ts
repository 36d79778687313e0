import { SetMetadata } from '@nestjs/common';
import type { Role } from './user.entity';

export const ACCESS_KEY = 'rlp:access';

export type AccessPolicy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, logged in or not, may call this route. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessPolicy);

/** Only logged-in accounts with one of these roles may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessPolicy);

/** Any logged-in account. */
export const Authenticated = () => Roles('candidate', 'assessor', 'admin');
