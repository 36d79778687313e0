import { commonTexts, createI18n } from '@rlp/web-ui/i18n';
import { jointTexts } from './assessor/joint/texts';
import { assessorTexts } from './assessor/texts';
import { beheerTexts } from './office/beheer/texts';
import { officeTexts } from './office/texts';

export { initialLang, type Lang } from '@rlp/web-ui/i18n';

/** The shell's texts; each area (assessor/, office/) keeps its own table. Dutch first. */
const shellTexts = {
  assessorPortal: ['Assessorenportaal', 'Assessor portal'],
  officePortal: ['Certificeringsbureau', 'Certification office'],
  loginTitle: ['Inloggen voor assessoren en het certificeringsbureau', 'Log in for assessors and the certification office'],
  loginIntro: ['Hier beoordeel je portfolio’s, voer je certificeringsgesprekken en neemt het bureau besluiten.', 'Here you assess portfolios, hold certification interviews, and the office takes decisions.'],
  offlineBanner: ['Je bent offline. Wat je typt blijft bewaard op dit apparaat en wordt verstuurd zodra de verbinding terug is.', 'You are offline. What you type is kept on this device and sent as soon as the connection returns.'],
  myDossiers: ['Mijn dossiers', 'My dossiers'],
  account: ['Account', 'Account'],
  office: ['Bureau', 'Office'],
  publicRegister: ['Register', 'Register'],
  notForRole: ['Deze pagina is niet voor jouw rol.', 'This page is not for your role.'],
} as const;

const texts = { ...shellTexts, ...assessorTexts, ...jointTexts, ...officeTexts, ...beheerTexts } as const;

export type TextKey = keyof typeof texts | keyof typeof commonTexts;

export const { I18nProvider, useI18n } = createI18n(texts);
