/**
 * Optional sign-in with an OpenID Connect provider: a real provider (oidc-provider, with its
 * development login screens) on this machine, Integra configured by environment, and a person
 * who already has an account signing in through it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openSession, type Session } from './browser.js';

describe('sign-in with an OpenID Connect provider', () => {
  let s: Session;
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const op = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));

  beforeAll(async () => {
    await new Promise<void>((r) => op.listen(0, '127.0.0.1', r));
    const issuer = `http://127.0.0.1:${(op.address() as AddressInfo).port}`;
    s = await openSession({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'integra',
        OIDC_CLIENT_SECRET: 'a client secret for tests',
      },
    });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'integra',
          client_secret: 'a client secret for tests',
          redirect_uris: [`${s.url}/api/auth/callback/oidc`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx, id) => ({
        accountId: id,
        claims: async () => ({
          sub: id,
          email: `${id}@example.org`,
          email_verified: true,
          name: 'Ada Admin',
        }),
      }),
    });
    handler = provider.callback();
  });
  afterAll(async () => {
    await s?.close();
    await new Promise((r) => op.close(r));
  });

  it('lets someone with an account sign in through the provider', async () => {
    const page = await s.newPage();
    await page.goto(`${s.url}/sign-in`);
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).click();
    // The provider's own (development) screens: any login, then consent.
    await page.locator('input[name=login]').fill('admin');
    await page.locator('input[name=password]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('signed-in-as').getByText('Ada Admin · Administrator').waitFor();
  });

  it('refuses someone the provider knows but Integra does not, and says why', async () => {
    const page = await s.newPage();
    await page.goto(`${s.url}/sign-in`);
    await page.getByRole('button', { name: "Sign in with your organisation's account" }).click();
    await page.locator('input[name=login]').fill('stranger');
    await page.locator('input[name=password]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('alert')
      .getByText(/Only people with an Integra account/)
      .waitFor();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
  });
});
