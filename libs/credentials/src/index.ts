/** @rlp/credentials — register entries as verifiable credentials (Open Badges 3.0, VC-JWT), status list, verification (ADR 0023). */
export * from './open-badge';
export * from './signing-key';
export * from './credentials.service';
export * from './credentials.api';
export * from './credentials.module';
export * from './credentials-public.controller';
export * from './credentials-portal.controllers';
export * from './verify-rate-limiter';
export * from './verify-page/verify-page';
