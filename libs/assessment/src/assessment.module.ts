import { Module } from '@nestjs/common';
import { CredentialsModule } from '../../credentials/src/credentials.module';
import { PortfolioModule } from '../../portfolio/src/portfolio.module';
import { AssignmentService } from './assignment.service';
import { DecisionService } from './decision.service';
import { DecisionDocumentsService } from './decision-documents.service';
import { DossierService } from './dossier.service';
import { InterviewService } from './interview.service';
import { JointRecordService } from './joint-record.service';
import { PreparationService } from './preparation.service';
import { RegisterRateLimiter } from './register-rate-limiter';
import { ScoringService } from './scoring.service';

const SERVICES = [DossierService, AssignmentService, ScoringService, JointRecordService, InterviewService, PreparationService, DecisionService, DecisionDocumentsService, RegisterRateLimiter];

/** A dossier after submission: assignment, blind scoring, joint judgement, interview, decision, register. */
@Module({
  imports: [PortfolioModule, CredentialsModule],
  providers: SERVICES,
  exports: [...SERVICES, PortfolioModule, CredentialsModule],
})
export class AssessmentModule {}
