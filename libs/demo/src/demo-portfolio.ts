import type { DataSource } from 'typeorm';
import type { PortfolioService } from '../../portfolio/src/portfolio.service';
import { sectionEtag } from '../../portfolio/src/etag';
import { DEMO_CANDIDATE } from './demo-accounts';

/**
 * The demo candidate gets a draft portfolio that is partly filled in (one case, B2 motivation,
 * the development plan), so the completeness report, guidance and PDF preview have something to
 * show. Idempotent: a candidate who has any portfolio is left alone.
 */
export async function seedDemoPortfolio(dataSource: DataSource, portfolios: PortfolioService): Promise<string | null> {
  const email = DEMO_CANDIDATE.email;
  const [user] = (await dataSource.query(`SELECT "id" FROM "users" WHERE "email" = $1`, [email])) as Array<{ id: string }>;
  if (!user) return null;
  const existing = (await dataSource.query(`SELECT 1 FROM "portfolios" WHERE "candidate_id" = $1`, [user.id])) as unknown[];
  if (existing.length > 0) return null;
  const { id } = await portfolios.create(user.id);
  const write = (section: Parameters<typeof sectionEtag>[0], content: object) => portfolios.writeSection(user.id, id, section, sectionEtag(section, 1), 'replace', content);
  await write('cvAndMotivation', {
    motivation:
      'Na tien jaar als HR-adviseur ben ik in 2019 mijn eigen loopbaanpraktijk begonnen. Ik begeleid vooral werknemers in reorganisaties en jongeren die een studiekeuze maken. Ik wil laten zien dat mijn werk aan de beroepsstandaard voldoet.',
  });
  await write('case-1', {
    title: 'Van productiemedewerker naar planner',
    whyChosen: 'Dit traject laat zien hoe ik een werkgeversopdracht combineer met de eigen vraag van de klant.',
    clientType: 'werknemer in reorganisatie',
    questionType: 'outplacement',
    initiator: 'employer',
    period: { start: '2026-01-12', end: '2026-06-30' },
    tasks: {
      '0': { status: 'described', text: 'Intake met werkgever en klant; afspraken over vertrouwelijkheid en rolverdeling vastgelegd.' },
      '1': { status: 'described', text: 'Loopbaanvraag samen met de klant geformuleerd: welk werk past na 20 jaar productie?' },
    },
    knowledgeAreaReflections: { '1': 'Ik gebruikte het model van Super om de loopbaanfase van de klant te bespreken.' },
  });
  await write('developmentPlan', { answers: { '1': 'Ik wil mijn kennis van arbeidsmarktinformatie actueel houden.' } });
  return id;
}
