/** @rlp/assessment — what happens to a dossier after submission (see docs/adr/0008-assessment-workflow.md). */
export * from './assessment.entities';
export * from './assessment.module';
export * from './assignment.service';
export * from './decision.service';
export * from './dossier.service';
export * from './interview.service';
export * from './joint-record.service';
export * from './judgement';
export * from './scoring.service';
export * from './versioned';
export * from './calendar/amsterdam-time';
export * from './calendar/ics';
export * from './assessment.dto';
export * from './register.controller';
export * from './register-rate-limiter';
export * from './decision-documents.service';
export * from './assessment.responses';
