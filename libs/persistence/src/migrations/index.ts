import { Foundation1763900000000 } from './1763900000000-foundation';
import { CandidatePortal1764000000000 } from './1764000000000-candidate-portal';
import { AssessorPool1764100000000 } from './1764100000000-assessor-pool';
import { PlatformSettings1764200000000 } from './1764200000000-platform-settings';
import { Assessment1764300000000 } from './1764300000000-assessment';
import { AuditChain1764400000000 } from './1764400000000-audit-chain';
import { AssessorScreens1764500000000 } from './1764500000000-assessor-screens';
import { LoginThrottle1764600000000 } from './1764600000000-login-throttle';
import { SubmissionPdf1764700000000 } from './1764700000000-submission-pdf';
import { ScoringPerCriterion1764800000000 } from './1764800000000-scoring-per-criterion';
import { Outbox1764900000000 } from './1764900000000-outbox';
import { Jobs1765000000000 } from './1765000000000-jobs';
import { Notifications1765100000000 } from './1765100000000-notifications';
import { AccountLifecycle1765200000000 } from './1765200000000-account-lifecycle';
import { InvitationsTwoFactor1765300000000 } from './1765300000000-invitations-two-factor';
import { Credentials1765400000000 } from './1765400000000-credentials';
import { AuditBackgroundChain1765500000000 } from './1765500000000-audit-background-chain';
import { PreviewPdfCache1765700000000 } from './1765700000000-preview-pdf-cache';
import { ListIndexes1765800000000 } from './1765800000000-list-indexes';
import { SharedLimits1765900000000 } from './1765900000000-shared-limits';
import { AcceptanceLists1766000000000 } from './1766000000000-acceptance-lists';

/** In order of application. */
export const MIGRATIONS = [Foundation1763900000000, CandidatePortal1764000000000, AssessorPool1764100000000, PlatformSettings1764200000000, Assessment1764300000000, AuditChain1764400000000, AssessorScreens1764500000000, LoginThrottle1764600000000, SubmissionPdf1764700000000, ScoringPerCriterion1764800000000, Outbox1764900000000, Jobs1765000000000, Notifications1765100000000, AccountLifecycle1765200000000, InvitationsTwoFactor1765300000000, Credentials1765400000000, AuditBackgroundChain1765500000000, PreviewPdfCache1765700000000, ListIndexes1765800000000, SharedLimits1765900000000, AcceptanceLists1766000000000];
