import { Module } from '@nestjs/common';
import { RegulationsAdminService } from './regulations-admin.service';

/**
 * Administration of regulation versions. Needs only the global PlatformModule (DataSource,
 * AuditService, Clock); RegulationsService itself is provided by PortfolioModule.
 */
@Module({
  providers: [RegulationsAdminService],
  exports: [RegulationsAdminService],
})
export class RegulationsModule {}
