import { DynamicModule, Module } from '@nestjs/common';
import { AppRuntime, PlatformModule } from '@rlp/platform';
import { AccountLifecycleController, AccountLifecycleService, InvitationsController, InvitationsService } from '@rlp/accounts';
import { AssessmentModule, RegisterController } from '@rlp/assessment';
import { AdminCredentialController, CredentialsPublicController } from '@rlp/credentials';
import { RegulationsModule, RegulationsReadController } from '@rlp/regulations';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminDossiersController } from './admin-dossiers.controller';
import { AssessmentsController } from './assessments.controller';
import { AssessorReferenceController } from './assessor-reference.controller';
import { AdminRegulationsController } from './admin-regulations.controller';
import { AdminAssessorPoolController } from './admin-assessor-pool.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminDocumentsController } from './admin-documents.controller';
import { AdminRulebooksController } from './admin-rulebooks.controller';
import { AdminPortfoliosController } from './admin-portfolios.controller';

export const ASSESSOR_API_DOCS = {
  title: 'Register Loopbaanprofessional — assessoren en certificeringsbureau / assessor and admin API',
  description: 'Beoordelen, certificeringsgesprek, besluit en register; beheer onder de rol admin. / Assessment, interview, decision and register; administration behind the admin role.',
};

@Module({})
export class AssessorApiModule {
  static forRoot(runtime: Omit<AppRuntime, 'name' | 'portalRoles'>): DynamicModule {
    return {
      module: AssessorApiModule,
      imports: [PlatformModule.forRoot({ ...runtime, name: 'assessor-api', portalRoles: ['assessor', 'admin'] }), AssessmentModule, RegulationsModule],
      providers: [InvitationsService, AccountLifecycleService],
      controllers: [RegulationsReadController, InvitationsController, AccountLifecycleController, AdminDocumentsController, AdminAccountsController, AdminAssessorPoolController, AdminAuditController, AdminRulebooksController, AdminPortfoliosController, AdminRegulationsController, AssessmentsController, AssessorReferenceController, AdminDossiersController, RegisterController, AdminCredentialController, CredentialsPublicController],
    };
  }
}
