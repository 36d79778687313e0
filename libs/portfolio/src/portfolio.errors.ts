import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

export const portfolioNotFound = () => new DomainError('not_found', 'PORTFOLIO_NOT_FOUND', bilingual('Portfolio niet gevonden', 'Portfolio not found'));

export const sectionNotFound = (section: string) =>
  new DomainError('not_found', 'SECTION_NOT_FOUND', bilingual('Dit onderdeel bestaat niet', 'This section does not exist'), { section });

export const notEditable = (status: string) =>
  new DomainError('conflict', 'PORTFOLIO_NOT_EDITABLE', bilingual('Dit portfolio is ingediend en kan niet meer worden gewijzigd', 'This portfolio has been submitted and can no longer be changed'), {
    status,
  });
