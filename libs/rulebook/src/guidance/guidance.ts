import type { CaseRules, Rulebook, TaskDefinition } from '../rulebook/rulebook.types';
import type { Lang, LocalizedText } from '../text/localized-text.util';

/** A rulebook structure with every `{ nl, en }` replaced by the text in one language. */
export type Localize<T> = T extends LocalizedText
  ? string
  : T extends readonly (infer U)[]
    ? readonly Localize<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Localize<T[K]> }
      : T;

export interface LinkedItem {
  readonly id: string;
  readonly title: string;
}

export type TaskGuidance = Localize<Omit<TaskDefinition, 'koppeling'>> & {
  /** Suggested links, with titles, to show beside the task ('koppeling met andere onderdelen profiel'). */
  readonly koppeling: {
    readonly knowledgeAreas: readonly LinkedItem[];
    readonly competences: readonly LinkedItem[];
    readonly attitude: readonly LinkedItem[];
  };
};

export type RulebookGuidance = Localize<Omit<Rulebook, 'cases'>> & {
  readonly lang: Lang;
  readonly cases: Localize<Omit<CaseRules, 'tasks'>> & { readonly tasks: readonly TaskGuidance[] };
};

function isLocalizedText(value: object): value is LocalizedText {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Record<string, unknown>)['nl'] === 'string' && typeof (value as Record<string, unknown>)['en'] === 'string';
}

/** Replaces every `{ nl, en }` in a value with the text in `lang`. */
export function localizeDeep<T>(value: T, lang: Lang): Localize<T> {
  if (Array.isArray(value)) return value.map((item: unknown) => localizeDeep(item, lang)) as Localize<T>;
  if (value !== null && typeof value === 'object') {
    if (isLocalizedText(value)) return value[lang] as Localize<T>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeDeep(v, lang)])) as Localize<T>;
  }
  return value as Localize<T>;
}

/**
 * Everything a client needs to show beside each field of the portfolio, in one language: per task
 * the indicators, the handreiking and the koppeling (with titles), the knowledge areas with their
 * indicators and examples, the competences, the attitude questions, the development-plan
 * questions, the routes with their conditions and the declarations.
 */
export function guidance(rulebook: Rulebook, lang: Lang = 'nl'): RulebookGuidance {
  const { cases, ...rest } = rulebook;
  const titles = (items: readonly { id: string; title: LocalizedText }[]) => new Map(items.map((i) => [i.id, i.title[lang]]));
  const areas = titles(cases.knowledge.items);
  const competences = titles(cases.competences.items);
  const attitude = titles(cases.attitude.criteria);
  const link = (ids: readonly string[], names: Map<string, string>): LinkedItem[] => ids.map((id) => ({ id, title: names.get(id) ?? id }));
  const { tasks, ...caseRest } = cases;
  return {
    ...localizeDeep(rest, lang),
    lang,
    cases: {
      ...localizeDeep(caseRest, lang),
      tasks: tasks.map((task) => ({
        ...localizeDeep({ id: task.id, title: task.title, indicators: task.indicators, handreiking: task.handreiking }, lang),
        koppeling: {
          knowledgeAreas: link(task.koppeling.knowledgeAreas, areas),
          competences: link(task.koppeling.competences, competences),
          attitude: link(task.koppeling.attitude, attitude),
        },
      })),
    },
  };
}
