import { type TextKey, useI18n } from '../i18n';
import type { ScoringProgress } from './model';

/** The app's i18n, plus `tk` for keys made from API values (`ofStatus_${status}`); an unknown value shows as itself. */
export function useOfficeI18n() {
  const i18n = useI18n();
  const tk = (key: string, fallback?: string) => {
    const text = i18n.t(key as TextKey);
    return text === key ? (fallback ?? key) : text;
  };
  return { ...i18n, tk };
}

/** "Beoordeling bezig sinds 24 november 2026": how far an assessor is, never what they scored. */
export function ScoringProgressText({ scoring }: { scoring: ScoringProgress | null | undefined }) {
  const { t, tk, date } = useOfficeI18n();
  if (scoring === undefined) return null;
  if (scoring === null) return <span className="rlp-hint">{t('ofScoringHidden')}</span>;
  return (
    <span className={`rlp-progress rlp-progress--${scoring.state}`}>
      {tk(`ofScoring_${scoring.state}`)} {scoring.state === 'submitted' ? t('ofOn') : t('ofSince')} {date(scoring.since)}
    </span>
  );
}

/** "3 dagen" / "1 dag". */
export function useDays() {
  const { t } = useOfficeI18n();
  return (n: number | null) => (n === null ? '—' : `${n} ${n === 1 ? t('ofDay') : t('ofDays')}`);
}
