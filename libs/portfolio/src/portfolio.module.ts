import { Module } from '@nestjs/common';
import { DocumentsService } from '../../documents/src/documents.service';
import { NotificationService } from '../../notifications/src/notification.service';
import { RegulationsService } from '../../regulations/src/regulations.service';
import { PdfHost } from './pdf.host';
import { PersonalDataExportService } from './personal-data-export.service';
import { PortfolioService } from './portfolio.service';
import { RulebookCatalog } from './rulebook-catalog.service';
import { SubmissionService } from './submission.service';
import { SubmissionPdfService } from './submission-pdf.service';

/** Portfolio editing, documents, regulations and submission, on top of the global PlatformModule. */
@Module({
  providers: [DocumentsService, RegulationsService, PortfolioService, SubmissionService, PersonalDataExportService, PdfHost, RulebookCatalog, SubmissionPdfService, NotificationService],
  exports: [DocumentsService, RegulationsService, PortfolioService, SubmissionService, PersonalDataExportService, PdfHost, RulebookCatalog, SubmissionPdfService, NotificationService],
})
export class PortfolioModule {}
