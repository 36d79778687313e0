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

/** In order of application. */
export const MIGRATIONS = [Foundation1763900000000, CandidatePortal1764000000000, AssessorPool1764100000000, PlatformSettings1764200000000, Assessment1764300000000, AuditChain1764400000000, AssessorScreens1764500000000, LoginThrottle1764600000000, SubmissionPdf1764700000000, ScoringPerCriterion1764800000000];
