import { randomBytes } from 'node:crypto';
import type { TokenRefresh } from './team-types.js';

/** The error a dead token answers with: revoked tokens and those of an uninstalled app differ in Slack. */
export type TokenDeath = 'token_revoked' | 'account_inactive';

export interface InstallationRecord {
  /** Its team id, or its enterprise id for an org-wide install. */
  key: string;
  teamId?: string;
  enterpriseId?: string;
  orgWide: boolean;
  botUserId: string;
  botId: string;
  scopes: string[];
  userScopes: string[];
  installerUserId: string;
  /** For an org-wide install: the workspaces of the organisation it may act in. */
  grantedTeams: Set<string>;
}

export type InstallRequest = Omit<InstallationRecord, 'grantedTeams'> & { grantedTeams: readonly string[] };

export interface TokenGrant {
  token: string;
  type: 'bot' | 'user';
  installation: InstallationRecord;
  /** The bot user for a bot token, the person who installed for a user token. */
  userId: string;
  /** Epoch ms after which the token answers token_expired; rotating tokens only. */
  expiresAt?: number;
  dead?: TokenDeath;
}

export interface IssuedToken {
  grant: TokenGrant;
  refreshToken?: string;
}

export interface IssuedTokens {
  installation: InstallationRecord;
  bot: IssuedToken;
  user?: IssuedToken;
}

interface RefreshRecord {
  type: TokenGrant['type'];
  installation: InstallationRecord;
  userId: string;
  used: boolean;
}

function secret(): string {
  return randomBytes(12).toString('hex');
}

/**
 * Installations and every token Slack issued for them. A re-install issues new tokens and leaves the old
 * ones working until they are revoked; a refresh token works once; a rotated access token keeps working
 * until it expires (https://api.slack.com/authentication/rotation).
 */
export class Installations {
  private readonly records = new Map<string, InstallationRecord>();
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly refreshes: TokenRefresh[] = [];

  constructor(private readonly now: () => number) {}

  /** Install (or re-install) and issue a bot token, plus a user token when user scopes were granted. */
  install(request: InstallRequest, expiresInSeconds?: number, botToken?: string): IssuedTokens {
    // Updated in place, so the tokens of an earlier install see the same record (its grants, say).
    const fresh: InstallationRecord = { ...request, grantedTeams: new Set(request.grantedTeams) };
    const existing = this.records.get(request.key);
    const installation = existing ? Object.assign(existing, fresh) : fresh;
    this.records.set(installation.key, installation);
    const bot = this.issue(installation, 'bot', installation.botUserId, expiresInSeconds, botToken);
    const issued: IssuedTokens = { installation, bot };
    if (installation.userScopes.length > 0) {
      issued.user = this.issue(installation, 'user', installation.installerUserId, expiresInSeconds);
    }
    return issued;
  }

  /** Swap a refresh token for a new access and refresh token; every attempt is kept in `refreshes`. */
  refresh(refreshToken: string, expiresInSeconds: number): IssuedToken | { error: string } {
    const record = this.refreshTokens.get(refreshToken);
    const at = this.now();
    if (!record || record.used || !this.isActive(record.installation.key)) {
      this.refreshes.push({ at, refreshToken, ok: false, error: 'invalid_refresh_token' });
      return { error: 'invalid_refresh_token' };
    }
    record.used = true;
    const issued = this.issue(record.installation, record.type, record.userId, expiresInSeconds);
    this.refreshes.push({
      at,
      refreshToken,
      ok: true,
      installation: record.installation.key,
      accessToken: issued.grant.token,
    });
    return issued;
  }

  lookup(token: string): TokenGrant | undefined {
    return this.tokens.get(token);
  }

  installation(key: string): InstallationRecord | undefined {
    return this.records.get(key);
  }

  /** An installation is active while one of its bot tokens is neither revoked nor uninstalled. */
  isActive(key: string): boolean {
    return this.grantsOf(key).some((g) => g.type === 'bot' && g.dead === undefined);
  }

  /** The newest bot token of an installation that still works now. */
  liveBotToken(key: string): string | undefined {
    const t = this.now();
    const live = this.grantsOf(key).filter(
      (g) => g.type === 'bot' && g.dead === undefined && (g.expiresAt === undefined || g.expiresAt > t),
    );
    return live.at(-1)?.token;
  }

  /** Kill the installation's tokens of the given types; returns the user ids whose tokens died. */
  revoke(
    key: string,
    death: TokenDeath,
    types: readonly TokenGrant['type'][],
  ): Record<'bot' | 'user', string[]> {
    const gone = { bot: new Set<string>(), user: new Set<string>() };
    for (const grant of this.grantsOf(key)) {
      if (!types.includes(grant.type) || grant.dead !== undefined) continue;
      grant.dead = death;
      gone[grant.type].add(grant.userId);
    }
    return { bot: [...gone.bot], user: [...gone.user] };
  }

  /** Make the installation's live access tokens expire now, as if their 12 hours had passed. */
  expire(key: string): void {
    if (!this.records.has(key))
      throw new Error(`Slack stand-in: ${key} has no installation whose tokens could expire`);
    for (const grant of this.grantsOf(key)) if (grant.dead === undefined) grant.expiresAt = this.now();
  }

  private grantsOf(key: string): TokenGrant[] {
    return [...this.tokens.values()].filter((g) => g.installation.key === key);
  }

  private issue(
    installation: InstallationRecord,
    type: TokenGrant['type'],
    userId: string,
    expiresInSeconds: number | undefined,
    fixedToken?: string,
  ): IssuedToken {
    const prefix = type === 'bot' ? 'xoxb' : 'xoxp';
    const rotating = expiresInSeconds !== undefined;
    // Rotating tokens carry Slack's xoxe. prefix; their refresh tokens are xoxe-1-.
    const token =
      fixedToken ??
      `${rotating ? 'xoxe.' : ''}${prefix}-${rotating ? '1-' : ''}${installation.key}-${secret()}`;
    const grant: TokenGrant = { token, type, installation, userId };
    if (rotating) grant.expiresAt = this.now() + expiresInSeconds * 1000;
    this.tokens.set(token, grant);
    if (!rotating) return { grant };
    const refreshToken = `xoxe-1-${installation.key}-${secret()}`;
    this.refreshTokens.set(refreshToken, { type, installation, userId, used: false });
    return { grant, refreshToken };
  }
}
