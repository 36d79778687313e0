import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import type { AcceptedRegulation } from '../../regulations/src/regulation-version.entity';
import { deepEqual, isPlainObject, JsonObject, SectionKey, sectionPointer } from './sections';

export interface StampContext {
  /** Today in the Netherlands, 'YYYY-MM-DD'. */
  today: string;
  /** The version of each regulation a new acceptance must name. */
  current: Record<AcceptedRegulation, number>;
}

export interface NewAcceptance {
  type: AcceptedRegulation;
  version: number;
}

interface Signable {
  field: string;
  flag: 'signed' | 'accepted';
  date: 'signedAt' | 'acceptedAt';
  regulation?: AcceptedRegulation;
}

const SIGNABLE: Partial<Record<SectionKey, readonly Signable[]>> = {
  workExperience: [
    { field: 'experienceDeclaration', flag: 'signed', date: 'signedAt' },
    { field: 'activeDeclaration', flag: 'signed', date: 'signedAt' },
  ],
  declarations: [
    { field: 'gedragscode', flag: 'accepted', date: 'acceptedAt', regulation: 'gedragscode' },
    { field: 'klachtenreglement', flag: 'accepted', date: 'acceptedAt', regulation: 'klachtenreglement' },
    { field: 'truthful', flag: 'accepted', date: 'acceptedAt' },
  ],
};

/**
 * Signature and acceptance dates are set by the server, never by the client: signing (or changing
 * what one signed) stamps today's date; a client may echo back the stored date or today's, any
 * other date is refused. Accepting a regulation must name its current version; that acceptance is
 * returned so it can be recorded. An unchanged, older acceptance stays as it was (and is stale).
 */
export function stampSignatures(key: SectionKey, previous: JsonObject, next: JsonObject, ctx: StampContext): { content: JsonObject; acceptances: NewAcceptance[] } {
  const rules = SIGNABLE[key];
  if (!rules) return { content: next, acceptances: [] };
  const content: JsonObject = { ...next };
  const acceptances: NewAcceptance[] = [];
  for (const rule of rules) {
    const raw = content[rule.field];
    if (!isPlainObject(raw)) continue;
    const after: JsonObject = { ...raw };
    const before = isPlainObject(previous[rule.field]) ? (previous[rule.field] as JsonObject) : {};
    const path = `${sectionPointer(key)}/${rule.field}/${rule.date}`;
    const sent = after[rule.date];
    if (sent !== undefined && sent !== before[rule.date] && sent !== ctx.today) {
      throw new DomainError(
        'validation',
        'SERVER_MANAGED_FIELD',
        bilingual('De datum van ondertekening of acceptatie zet het platform zelf', 'The platform sets the date of signing or accepting itself'),
        { path },
      );
    }
    const wasSigned = before[rule.flag] === true;
    if (after[rule.flag] !== true) {
      delete after[rule.date];
      content[rule.field] = after;
      continue;
    }
    const others = (o: JsonObject) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== rule.flag && k !== rule.date));
    const resign = !wasSigned || !deepEqual(others(before), others(after)) || typeof before[rule.date] !== 'string';
    if (rule.regulation) {
      const version = after['version'];
      if (typeof version !== 'number') {
        throw new DomainError('validation', 'REGULATION_VERSION_REQUIRED', bilingual('Geef aan welke versie je accepteert', 'State which version you accept'), {
          path: `${sectionPointer(key)}/${rule.field}/version`,
          current: ctx.current[rule.regulation],
        });
      }
      if (resign && version !== ctx.current[rule.regulation]) {
        throw new DomainError(
          'conflict',
          'REGULATION_VERSION_NOT_CURRENT',
          bilingual(`Je kunt alleen de geldende versie accepteren (versie ${ctx.current[rule.regulation]})`, `Only the current version can be accepted (version ${ctx.current[rule.regulation]})`),
          { regulation: rule.regulation, version, current: ctx.current[rule.regulation] },
        );
      }
      if (resign) acceptances.push({ type: rule.regulation, version });
    }
    after[rule.date] = resign ? ctx.today : before[rule.date];
    content[rule.field] = after;
  }
  return { content, acceptances };
}
