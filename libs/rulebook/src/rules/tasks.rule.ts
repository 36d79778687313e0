import type { Rule } from '../engine/rule.types';
import { localized } from '../text/localized-text.util';
import { caseName } from './case-slots.util';

/**
 * C.TASKS — every task is covered in every case: described, or marked not relevant with a
 * motivation; and every task is described in at least one case, so a task that is not relevant in
 * one case must be described in the other ("Voor de volledigheid: in de andere casus moet de niet
 * relevante taak wel aan de orde komen").
 * A core task of the rulebook (C.TRAJECTORY) cannot be not relevant: an empty one is asked to be
 * described, without the "or explain why not relevant" alternative, and one marked not relevant is
 * left to C.TRAJECTORY rather than asked for a motivation that would not help.
 */
export const tasksRule: Rule = {
  codes: ['C.TASKS'],
  check({ cases, rulebook }, out) {
    const coreTasks = new Set(rulebook.cases.trajectory.coreTasks);
    let tasksDone = 0;
    for (const task of rulebook.cases.tasks) {
      const core = coreTasks.has(task.id);
      const title = { nl: task.title.nl.replace(/\.$/, ''), en: task.title.en.replace(/\.$/, '') };
      let problems = 0;
      let described = false;
      let lastNotRelevant: number | null = null;
      for (const c of cases) {
        const cell = c.tasks[task.id];
        const name = caseName(c.index, c.casus.title);
        if (cell === undefined || cell.status === 'missing') {
          problems += 1;
          out.blocking(
            'C.TASKS',
            ['cases', c.index, 'tasks', task.id],
            core
              ? localized(
                  `Beschrijf taak ${task.id} (${title.nl}) in ${name.nl}; deze taak hoort bij elk begeleidingstraject.`,
                  `Describe task ${task.id} (${title.en}) in ${name.en}; this task belongs to every guidance trajectory.`,
                )
              : localized(
                  `Beschrijf taak ${task.id} (${title.nl}) in ${name.nl}, of motiveer waarom de taak in dit traject niet relevant was.`,
                  `Describe task ${task.id} (${title.en}) in ${name.en}, or explain why the task was not relevant in this trajectory.`,
                ),
            { task: task.id, caseIndex: c.index, reason: 'missing' },
          );
        } else if (cell.status === 'not_relevant') {
          lastNotRelevant = c.index;
          if (cell.motivated !== true && !core) {
            problems += 1;
            out.blocking(
              'C.TASKS',
              ['cases', c.index, 'tasks', task.id, 'notRelevantMotivation'],
              localized(
                `Taak ${task.id} is in ${name.nl} als niet relevant gemarkeerd; motiveer waarom dit het geval was.`,
                `Task ${task.id} is marked not relevant in ${name.en}; explain why this was the case.`,
              ),
              { task: task.id, caseIndex: c.index, reason: 'not_relevant_without_motivation' },
            );
          }
        } else {
          described = true;
        }
      }
      // Every case covered the task, yet none describes it: not relevant everywhere (or no cases at all).
      if (!described && problems === 0) {
        problems += 1;
        out.blocking(
          'C.TASKS',
          lastNotRelevant === null ? ['cases'] : ['cases', lastNotRelevant, 'tasks', task.id],
          localized(
            `Taak ${task.id} (${title.nl}) is in geen enkele casus beschreven. Een taak die in de ene casus niet relevant is, moet in de andere casus wel aan de orde komen.`,
            `Task ${task.id} (${title.en}) is not described in any case. A task that is not relevant in one case must be covered in the other.`,
          ),
          { task: task.id, reason: lastNotRelevant === null ? 'no_cases' : 'not_relevant_in_all_cases', casesNotRelevant: cases.filter((c) => c.tasks[task.id]?.status === 'not_relevant').length },
        );
      }
      if (problems === 0) tasksDone += 1;
    }
    out.progress('C', tasksDone, rulebook.cases.tasks.length);
  },
};
