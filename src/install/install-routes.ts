import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import {
  type CodedError,
  ErrorCode,
  type Installation,
  type InstallProvider,
  type InstallURLOptions,
  type OrgInstallation,
} from '@slack/oauth';
import type { Logger } from 'pino';
import { installedPage, installFailedPage } from './pages.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

const HTML = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/** What went wrong, for the person who clicked, and the HTTP status that goes with it. */
function explain(error: CodedError, url: URL): { status: number; reason: string } {
  if (url.searchParams.get('error') === 'access_denied')
    return { status: 200, reason: 'The install was cancelled on Slack’s page, so nothing was added.' };
  switch (error.code) {
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
      return {
        status: 400,
        reason:
          'This install link has expired, was already used, or was opened in another browser. Nothing was installed; please start again from the install page.',
      };
    case ErrorCode.MissingCodeError:
      return {
        status: 400,
        reason: 'Slack did not send an authorization code back, so nothing was installed.',
      };
    default:
      return {
        status: 502,
        reason:
          'Slack did not accept the install (the authorization may have expired or been used already). Nothing was installed; please start again.',
      };
  }
}

/** A route's async handler, so that a rejection becomes a page rather than an unhandled rejection. */
function handle(
  log: Logger,
  run: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): CustomRoute['handler'] {
  return (req, res) => {
    run(req, res).catch((err: unknown) => {
      log.error({ err }, 'the install route failed');
      if (!res.headersSent)
        res
          .writeHead(500, HTML)
          .end(
            installFailedPage(
              'Something went wrong on our side; please try again in a minute.',
              INSTALL_PATH,
            ),
          );
    });
  };
}

export interface InstallRoutesDeps {
  provider: InstallProvider;
  installOptions: InstallURLOptions;
  /** After the installation is stored: resume what an earlier uninstall paused. */ onInstalled: (
    installation: Installation | OrgInstallation,
  ) => Promise<void>;
  log: Logger;
}

/**
 * GET /slack/install and GET /slack/oauth_redirect, served by @slack/oauth's InstallProvider
 * (https://api.slack.com/authentication/oauth-v2): the install page sets a state cookie and links to Slack's
 * authorize URL; the redirect checks the state (cookie and store), exchanges the code with oauth.v2.access,
 * stores the installation and says how it went, in words, never with a stack trace.
 */
export function createInstallRoutes(deps: InstallRoutesDeps): CustomRoute[] {
  const { provider, log } = deps;
  return [
    {
      path: INSTALL_PATH,
      method: ['GET'],
      handler: handle(log, (req, res) => provider.handleInstallPath(req, res, {}, deps.installOptions)),
    },
    {
      path: REDIRECT_PATH,
      method: ['GET'],
      handler: handle(log, (req, res) =>
        provider.handleCallback(req, res, {
          successAsync: async (installation, _options, _req, response) => {
            await deps.onInstalled(installation);
            const team = installation.isEnterpriseInstall
              ? installation.enterprise?.name
              : installation.team?.name;
            const teamId = installation.team?.id;
            const open =
              teamId && installation.appId
                ? `slack://app?team=${teamId}&id=${installation.appId}`
                : undefined;
            log.info(
              {
                team: teamId,
                enterprise: installation.enterprise?.id,
                orgWide: installation.isEnterpriseInstall === true,
              },
              'installed',
            );
            response.writeHead(200, HTML).end(installedPage(team, open));
          },
          failure: (error, _options, request, response) => {
            const url = new URL(request.url ?? '/', 'http://localhost');
            const { status, reason } = explain(error, url);
            log.warn({ code: error.code, status }, 'an install did not complete');
            response.writeHead(status, HTML).end(installFailedPage(reason, INSTALL_PATH));
          },
        }),
      ),
    },
  ];
}
