import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { AuthConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { deviceTokenHash, LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { AUTH_CONFIG } from './tokens';
import { Role, UserEntity } from './user.entity';
import { MIN_PASSWORD_SCORE, passwordScore } from './password-strength';

export interface Principal {
  userId: string;
  sessionId: string;
  role: Role;
  email: string;
  displayName: string;
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisation?: string | null;
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
}

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
  ) {}

  private checkPassword(password: string, personal: ReadonlyArray<string | null | undefined>): void {
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
      const user = await m.findOneByOrFail(UserEntity, { id });
      await this.audit.record(
        { actorId: actorId ?? id, action: 'account.created', subjectType: 'account', subjectId: id, requestId, data: { role: input.role } },
        m,
      );
      return toPublicAccount(user);
    });
  }

  async login(emailInput: string, password: string, clientAddress: string, portalRoles: readonly Role[], requestId?: string, deviceToken?: string | null): Promise<LoginResult & { deviceToken: string }> {
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
    const ok = await this.hasher.verify(user.passwordHash, password);
    if (!ok || !user.active) {
      await this.throttle.failed(keys);
      await this.audit.record({ actorId: null, action: 'auth.login_failed', subjectType: 'account', subjectId: user.id, requestId });
      throw INVALID_CREDENTIALS();
    }
    await this.throttle.succeeded(keys);
    // The device is known to this account from now on (a new token if it had none).
    const knownDevice = device && deviceToken ? deviceToken : randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO "known_devices" ("token_hash", "user_id", "created_at", "last_login_at") VALUES ($1, $2, $3, $3)
       ON CONFLICT ("token_hash", "user_id") DO UPDATE SET "last_login_at" = EXCLUDED."last_login_at"`,
      [deviceTokenHash(knownDevice), user.id, this.clock.now()],
    );
    if (!portalRoles.includes(user.role)) {
      throw new DomainError(
        'forbidden',
        'WRONG_PORTAL',
        bilingual('Met dit account logt u in op de andere portal', 'This account signs in on the other portal'),
        { role: user.role },
      );
    }
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
      }));
      await this.audit.record({ actorId: user.id, action: 'auth.login', subjectType: 'session', subjectId: session.id, requestId }, m);
    });
    return { token, expiresAt: expiresAt.toISOString(), account: toPublicAccount(user), deviceToken: knownDevice };
  }

  /** Resolves a bearer token to its principal, or null when unknown, revoked, expired or idle. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const idleCutoff = new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000);
    // One statement: find a live session of an active account and slide its idle window.
    const rows = (await this.dataSource.query(
      `UPDATE "sessions" s SET "last_seen_at" = $2
         FROM "users" u
        WHERE s."token_hash" = $1 AND s."user_id" = u."id" AND u."active"
          AND s."revoked_at" IS NULL AND s."expires_at" > $2 AND s."last_seen_at" > $3
      RETURNING s."id" AS "sessionId", u."id" AS "userId", u."role", u."email", u."display_name" AS "displayName"`,
      [tokenHash(token), now, idleCutoff],
    )) as [Principal[], number] | Principal[];
    const list = Array.isArray(rows[0]) ? (rows[0] as Principal[]) : (rows as Principal[]);
    return list[0] ?? null;
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
