import { composeMail, greetingFor, localDate, localMoment, type Bilingual, type MailAttachment, type MailMessage } from '../../mail/src/compose';
import { icsCalendar } from '../../assessment/src/calendar/ics';

/**
 * The messages the platform sends when something happens on a dossier (issue 15, ADR 0019).
 * Pure builders: every input is passed in, nothing is read from the database or the clock.
 *
 * What they never carry: another person's e-mail address, scores or judgement content, a subject
 * with personal data. The only name in a message is the recipient's own (in the greeting).
 */

/** Every kind this library queues; tests and docs list them. */
export const NOTIFICATION_KINDS = [
  'candidate.submission_received',
  'candidate.slots_available',
  'candidate.interview_booked',
  'candidate.interview_moved',
  'candidate.interview_cancelled',
  'candidate.interview_missed',
  'candidate.decision_taken',
  'candidate.returned_for_supplement',
  'assessor.assigned',
  'assessor.co_assessor_submitted',
  'assessor.agreement_needed',
  'assessor.interview_booked',
  'assessor.interview_moved',
  'assessor.interview_cancelled',
  'office.assessor_declined',
  'office.advice_ready',
  'regulation.acceptance_needed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Recipient {
  email: string;
  name: string;
}

/** Base URLs of the two portals, without a trailing slash (config.publicUrls). */
export interface PortalUrls {
  candidate: string;
  assessor: string;
}

/** Days an assessor has to submit their own scoring after being assigned (a service level the office keeps; ADR 0019). */
export const SCORING_DEADLINE_DAYS = 28;

export const OFFICE_NAME: Bilingual = { nl: 'Certificeringsbureau', en: 'Certification office' };
const OFFICE_GREETING: Bilingual = { nl: 'Beste collega van het certificeringsbureau,', en: 'Dear colleague at the certification office,' };

const greeting = (r: Recipient): Bilingual => greetingFor(r.name);

export { localDate, localMoment };

export const candidateDossierUrl = (urls: PortalUrls, portfolioId: string) => `${urls.candidate}/dossier/${portfolioId}`;
export const assessorDossierUrl = (urls: PortalUrls, portfolioId: string, page = '') => `${urls.assessor}/dossiers/${portfolioId}${page ? `/${page}` : ''}`;
export const officeDossierUrl = (urls: PortalUrls, portfolioId: string) => `${urls.assessor}/bureau/dossiers/${portfolioId}`;

// --- candidate ---------------------------------------------------------------------------------

export function submissionReceived(to: Recipient, urls: PortalUrls, input: { portfolioId: string; contentHash: string; submittedAt: Date }): MailMessage {
  return composeMail({
    to: to.email,
    kind: 'candidate.submission_received',
    subject: { nl: 'Portfolio ontvangen', en: 'Portfolio received' },
    greeting: greeting(to),
    paragraphs: [
      { nl: 'We hebben je portfolio ontvangen. Het is vastgelegd zoals je het indiende en kan niet meer veranderen.', en: 'We have received your portfolio. It is recorded as you submitted it and can no longer change.' },
      {
        nl: 'Het certificeringsbureau wijst nu twee onafhankelijke assessoren toe. Je krijgt bericht zodra je een tijdstip voor het certificeringsgesprek kunt kiezen.',
        en: 'The certification office now assigns two independent assessors. You will hear from us as soon as you can choose a time for the certification interview.',
      },
      {
        nl: `Ingediend op ${localMoment(input.submittedAt).nl}. De vingerafdruk (SHA-256) hieronder bewijst welke inhoud je indiende; je vindt hem ook in het portaal.`,
        en: `Submitted on ${localMoment(input.submittedAt).en}. The fingerprint (SHA-256) below proves which content you submitted; you also find it in the portal.`,
      },
    ],
    facts: [{ label: { nl: 'Vingerafdruk (SHA-256)', en: 'Fingerprint (SHA-256)' }, value: input.contentHash }],
    action: { label: { nl: 'Bekijk je dossier', en: 'View your dossier' }, url: candidateDossierUrl(urls, input.portfolioId) },
    dedupeKey: `submission:${input.portfolioId}`,
  });
}

export function slotsAvailable(to: Recipient, urls: PortalUrls, input: { portfolioId: string; starts: readonly Date[] }): MailMessage {
  const one = input.starts.length === 1;
  const sorted = [...input.starts].sort((a, b) => a.getTime() - b.getTime());
  return composeMail({
    to: to.email,
    kind: 'candidate.slots_available',
    subject: { nl: 'Kies een tijdstip voor je certificeringsgesprek', en: 'Choose a time for your certification interview' },
    greeting: greeting(to),
    paragraphs: [
      {
        nl: `De assessoren hebben ${one ? 'een nieuw tijdstip' : `${input.starts.length} nieuwe tijdstippen`} voor het certificeringsgesprek aangeboden. Kies in het portaal het tijdstip dat je past; wie het eerst boekt, heeft het.`,
        en: `The assessors have offered ${one ? 'a new time' : `${input.starts.length} new times`} for the certification interview. Choose the one that suits you in the portal; first come, first served.`,
      },
      // One paragraph per time: it reads as a list in HTML and in text.
      ...sorted.map((d) => ({ nl: `– ${localMoment(d).nl}`, en: `– ${localMoment(d).en}` })),
    ],
    action: { label: { nl: 'Kies een tijdstip', en: 'Choose a time' }, url: candidateDossierUrl(urls, input.portfolioId) },
  });
}

export type CancelledBy = 'candidate' | 'assessor';

export interface InterviewSlot {
  startsAt: Date;
  durationMinutes: number;
  locationKind: 'online' | 'address';
  location: string;
}

function placeFact(slot: InterviewSlot): { label: Bilingual; value: string } {
  return slot.locationKind === 'online'
    ? { label: { nl: 'Online', en: 'Online' }, value: slot.location }
    : { label: { nl: 'Adres', en: 'Address' }, value: slot.location };
}

function slotFacts(slot: InterviewSlot): Array<{ label: Bilingual; value: string }> {
  return [{ label: { nl: 'Duur', en: 'Duration' }, value: `${slot.durationMinutes} min` }, placeFact(slot)];
}

/** The moment in each language's own words (facts have one value for both languages). */
function when(slot: InterviewSlot): Bilingual {
  const moment = localMoment(slot.startsAt);
  return { nl: `Wanneer: ${moment.nl}`, en: `When: ${moment.en}` };
}

/** What one person's calendar invitation says; the UID is the dossier's, the same as the download's. */
export interface InvitationInput {
  method: 'REQUEST' | 'CANCEL';
  portfolioId: string;
  sequence: number;
  slot: InterviewSlot;
  /** DTSTAMP: when this version of the invitation was made. */
  stamp: Date;
  organizerEmail: string;
  /** The only ATTENDEE: whoever receives this copy. */
  attendee: Recipient & { role: 'REQ-PARTICIPANT' | 'CHAIR' };
  /** Where the dossier is, for the DESCRIPTION. */
  link: string;
}

export function interviewUid(portfolioId: string): string {
  return `interview-${portfolioId}@register-loopbaanprofessional.nl`;
}

/**
 * The `text/calendar` attachment (RFC 5546 iTIP): ORGANIZER the certification office, ATTENDEE
 * only the recipient, so the candidate never receives an assessor's address (impartiality) and
 * an assessor never the candidate's. Times in UTC.
 */
export function invitation(input: InvitationInput): MailAttachment {
  const ics = icsCalendar({
    uid: interviewUid(input.portfolioId),
    sequence: input.sequence,
    method: input.method,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    start: input.slot.startsAt,
    durationMinutes: input.slot.durationMinutes,
    stamp: input.stamp,
    summary: 'Certificeringsgesprek Register Loopbaanprofessional / Certification interview',
    description: `Certificeringsgesprek (Register Loopbaanprofessional). Dossier: ${input.link}\nCertification interview. Dossier: ${input.link}`,
    location: input.slot.locationKind === 'address' ? input.slot.location : null,
    url: input.slot.locationKind === 'online' ? input.slot.location : null,
    organizer: { name: `${OFFICE_NAME.nl} Register Loopbaanprofessional`, email: input.organizerEmail },
    attendees: [{ name: input.attendee.name, email: input.attendee.email, role: input.attendee.role }],
  });
  return {
    filename: input.method === 'CANCEL' ? 'certificeringsgesprek-geannuleerd.ics' : 'certificeringsgesprek.ics',
    contentType: `text/calendar; charset=utf-8; method=${input.method}`,
    content: ics,
  };
}

export interface InterviewNotice {
  portfolioId: string;
  slot: InterviewSlot;
  /** For a move: where it was. */
  previous?: InterviewSlot;
  cancelledBy?: CancelledBy;
  reason?: string | null;
  attachment: MailAttachment;
}

export function candidateInterview(to: Recipient, urls: PortalUrls, event: 'booked' | 'moved' | 'cancelled', n: InterviewNotice): MailMessage {
  const by: Record<CancelledBy, Bilingual> = { candidate: { nl: 'door jou', en: 'by you' }, assessor: { nl: 'door een assessor', en: 'by an assessor' } };
  const text: Record<typeof event, { subject: Bilingual; paragraphs: Bilingual[] }> = {
    booked: {
      subject: { nl: 'Certificeringsgesprek gepland', en: 'Certification interview scheduled' },
      paragraphs: [
        { nl: 'Je certificeringsgesprek is geboekt. De uitnodiging voor je agenda zit als bijlage bij dit bericht.', en: 'Your certification interview is booked. The invitation for your calendar is attached to this message.' },
        { nl: 'Verzetten of annuleren kan in het portaal tot het gesprek begint.', en: 'You can move or cancel it in the portal until the interview begins.' },
      ],
    },
    moved: {
      subject: { nl: 'Certificeringsgesprek verzet', en: 'Certification interview moved' },
      paragraphs: [
        { nl: 'Je certificeringsgesprek is verzet naar het tijdstip hieronder. De bijgevoegde uitnodiging werkt je agenda bij.', en: 'Your certification interview has been moved to the time below. The attached invitation updates your calendar.' },
        ...(n.previous ? [{ nl: `Eerder gepland: ${localMoment(n.previous.startsAt).nl}.`, en: `Previously planned: ${localMoment(n.previous.startsAt).en}.` }] : []),
      ],
    },
    cancelled: {
      subject: { nl: 'Certificeringsgesprek geannuleerd', en: 'Certification interview cancelled' },
      paragraphs: [
        {
          nl: `Je certificeringsgesprek is geannuleerd ${by[n.cancelledBy ?? 'candidate'].nl}. De bijgevoegde annulering haalt het uit je agenda.`,
          en: `Your certification interview was cancelled ${by[n.cancelledBy ?? 'candidate'].en}. The attached cancellation removes it from your calendar.`,
        },
        ...(n.reason ? [{ nl: `Reden: ${n.reason}`, en: `Reason: ${n.reason}` }] : []),
        { nl: 'Kies in het portaal een nieuw tijdstip.', en: 'Choose a new time in the portal.' },
      ],
    },
  };
  return composeMail({
    to: to.email,
    kind: `candidate.interview_${event}`,
    subject: text[event].subject,
    greeting: greeting(to),
    paragraphs: [...text[event].paragraphs, when(n.slot)],
    facts: slotFacts(n.slot),
    action: { label: { nl: 'Bekijk je dossier', en: 'View your dossier' }, url: candidateDossierUrl(urls, n.portfolioId) },
    attachments: [n.attachment],
  });
}

export function assessorInterview(to: Recipient, urls: PortalUrls, event: 'booked' | 'moved' | 'cancelled', n: InterviewNotice): MailMessage {
  const by: Record<CancelledBy, Bilingual> = { candidate: { nl: 'door de kandidaat', en: 'by the candidate' }, assessor: { nl: 'door een assessor', en: 'by an assessor' } };
  const text: Record<typeof event, { subject: Bilingual; paragraphs: Bilingual[] }> = {
    booked: {
      subject: { nl: 'Certificeringsgesprek in je agenda', en: 'Certification interview in your calendar' },
      paragraphs: [{ nl: 'De kandidaat heeft een van de aangeboden tijdstippen geboekt. De uitnodiging voor je agenda zit als bijlage bij dit bericht.', en: 'The candidate booked one of the offered times. The invitation for your calendar is attached to this message.' }],
    },
    moved: {
      subject: { nl: 'Certificeringsgesprek verzet', en: 'Certification interview moved' },
      paragraphs: [
        { nl: 'De kandidaat heeft het certificeringsgesprek verzet naar het tijdstip hieronder. De bijgevoegde uitnodiging werkt je agenda bij.', en: 'The candidate moved the certification interview to the time below. The attached invitation updates your calendar.' },
        ...(n.previous ? [{ nl: `Eerder gepland: ${localMoment(n.previous.startsAt).nl}.`, en: `Previously planned: ${localMoment(n.previous.startsAt).en}.` }] : []),
      ],
    },
    cancelled: {
      subject: { nl: 'Certificeringsgesprek geannuleerd', en: 'Certification interview cancelled' },
      paragraphs: [
        {
          nl: `Het certificeringsgesprek is geannuleerd ${by[n.cancelledBy ?? 'candidate'].nl}. De bijgevoegde annulering haalt het uit je agenda; het dossier gaat terug naar de planning.`,
          en: `The certification interview was cancelled ${by[n.cancelledBy ?? 'candidate'].en}. The attached cancellation removes it from your calendar; the dossier goes back to planning.`,
        },
        ...(n.reason ? [{ nl: `Reden: ${n.reason}`, en: `Reason: ${n.reason}` }] : []),
      ],
    },
  };
  return composeMail({
    to: to.email,
    kind: `assessor.interview_${event}`,
    subject: text[event].subject,
    greeting: greeting(to),
    paragraphs: [...text[event].paragraphs, when(n.slot)],
    facts: slotFacts(n.slot),
    action: { label: { nl: 'Open het gesprek', en: 'Open the interview' }, url: assessorDossierUrl(urls, n.portfolioId, 'gesprek') },
    attachments: [n.attachment],
  });
}

/**
 * The interview's time passed without it taking place (recorded by an assessor): what follows.
 * The recorded reason is not repeated (the assessors' wording is for the file).
 */
export function interviewMissed(to: Recipient, urls: PortalUrls, input: { portfolioId: string; startsAt: Date; absentParty: 'candidate' | 'assessor'; next: 'new_slots' | 'advise' }): MailMessage {
  const moment = localMoment(input.startsAt);
  const follow: Bilingual =
    input.next === 'new_slots'
      ? { nl: 'De assessoren bieden nieuwe tijdstippen aan; je krijgt bericht zodra je er een kunt kiezen.', en: 'The assessors will offer new times; you will hear from us as soon as you can choose one.' }
      : { nl: 'De assessoren brengen advies uit zonder gesprek; daarna besluit het certificeringsbureau. Je krijgt bericht van het besluit.', en: 'The assessors give their advice without an interview; then the certification office decides. You will be told of the decision.' };
  const who: Bilingual = input.absentParty === 'candidate' ? { nl: 'omdat je niet aanwezig was', en: 'because you were not present' } : { nl: 'omdat een assessor verhinderd was', en: 'because an assessor could not attend' };
  return composeMail({
    to: to.email,
    kind: 'candidate.interview_missed',
    subject: { nl: 'Certificeringsgesprek niet doorgegaan', en: 'Certification interview did not take place' },
    greeting: greeting(to),
    paragraphs: [
      { nl: `Het certificeringsgesprek van ${moment.nl} is niet doorgegaan, ${who.nl}.`, en: `The certification interview of ${moment.en} did not take place, ${who.en}.` },
      follow,
    ],
    action: { label: { nl: 'Bekijk je dossier', en: 'View your dossier' }, url: candidateDossierUrl(urls, input.portfolioId) },
  });
}

export function decisionTaken(to: Recipient, urls: PortalUrls, input: { portfolioId: string }): MailMessage {
  return composeMail({
    to: to.email,
    kind: 'candidate.decision_taken',
    subject: { nl: 'Besluit over je certificering', en: 'Decision on your certification' },
    greeting: greeting(to),
    paragraphs: [
      { nl: 'Het certificeringsbureau heeft een besluit genomen over je dossier. De besluitbrief staat voor je klaar in het portaal.', en: 'The certification office has taken a decision on your dossier. The decision letter is ready for you in the portal.' },
      { nl: 'Om je gegevens te beschermen sturen we de brief niet mee per e-mail.', en: 'To protect your data, we do not send the letter by e-mail.' },
    ],
    action: { label: { nl: 'Lees het besluit', en: 'Read the decision' }, url: candidateDossierUrl(urls, input.portfolioId) },
    dedupeKey: `decision:${input.portfolioId}`,
  });
}

export function returnedForSupplement(to: Recipient, urls: PortalUrls, input: { portfolioId: string; nextPortfolioId: string }): MailMessage {
  return composeMail({
    to: to.email,
    kind: 'candidate.returned_for_supplement',
    subject: { nl: 'Je dossier is teruggegeven ter aanvulling', en: 'Your dossier was returned for supplement' },
    greeting: greeting(to),
    paragraphs: [
      {
        nl: 'Het certificeringsbureau heeft besloten je dossier terug te geven ter aanvulling. Wat er moet worden aangevuld, staat in de besluitbrief in het portaal.',
        en: 'The certification office has decided to return your dossier for supplement. What needs to be added is in the decision letter in the portal.',
      },
      {
        nl: 'Er staat een nieuw concept voor je klaar met de inhoud die je indiende; vul het aan, accepteer de verklaringen opnieuw en dien het opnieuw in.',
        en: 'A new draft with the content you submitted is ready for you; supplement it, make the declarations again and submit it again.',
      },
    ],
    action: { label: { nl: 'Lees het besluit', en: 'Read the decision' }, url: candidateDossierUrl(urls, input.portfolioId) },
    facts: [{ label: { nl: 'Nieuw concept', en: 'New draft' }, value: `${urls.candidate}/portfolio/${input.nextPortfolioId}` }],
    dedupeKey: `decision:${input.portfolioId}`,
  });
}

// --- assessor ----------------------------------------------------------------------------------

export function assessorAssigned(to: Recipient, urls: PortalUrls, input: { portfolioId: string; assignmentId: string; deadline: string }): MailMessage {
  return composeMail({
    to: to.email,
    kind: 'assessor.assigned',
    subject: { nl: 'Nieuw dossier toegewezen', en: 'New dossier assigned' },
    greeting: greeting(to),
    paragraphs: [
      { nl: 'Het certificeringsbureau heeft je een dossier toegewezen om te beoordelen.', en: 'The certification office has assigned you a dossier to assess.' },
      {
        nl: 'Verklaar eerst in het portaal of je onafhankelijk bent ten opzichte van de kandidaat; ben je dat niet, wijs het dossier dan af.',
        en: 'First declare in the portal whether you are independent of the candidate; if you are not, decline the dossier.',
      },
      {
        nl: `Dien daarna je eigen beoordeling in, uiterlijk op ${localDate(input.deadline).nl}.`,
        en: `Then submit your own scoring by ${localDate(input.deadline).en} at the latest.`,
      },
    ],
    action: { label: { nl: 'Open het dossier', en: 'Open the dossier' }, url: assessorDossierUrl(urls, input.portfolioId) },
    dedupeKey: `assigned:${input.assignmentId}`,
  });
}

export function coAssessorSubmitted(to: Recipient, urls: PortalUrls, input: { portfolioId: string; assignmentId: string; ownSubmitted: boolean }): MailMessage {
  const paragraph: Bilingual = input.ownSubmitted
    ? {
        nl: 'De andere assessor van een van je dossiers heeft nu ook zijn of haar beoordeling ingediend. Jullie kunnen de beoordelingen vergelijken en het gezamenlijk oordeel opstellen.',
        en: 'The other assessor of one of your dossiers has now submitted their scoring too. You can compare the scorings and draw up the joint judgement.',
      }
    : {
        nl: 'De andere assessor van een van je dossiers heeft zijn of haar beoordeling ingediend. Wat die beoordeling inhoudt, zie je pas nadat je je eigen beoordeling hebt ingediend.',
        en: 'The other assessor of one of your dossiers has submitted their scoring. You see what it says only after you have submitted your own.',
      };
  return composeMail({
    to: to.email,
    kind: 'assessor.co_assessor_submitted',
    subject: { nl: 'Je medeassessor heeft de beoordeling ingediend', en: 'Your co-assessor has submitted their scoring' },
    greeting: greeting(to),
    paragraphs: [paragraph],
    action: input.ownSubmitted
      ? { label: { nl: 'Vergelijk de beoordelingen', en: 'Compare the scorings' }, url: assessorDossierUrl(urls, input.portfolioId, 'vergelijking') }
      : { label: { nl: 'Open het dossier', en: 'Open the dossier' }, url: assessorDossierUrl(urls, input.portfolioId) },
    dedupeKey: `co-submitted:${input.assignmentId}`,
  });
}

export function agreementNeeded(to: Recipient, urls: PortalUrls, input: { portfolioId: string; kind: 'judgement' | 'interview'; version: number }): MailMessage {
  const what: Bilingual = input.kind === 'judgement' ? { nl: 'het gezamenlijk oordeel', en: 'the joint judgement' } : { nl: 'het verslag van het certificeringsgesprek en het advies', en: 'the record of the certification interview and the advice' };
  return composeMail({
    to: to.email,
    kind: 'assessor.agreement_needed',
    subject: { nl: 'Je akkoord wordt gevraagd', en: 'Your agreement is needed' },
    greeting: greeting(to),
    paragraphs: [
      {
        nl: `Je medeassessor is akkoord met ${what.nl} (versie ${input.version}). Lees het na en geef je akkoord, of pas het aan.`,
        en: `Your co-assessor agreed to ${what.en} (version ${input.version}). Read it and agree, or change it.`,
      },
    ],
    action: { label: { nl: 'Open en geef akkoord', en: 'Open and agree' }, url: assessorDossierUrl(urls, input.portfolioId, input.kind === 'judgement' ? 'oordeel' : 'verslag') },
  });
}

// --- office ------------------------------------------------------------------------------------

export function assessorDeclined(officeEmail: string, urls: PortalUrls, input: { portfolioId: string; assessorName: string; reason: string }): MailMessage {
  return composeMail({
    to: officeEmail,
    kind: 'office.assessor_declined',
    subject: { nl: 'Een assessor heeft een dossier afgewezen', en: 'An assessor declined a dossier' },
    greeting: OFFICE_GREETING,
    paragraphs: [
      { nl: `${input.assessorName} heeft een toegewezen dossier afgewezen. Wijs een andere assessor toe.`, en: `${input.assessorName} declined an assigned dossier. Assign another assessor.` },
      { nl: `Opgegeven reden: ${input.reason}`, en: `Reason given: ${input.reason}` },
    ],
    action: { label: { nl: 'Open het dossier', en: 'Open the dossier' }, url: officeDossierUrl(urls, input.portfolioId) },
  });
}

export function adviceReady(officeEmail: string, urls: PortalUrls, input: { portfolioId: string }): MailMessage {
  return composeMail({
    to: officeEmail,
    kind: 'office.advice_ready',
    subject: { nl: 'Een advies wacht op een besluit', en: 'An advice awaits a decision' },
    greeting: OFFICE_GREETING,
    paragraphs: [
      {
        nl: 'Beide assessoren zijn akkoord met het verslag van een certificeringsgesprek en hun advies. Het besluit wordt genomen door iemand van het bureau die het dossier niet beoordeelde.',
        en: 'Both assessors agreed to the record of a certification interview and their advice. The decision is taken by someone at the office who did not assess the dossier.',
      },
    ],
    action: { label: { nl: 'Open het dossier', en: 'Open the dossier' }, url: officeDossierUrl(urls, input.portfolioId) },
    dedupeKey: `advice-ready:${input.portfolioId}`,
  });
}

// --- everyone ----------------------------------------------------------------------------------

/** Placeholders the bulk insert fills in per recipient (see NotificationService.regulationPublished). */
export const NAME_TOKEN = '{{rlp:name}}';
export const PORTFOLIO_TOKEN = '{{rlp:portfolio}}';

const REGULATION_NAMES: Record<'gedragscode' | 'klachtenreglement', Bilingual> = {
  gedragscode: { nl: 'de gedragscode', en: 'the code of conduct' },
  klachtenreglement: { nl: 'het klachtenreglement', en: 'the complaints procedure' },
};

/** A template: the recipient's name and draft portfolio are the tokens, filled in by the database. */
export function regulationAcceptanceNeeded(urls: PortalUrls, input: { type: 'gedragscode' | 'klachtenreglement'; version: number; effectiveFrom: string }): MailMessage {
  const name = REGULATION_NAMES[input.type];
  const from = localDate(input.effectiveFrom);
  return composeMail({
    to: 'template@invalid',
    kind: 'regulation.acceptance_needed',
    subject: { nl: `Nieuwe versie van ${name.nl}`, en: `New version of ${name.en}` },
    greeting: { nl: `Beste ${NAME_TOKEN},`, en: `Dear ${NAME_TOKEN},` },
    paragraphs: [
      {
        nl: `Het certificeringsbureau heeft versie ${input.version} van ${name.nl} gepubliceerd. Die geldt vanaf ${from.nl}.`,
        en: `The certification office has published version ${input.version} of ${name.en}. It applies from ${from.en}.`,
      },
      {
        nl: `Dien je je portfolio vanaf die datum in, dan accepteer je eerst deze versie in deel E (verklaringen). Lees wat er veranderde in het portaal.`,
        en: `If you submit your portfolio from that date, you first accept this version in part E (declarations). Read what changed in the portal.`,
      },
    ],
    action: { label: { nl: 'Naar je verklaringen', en: 'To your declarations' }, url: `${urls.candidate}/portfolio/${PORTFOLIO_TOKEN}/verklaringen` },
  });
}
