import { DynamicModule, Module } from '@nestjs/common';
import { AppRuntime, PlatformModule } from '@rlp/platform';
import { AccountLifecycleController, AccountLifecycleService } from '@rlp/accounts';
import { AssessmentModule, RegisterController } from '@rlp/assessment';
import { CandidateCredentialController, CredentialsPublicController } from '@rlp/credentials';
import { RegulationsReadController } from '@rlp/regulations';
import { DocumentsController } from './documents.controller';
import { InterviewController } from './interview.controller';
import { PortfolioController } from './portfolio.controller';
import { ReferenceController } from './reference.controller';
import { RegulationDiffController } from './regulation-diff.controller';
import { RegistrationController } from './registration.controller';

export const CANDIDATE_API_DOCS = {
  title: 'Register Loopbaanprofessional — kandidaatportaal / candidate portal API',
  description: 'Portfolio opbouwen, documenten uploaden, volledigheid controleren en indienen. / Build, check and submit a portfolio.',
};

@Module({})
export class CandidateApiModule {
  static forRoot(runtime: Omit<AppRuntime, 'name' | 'portalRoles'>): DynamicModule {
    return {
      module: CandidateApiModule,
      imports: [PlatformModule.forRoot({ ...runtime, name: 'candidate-api', portalRoles: ['candidate'] }), AssessmentModule],
      providers: [AccountLifecycleService],
      controllers: [RegistrationController, AccountLifecycleController, RegulationsReadController, PortfolioController, DocumentsController, ReferenceController, RegulationDiffController, InterviewController, RegisterController, CandidateCredentialController, CredentialsPublicController],
    };
  }
}
