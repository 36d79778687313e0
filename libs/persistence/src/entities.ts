import { DeclaredRelationEntity } from '../../accounts/src/declared-relation.entity';
import { SessionEntity } from '../../accounts/src/session.entity';
import { UserEntity } from '../../accounts/src/user.entity';
import {
  AssignmentEntity,
  DecisionEntity,
  InterviewBookingEntity,
  InterviewSlotEntity,
  JointRecordEntity,
  RegisterEntryEntity,
  ScoringEntity,
} from '../../assessment/src/assessment.entities';
import { AuditEventEntity } from '../../audit/src/audit-event.entity';
import { DocumentEntity } from '../../documents/src/document.entity';
import {
  IdempotencyKeyEntity,
  PortfolioEntity,
  PortfolioSectionEntity,
  PortfolioSectionRevisionEntity,
  SubmissionEntity,
} from '../../portfolio/src/portfolio.entities';
import { PlatformSettingEntity } from '../../portfolio/src/platform-setting.entity';
import { RegulationAcceptanceEntity } from '../../regulations/src/regulation-acceptance.entity';
import { RegulationVersionEntity } from '../../regulations/src/regulation-version.entity';

/** Every entity of the platform; the one list the apps, the CLI and the tests share. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  AuditEventEntity,
  DocumentEntity,
  RegulationVersionEntity,
  RegulationAcceptanceEntity,
  PortfolioEntity,
  PortfolioSectionEntity,
  PortfolioSectionRevisionEntity,
  SubmissionEntity,
  IdempotencyKeyEntity,
  DeclaredRelationEntity,
  PlatformSettingEntity,
  AssignmentEntity,
  ScoringEntity,
  JointRecordEntity,
  InterviewSlotEntity,
  InterviewBookingEntity,
  DecisionEntity,
  RegisterEntryEntity,
];
