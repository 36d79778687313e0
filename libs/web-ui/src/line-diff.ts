/**
 * The line diff of two texts, for pages that show what changed between two versions. The same
 * pure function the APIs use (libs/regulations), so the office's preview of a draft shows exactly
 * what candidates will see once it is published.
 */
export { diffStats, lineDiff, type DiffLine } from '../../regulations/src/text-diff';
