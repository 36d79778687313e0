/** `24-11-2026 10:30`: the same in both languages (for a fact). */
export function shortMoment(instant: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(instant)
    .replace(',', '');
}

/** A short, stable reference for a dossier in office mail (the first block of its id). */
export function dossierRef(portfolioId: string): string {
  return portfolioId.slice(0, 8).toUpperCase();
}

/** pg's rows from a DataSource/EntityManager query (an UPDATE … RETURNING gives [rows, count]). */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) ? r[0] : r) as T[];
}
