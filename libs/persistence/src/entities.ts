import { SessionEntity } from '../../accounts/src/session.entity';
import { UserEntity } from '../../accounts/src/user.entity';
import { AuditEventEntity } from '../../audit/src/audit-event.entity';

/** Every entity of the platform; the one list the apps, the CLI and the tests share. */
export const ENTITIES = [UserEntity, SessionEntity, AuditEventEntity];
