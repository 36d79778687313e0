/**
 * The API's answers as the screens use them: the schemas of the generated client
 * (`candidate-api.d.ts`, from the candidate API's own OpenAPI document; `npm run api:client`).
 */
import type { components } from './candidate-api';

type Schemas = components['schemas'];

export type Part = 'A' | 'B1' | 'B2' | 'C' | 'D' | 'E';
export const PARTS: readonly Part[] = ['A', 'B1', 'B2', 'C', 'D', 'E'];

export type Account = Schemas['Account'];
export type SectionState = Schemas['SectionState'];
export type Portfolio = Schemas['Portfolio'];
export type Finding = Schemas['CompletenessFinding'];
export type Completeness = Schemas['CompletenessReport'];
export type DocumentView = Schemas['Document'];
export type UploadTicket = Schemas['UploadTicket'];
export type Guidance = Schemas['Guidance'];
export type TaskGuidance = Schemas['GuidanceTask'];
export type RegulationState = Schemas['AcceptedRegulationState'];
export type RegulationsOfPortfolio = Schemas['PortfolioRegulations'];
export type SubmissionReceipt = Schemas['Submission'];
