import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { queryPrepared } from '../../platform/src/prepared';
import type { AuthConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { deviceTokenHash, LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { AUTH_CONFIG } from './tokens';
import { Role, UserEntity } from './user.entity';
import { MIN_PASSWORD_SCORE, passwordScore } from './password-strength';
import { TWO_FACTOR_REQUIRED_ROLES, TwoFactorService } from './two-factor.service';

export interface Principal {
  userId: string;
  sessionId: string;
  role: Role;
  email: string;
  displayName: string;
  /** An assessor or admin who has not enrolled in two-factor authentication yet: may only enrol (ADR 0021). */
  twoFactorPending?: boolean;
}

/** The second factor of a login (ADR 0021): a current TOTP code or one unused recovery code. */
export interface SecondFactor {
  totpCode?: string;
  recoveryCode?: string;
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisation?: string | null;
  /**
   * Whether the address counts as confirmed (default true: accounts made by the office, demo
   * seeding and tests). Self-registration does not use createAccount; it confirms by mail (ADR 0020).
   */
  emailVerified?: boolean;
}

export interface PublicAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: string | null;
  active: boolean;
  createdAt: string;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  account: PublicAccount;
  /** An assessor or admin without two-factor authentication yet: the session may only enrol (ADR 0021). */
  twoFactorEnrolmentRequired: boolean;
}

/** `last_seen_at` is refreshed at most this often per session (ADR 0025). */
export const SESSION_REFRESH_MS = 60_000;

const INVALID_CREDENTIALS = () =>
  new DomainError(
    'unauthenticated',
    'INVALID_CREDENTIALS',
    bilingual('E-mailadres of wachtwoord onjuist', 'Invalid e-mail address or password'),
  );

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function toPublicAccount(u: UserEntity): PublicAccount {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    organisation: u.organisation,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** The strength rules of every new password (also an invited person's own). */
  checkPassword(password: string, personal: ReadonlyArray<string | null | undefined>): void {
    if (password.length < this.config.passwordMinLength) {
      throw new DomainError(
        'validation',
        'PASSWORD_TOO_SHORT',
        bilingual(
          `Het wachtwoord moet minstens ${this.config.passwordMinLength} tekens hebben`,
          `The password must have at least ${this.config.passwordMinLength} characters`,
        ),
        { minLength: this.config.passwordMinLength },
      );
    }
    const score = passwordScore(password, personal);
    if (score < MIN_PASSWORD_SCORE) {
      throw new DomainError(
        'validation',
        'PASSWORD_TOO_WEAK',
        bilingual(
          'Dit wachtwoord is te makkelijk te raden: het lijkt op veelgebruikte of uitgelekte wachtwoorden, gewone woorden, je naam of je e-mailadres. Kies bijvoorbeeld een zin van een paar woorden die niet bij elkaar horen',
          'This password is too easy to guess: it resembles common or leaked passwords, ordinary words, your name or your e-mail address. Choose, for example, a sentence of a few unrelated words',
        ),
        { score, minScore: MIN_PASSWORD_SCORE },
      );
    }
  }

  /**
   * Creates an account. A duplicate e-mail gets the same answer shape as any conflict, so the
   * registration form cannot be used to probe which addresses exist beyond what it must say.
   */
  async createAccount(input: NewAccount, actorId: string | null, requestId?: string): Promise<PublicAccount> {
    this.checkPassword(input.password, [input.email, input.displayName, input.organisation]);
    const email = normaliseEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({
          email,
          passwordHash,
          role: input.role,
          displayName: input.displayName.trim(),
          organisation: input.organisation?.trim() || null,
        })
        .orIgnore()
        .returning('*')
        .execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id) {
        throw new DomainError(
          'conflict',
          'ACCOUNT_EXISTS',
          bilingual('Er bestaat al een account met dit e-mailadres', 'An account with this e-mail address already exists'),
        );
      }
      if (input.emailVerified ?? true) await m.query(`UPDATE "users" SET "email_verified_at" = $2 WHERE "id" = $1`, [id, this.clock.now()]);
      const user = await m.findOneByOrFail(UserEntity, { id });
      await this.audit.record(
        { actorId: actorId ?? id, action: 'account.created', subjectType: 'account', subjectId: id, requestId, data: { role: input.role } },
        m,
      );
      return toPublicAccount(user);
    });
  }

  async login(
    emailInput: string,
    password: string,
    clientAddress: string,
    portalRoles: readonly Role[],
    requestId?: string,
    deviceToken?: string | null,
    secondFactor: SecondFactor = {},
  ): Promise<LoginResult & { deviceToken: string }> {
    const email = normaliseEmail(emailInput);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const device = deviceToken && /^[A-Za-z0-9_-]{20,200}$/.test(deviceToken) ? deviceTokenHash(deviceToken) : null;
    const knownForAccount =
      device !== null && user !== null && (await this.dataSource.query(`SELECT 1 FROM "known_devices" WHERE "token_hash" = $1 AND "user_id" = $2`, [device, user.id])).length > 0;
    const keys = { email, clientAddress, device, knownForAccount };
    await this.throttle.check(keys);
    if (!user) {
      await this.hasher.verify(await this.hasher.dummyHash(), password);
      await this.throttle.failed(keys);
      throw INVALID_CREDENTIALS();
    }
    // An invited account without a password yet (ADR 0021) costs the same time as any other.
    const hasPassword = user.passwordHash.startsWith('$');
    const ok = hasPassword ? await this.hasher.verify(user.passwordHash, password) : (await this.hasher.verify(await this.hasher.dummyHash(), password), false);
    if (!ok || !user.active) {
      await this.throttle.failed(keys);
      await this.audit.record({ actorId: null, action: 'auth.login_failed', subjectType: 'account', subjectId: user.id, requestId });
      throw INVALID_CREDENTIALS();
    }
    if (!portalRoles.includes(user.role)) {
      throw new DomainError(
        'forbidden',
        'WRONG_PORTAL',
        bilingual('Met dit account logt u in op de andere portal', 'This account signs in on the other portal'),
        { role: user.role },
      );
    }
    // The second factor, only now that the password was right (a wrong password never reveals enrolment).
    const enrolled = await this.twoFactor.isEnabled(user.id);
    if (enrolled) {
      if (secondFactor.totpCode === undefined && secondFactor.recoveryCode === undefined) {
        throw new DomainError(
          'unauthenticated',
          'TOTP_REQUIRED',
          bilingual('Vul de code uit je authenticator-app in (of een herstelcode)', 'Enter the code from your authenticator app (or a recovery code)'),
        );
      }
      const used = await this.twoFactor.verifyLogin(user.id, secondFactor, requestId);
      if (!used) {
        // A wrong code counts like a wrong password: six digits cannot be tried through.
        await this.throttle.failed(keys);
        await this.audit.record({ actorId: null, action: 'auth.two_factor_failed', subjectType: 'account', subjectId: user.id, requestId });
        throw new DomainError(
          'unauthenticated',
          'TOTP_INVALID',
          bilingual('Deze code klopt niet (of is al gebruikt); wacht op de volgende code en probeer het opnieuw', 'This code is not right (or was used already); wait for the next code and try again'),
        );
      }
    }
    const twoFactorPending = !enrolled && TWO_FACTOR_REQUIRED_ROLES.includes(user.role);
    await this.throttle.succeeded(keys);
    // The device is known to this account from now on (a new token if it had none).
    const knownDevice = device && deviceToken ? deviceToken : randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO "known_devices" ("token_hash", "user_id", "created_at", "last_login_at") VALUES ($1, $2, $3, $3)
       ON CONFLICT ("token_hash", "user_id") DO UPDATE SET "last_login_at" = EXCLUDED."last_login_at"`,
      [deviceTokenHash(knownDevice), user.id, this.clock.now()],
    );
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * 60_000);
    await this.dataSource.transaction(async (m) => {
      const session = await m.save(SessionEntity, m.create(SessionEntity, {
        userId: user.id,
        tokenHash: tokenHash(token),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
        twoFactorPending,
      }));
      await this.audit.record({ actorId: user.id, action: 'auth.login', subjectType: 'session', subjectId: session.id, requestId, data: { twoFactor: enrolled ? 'verified' : twoFactorPending ? 'enrolment_pending' : 'off' } }, m);
    });
    return { token, expiresAt: expiresAt.toISOString(), account: toPublicAccount(user), deviceToken: knownDevice, twoFactorEnrolmentRequired: twoFactorPending };
  }

  /**
   * Resolves a bearer token to its principal, or null when unknown, revoked, expired or idle.
   *
   * A plain SELECT (ADR 0025): `last_seen_at` slides the idle window, but it is refreshed at most
   * once a minute per session, by a second statement only when due, so a burst of requests costs
   * no WAL, no dead tuple, no row lock and no planning of a data-modifying statement. The idle
   * check stays exact against the stored value; since that value may lag the last request by up to
   * a minute, an idle session ends between SESSION_IDLE_MINUTES − 1 and SESSION_IDLE_MINUTES after
   * its last request (never later). Two requests that find it due at once write it once (the
   * UPDATE rechecks `last_seen_at` after the first's row lock).
   */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000);
    const refreshCutoff = new Date(now.getTime() - SESSION_REFRESH_MS);
    // Prepared once per pooled connection: the hottest statement of the platform (every request).
    const rows = await queryPrepared<Principal & { lastSeenAt: Date }>(
      this.dataSource,
      `SELECT s."id" AS "sessionId", s."last_seen_at" AS "lastSeenAt", u."id" AS "userId", u."role", u."email", u."display_name" AS "displayName", s."two_factor_pending" AS "twoFactorPending"
         FROM "sessions" s JOIN "users" u ON u."id" = s."user_id"
        WHERE s."token_hash" = $1 AND u."active"
          AND s."revoked_at" IS NULL AND s."expires_at" > $2 AND s."last_seen_at" > $3`,
      [tokenHash(token), now, idleCutoff],
    );
    const row = rows[0];
    if (!row) return null;
    const { lastSeenAt, ...principal } = row;
    if (new Date(lastSeenAt).getTime() <= refreshCutoff.getTime()) {
      await this.dataSource.query(`UPDATE "sessions" SET "last_seen_at" = $2 WHERE "id" = $1 AND "last_seen_at" <= $3 AND "revoked_at" IS NULL`, [row.sessionId, now, refreshCutoff]);
    }
    return principal;
  }

  async logout(principal: Principal, requestId?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(SessionEntity, { id: principal.sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      await this.audit.record({ actorId: principal.userId, action: 'auth.logout', subjectType: 'session', subjectId: principal.sessionId, requestId }, m);
    });
  }

  async getAccount(id: string): Promise<PublicAccount> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));
    return toPublicAccount(user);
  }

  async listAccounts(role?: Role): Promise<PublicAccount[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: role ? { role } : {},
      order: { createdAt: 'ASC' },
    });
    return users.map(toPublicAccount);
  }

  /** Deactivates an account and ends all its sessions at once. */
  async deactivate(id: string, actor: Principal, requestId?: string): Promise<PublicAccount> {
    if (id === actor.userId) {
      throw new DomainError('conflict', 'CANNOT_DEACTIVATE_SELF', bilingual('U kunt uw eigen account niet deactiveren', 'You cannot deactivate your own account'));
    }
    return this.dataSource.transaction(async (m: EntityManager) => {
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));
      await m.update(UserEntity, { id }, { active: false });
      await m.update(SessionEntity, { userId: id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      await this.audit.record({ actorId: actor.userId, action: 'account.deactivated', subjectType: 'account', subjectId: id, requestId }, m);
      return toPublicAccount({ ...user, active: false });
    });
  }

  /** Idempotent: creates the account unless the e-mail exists. Returns whether it was created. */
  async ensureAccount(input: NewAccount): Promise<boolean> {
    const exists = await this.dataSource.getRepository(UserEntity).existsBy({ email: normaliseEmail(input.email) });
    if (exists) return false;
    try {
      await this.createAccount(input, null);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ACCOUNT_EXISTS') return false;
      throw err;
    }
  }
}
