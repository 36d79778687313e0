import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { composeMail, greetingFor } from '../../mail/src/compose';
import { Outbox } from '../../mail/src/outbox';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import { consumeToken, inspectToken, issueToken } from './account-tokens';
import { AccountsService, normaliseEmail, toPublicAccount, type PublicAccount } from './accounts.service';
import { PasswordHasher } from './password-hasher';
import { TwoFactorService } from './two-factor.service';
import { UserEntity, type Role } from './user.entity';

/**
 * Invitations for assessors and admins (issue 15, ADR 0021): the office creates the account
 * without a password; the person gets a link (an account token of purpose `invitation`, 7 days,
 * single use, stored hashed) to set their own password, and enrols in two-factor authentication at
 * the first login. Nobody else ever sees the password.
 */
export const INVITATION_TTL_DAYS = 7;
/** Stored instead of a password hash until the invitation is accepted: verifies against nothing. */
export const NO_PASSWORD_YET = '!invitation-pending';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'not_invited';

export interface InvitationState {
  /** pending: a link that still works; expired: the last link ran out (or was revoked) unused; accepted: the person set a password; not_invited: created with a password before invitations existed. */
  status: InvitationStatus;
  /** When the newest link was sent. */
  sentAt: string | null;
  /** When the newest link stops working. */
  expiresAt: string | null;
}

export interface OfficeAccount extends PublicAccount {
  invitation: InvitationState;
  twoFactorEnabled: boolean;
}

export interface NewInvitation {
  email: string;
  displayName: string;
  role: Extract<Role, 'assessor' | 'admin'>;
  organisation?: string | null;
}

const ACCOUNT_NOT_FOUND = () => new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The office creates an assessor or admin account without a password and sends the invitation. */
  async invite(input: NewInvitation, actorId: string, requestId?: string): Promise<OfficeAccount> {
    const email = normaliseEmail(input.email);
    const id = await this.dataSource.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO "users" ("email", "password_hash", "role", "display_name", "organisation") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING "id"`,
        [email, NO_PASSWORD_YET, input.role, input.displayName.trim(), input.organisation?.trim() || null],
      )) as Array<{ id: string }>;
      const userId = inserted[0]?.id;
      if (!userId) {
        throw new DomainError('conflict', 'ACCOUNT_EXISTS', bilingual('Er bestaat al een account met dit e-mailadres', 'An account with this e-mail address already exists'));
      }
      await this.audit.record({ actorId, action: 'account.created', subjectType: 'account', subjectId: userId, requestId, data: { role: input.role, invited: true } }, m);
      await this.sendInvitation(m, { id: userId, email, displayName: input.displayName.trim() }, actorId, false, requestId);
      return userId;
    });
    return this.officeAccount(id);
  }

  /** A new link; the earlier one stops working. Only while the person has not set a password. */
  async resend(userId: string, actorId: string, requestId?: string): Promise<OfficeAccount> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw ACCOUNT_NOT_FOUND();
      if (user.role === 'candidate') {
        throw new DomainError('conflict', 'NOT_INVITABLE', bilingual('Kandidaten registreren zich zelf; zij krijgen geen uitnodiging', 'Candidates register themselves; they are not invited'));
      }
      if (user.passwordHash !== NO_PASSWORD_YET) {
        throw new DomainError('conflict', 'INVITATION_ALREADY_ACCEPTED', bilingual('Deze persoon heeft al een eigen wachtwoord', 'This person already has their own password'));
      }
      if (!user.active) {
        throw new DomainError('conflict', 'ACCOUNT_INACTIVE', bilingual('Dit account is gedeactiveerd', 'This account has been deactivated'));
      }
      await this.sendInvitation(m, user, actorId, true, requestId);
    });
    return this.officeAccount(userId);
  }

  /** What the invitation page shows before the person chooses a password. */
  async check(token: string): Promise<{ email: string; displayName: string; expiresAt: string }> {
    return this.dataSource.transaction(async (m) => {
      const row = await inspectToken(m, token, 'invitation', this.clock.now());
      const user = await m.findOneBy(UserEntity, { id: row.userId });
      if (!user || !user.active || user.passwordHash !== NO_PASSWORD_YET) throw this.invitationGone();
      return { email: user.email, displayName: user.displayName, expiresAt: row.expiresAt.toISOString() };
    });
  }

  /** Sets the person's own password (the strength rules of every password) and uses the link up. */
  async accept(token: string, password: string, requestId?: string): Promise<{ email: string }> {
    const now = this.clock.now();
    // Look first (outside the hash), so a weak password is refused without using the link up.
    const preview = await this.check(token);
    this.accounts.checkPassword(password, [preview.email, preview.displayName]);
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (m) => {
      const row = await consumeToken(m, token, 'invitation', now);
      const user = await m.findOne(UserEntity, { where: { id: row.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !user.active || user.passwordHash !== NO_PASSWORD_YET) throw this.invitationGone();
      // The link came by mail to this address: it is confirmed as well.
      await m.query(`UPDATE "users" SET "password_hash" = $2, "email_verified_at" = COALESCE("email_verified_at", $3) WHERE "id" = $1`, [user.id, passwordHash, now]);
      await this.audit.record({ actorId: user.id, action: 'account.invitation_accepted', subjectType: 'account', subjectId: user.id, requestId }, m);
      return { email: user.email };
    });
  }

  async officeAccount(userId: string): Promise<OfficeAccount> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw ACCOUNT_NOT_FOUND();
    const [list] = await this.officeAccounts([user]);
    return list!;
  }

  /** Accounts with their invitation state and whether two-factor authentication is on (the office's list). */
  async listOfficeAccounts(role?: Role): Promise<OfficeAccount[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ where: role ? { role } : {}, order: { createdAt: 'ASC' } });
    return this.officeAccounts(users);
  }

  private async officeAccounts(users: UserEntity[]): Promise<OfficeAccount[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const latest: Array<{ user_id: string; created_at: Date; expires_at: Date; used_at: Date | null; revoked_at: Date | null }> = await this.dataSource.query(
      `SELECT DISTINCT ON ("user_id") "user_id", "created_at", "expires_at", "used_at", "revoked_at"
         FROM "account_tokens" WHERE "purpose" = 'invitation' AND "user_id" = ANY($1) ORDER BY "user_id", "created_at" DESC, ("revoked_at" IS NULL) DESC`,
      [ids],
    );
    const enabled: Array<{ user_id: string }> = await this.dataSource.query(`SELECT "user_id" FROM "two_factor" WHERE "confirmed_at" IS NOT NULL AND "user_id" = ANY($1)`, [ids]);
    const byUser = new Map(latest.map((r) => [r.user_id, r]));
    const withTwoFactor = new Set(enabled.map((r) => r.user_id));
    const now = this.clock.now().getTime();
    return users.map((u) => {
      const inv = byUser.get(u.id);
      const hasPassword = u.passwordHash !== NO_PASSWORD_YET;
      const status: InvitationStatus = hasPassword
        ? inv
          ? 'accepted'
          : 'not_invited'
        : inv && !inv.used_at && !inv.revoked_at && inv.expires_at.getTime() > now
          ? 'pending'
          : 'expired';
      return {
        ...toPublicAccount(u),
        invitation: { status, sentAt: inv ? inv.created_at.toISOString() : null, expiresAt: inv ? inv.expires_at.toISOString() : null },
        twoFactorEnabled: withTwoFactor.has(u.id),
      };
    });
  }

  /** The office resets two-factor authentication (a lost phone); the person enrols again at the next login. */
  async resetTwoFactor(userId: string, actorId: string, requestId?: string): Promise<OfficeAccount> {
    await this.twoFactor.reset(userId, actorId, requestId);
    return this.officeAccount(userId);
  }

  private async sendInvitation(m: EntityManager, user: { id: string; email: string; displayName: string }, actorId: string, resent: boolean, requestId?: string): Promise<void> {
    const now = this.clock.now();
    const token = await issueToken(m, user.id, 'invitation', INVITATION_TTL_DAYS * 24 * 60, { now });
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60_000);
    const until = (lang: string) => new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(expiresAt);
    await this.outbox.enqueue(
      m,
      composeMail({
        to: user.email,
        kind: 'account.invitation',
        subject: { nl: 'Uitnodiging: stel je wachtwoord in', en: 'Invitation: set your password' },
        greeting: greetingFor(user.displayName),
        paragraphs: [
          {
            nl: 'Het certificeringsbureau heeft een account voor je aangemaakt in de assessorportal. Kies via de knop hieronder je eigen wachtwoord; niemand anders krijgt het te zien.',
            en: 'The certification office has created an account for you in the assessor portal. Choose your own password with the button below; nobody else ever sees it.',
          },
          {
            nl: 'Daarna stel je tweestapsverificatie in met een authenticator-app op je telefoon (bijvoorbeeld Google Authenticator, Microsoft Authenticator of FreeOTP). Dat is verplicht voordat je dossiers kunt inzien.',
            en: 'Then you set up two-factor authentication with an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP). This is required before you can see any dossier.',
          },
          {
            nl: 'De link werkt één keer. Verwachtte je deze uitnodiging niet? Dan kun je dit bericht negeren.',
            en: 'The link works once. Did you not expect this invitation? Then you can ignore this message.',
          },
        ],
        facts: [{ label: { nl: 'Geldig tot', en: 'Valid until' }, value: `${until('nl-NL')} / ${until('en-GB')}` }],
        action: { label: { nl: 'Wachtwoord instellen', en: 'Set your password' }, url: `${this.config.publicUrls.assessor}/uitnodiging?token=${encodeURIComponent(token)}` },
      }),
    );
    await this.audit.record({ actorId, action: resent ? 'account.invitation_resent' : 'account.invitation_sent', subjectType: 'account', subjectId: user.id, requestId, data: { expiresAt: expiresAt.toISOString() } }, m);
  }

  private invitationGone(): DomainError {
    return new DomainError('validation', 'TOKEN_INVALID', bilingual('Deze link is ongeldig. Vraag een nieuwe aan', 'This link is not valid. Ask for a new one'));
  }
}
