import { Module } from '@nestjs/common';
import { NotificationService } from '../../notifications/src/notification.service';
import { RegulationsAdminService } from './regulations-admin.service';

/**
 * Administration of regulation versions. Needs only the global PlatformModule (DataSource,
 * AuditService, Clock); RegulationsService itself is provided by PortfolioModule.
 */
@Module({
  providers: [RegulationsAdminService, NotificationService],
  exports: [RegulationsAdminService],
})
export class RegulationsModule {}
