/** The id of the control (or fieldset) of a JSON pointer inside a section: '/tasks/3/text' → 'veld-tasks-3-text'. */
export function fieldId(pointer: string): string {
  return `veld${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
