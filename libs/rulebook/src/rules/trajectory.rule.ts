import type { Rule } from '../engine/rule.types';
import type { Lang } from '../text/localized-text.util';
import { localize } from '../text/localized-text.util';
import { capitalize, caseName, progressPerCase } from './case-slots.util';

/** "taak 0, 1, 2 en 7" / "tasks 0, 1, 2 and 7". */
function taskList(ids: readonly string[], lang: Lang): string {
  const and = lang === 'nl' ? 'en' : 'and';
  const noun = lang === 'nl' ? 'taak' : ids.length === 1 ? 'task' : 'tasks';
  const list = ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} ${and} ${ids[ids.length - 1] ?? ''}`;
  return `${noun} ${list}`;
}

/**
 * C.TRAJECTORY — each case is a complete guidance trajectory ("Je beschrijft twee complete
 * begeleidingstrajecten"), so "not relevant" is for some tasks, not all ("Mogelijk zijn niet alle
 * taken relevant in een traject"): the rulebook's core tasks (v1: 0, 1, 2 and 7) are never marked
 * not relevant, and a case that marks tasks not relevant without describing any is no trajectory.
 * Why these tasks: docs/adr/0011. A task left empty is C.TASKS' finding, not reported twice here.
 */
export const trajectoryRule: Rule = {
  codes: ['C.TRAJECTORY'],
  check(context, out) {
    const { coreTasks } = context.rulebook.cases.trajectory;
    const titles = new Map(context.rulebook.cases.tasks.map((t) => [t.id, t.title]));
    let passed = 0;
    for (const c of context.cases) {
      const name = caseName(c.index, c.casus.title);
      const cells = Object.entries(c.tasks);
      const notRelevant = cells.filter(([, cell]) => cell.status === 'not_relevant').map(([id]) => id);
      const described = cells.some(([, cell]) => cell.status === 'described');
      if (!described && notRelevant.length > 0) {
        out.blocking(
          'C.TRAJECTORY',
          ['cases', c.index, 'tasks'],
          localize((lang) => {
            const core = coreTasks.length === 0 ? '' : taskList(coreTasks, lang);
            return lang === 'nl'
              ? `In ${name.nl} is geen enkele taak beschreven. Een casus beschrijft een compleet begeleidingstraject: sommige taken mogen niet relevant zijn, niet alle.` +
                  (core === '' ? ' Beschrijf de taken die je in dit traject hebt uitgevoerd.' : ` Beschrijf in elk geval ${core}; die horen bij elk traject.`)
              : `${capitalize(name.en)} describes no task at all. A case describes a complete guidance trajectory: some tasks may be not relevant, not all of them.` +
                  (core === '' ? ' Describe the tasks you carried out in this trajectory.' : ` Describe at least ${core}; they belong to every trajectory.`);
          }),
          { caseIndex: c.index, reason: 'no_task_described', notRelevant, coreTasks },
        );
        continue;
      }
      let problems = 0;
      for (const task of coreTasks) {
        if (c.tasks[task]?.status !== 'not_relevant') continue;
        problems += 1;
        const title = titles.get(task);
        const label = { nl: title?.nl.replace(/\.$/, '') ?? '', en: title?.en.replace(/\.$/, '') ?? '' };
        out.blocking(
          'C.TRAJECTORY',
          ['cases', c.index, 'tasks', task],
          localize((lang) =>
            lang === 'nl'
              ? `Taak ${task} (${label.nl}) hoort bij elk begeleidingstraject en kan in ${name.nl} niet als niet relevant worden gemarkeerd. Beschrijf hoe je deze taak in dit traject hebt uitgevoerd.`
              : `Task ${task} (${label.en}) belongs to every guidance trajectory and cannot be marked not relevant in ${name.en}. Describe how you carried out this task in this trajectory.`,
          ),
          { caseIndex: c.index, task, reason: 'core_task_not_relevant', coreTasks },
        );
      }
      if (problems === 0) passed += 1;
    }
    progressPerCase(context, out, passed);
  },
};
