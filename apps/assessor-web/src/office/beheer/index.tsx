import './beheer.css';

/** The office's management screens (issue 14): regulations, rulebook versions, the audit trail. */
export { AuditPage } from './AuditPage';
export { RegulationsPage } from './RegulationsPage';
export { RulebooksPage } from './RulebooksPage';
