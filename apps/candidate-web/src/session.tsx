import { useSession as useSessionOf } from '@rlp/web-ui/session';
import type { Account } from './api/types';

/** The logged-in candidate (from the session cookie), or null. */
export const useSession = () => useSessionOf<Account & { role: 'candidate' | 'assessor' | 'admin' }>();
