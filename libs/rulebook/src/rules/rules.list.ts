import type { Rule } from '../engine/rule.types';
import { activeDeclarationRule } from './active-declaration.rule';
import { attitudeRule } from './attitude.rule';
import { caseCountRule } from './case-count.rule';
import { caseMotivationRule } from './case-motivation.rule';
import { caseRecentRule } from './case-recent.rule';
import { competencesRule } from './competences.rule';
import { cvRule } from './cv.rule';
import { declarationsRule } from './declarations.rule';
import { developmentPlanRule } from './development-plan.rule';
import { diversityRule } from './diversity.rule';
import { educationEvidenceRule } from './education-evidence.rule';
import { educationRouteRule } from './education-route.rule';
import { knowledgeRule } from './knowledge.rule';
import { motivationRule } from './motivation.rule';
import { tasksRule } from './tasks.rule';
import { trajectoryRule } from './trajectory.rule';
import { workExperienceRule } from './work-experience.rule';

/** Every rule, in the order of the portfolio's parts. The engine runs them in this order. */
export const RULES: readonly Rule[] = [
  educationRouteRule,
  educationEvidenceRule,
  workExperienceRule,
  activeDeclarationRule,
  cvRule,
  motivationRule,
  caseCountRule,
  caseMotivationRule,
  caseRecentRule,
  tasksRule,
  trajectoryRule,
  knowledgeRule,
  competencesRule,
  attitudeRule,
  diversityRule,
  developmentPlanRule,
  declarationsRule,
];
