/** Asking for the API origin's permission, and what the popup says when that does not work. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { permissionProblemText } from '../../../components/ConnectionForm';
import { requestOriginPermission } from '../../../utils/permissions/origin-permission';

describe('requestOriginPermission', () => {
  it('asks for exactly the API origin, and reports a refusal as denied', async () => {
    const asked: unknown[] = [];
    fakeBrowser.permissions.request = async (permissions) => {
      asked.push(permissions);
      return false;
    };
    expect(await requestOriginPermission('https://stats.example.com/funnel-lens')).toBe('denied');
    expect(asked).toEqual([{ origins: ['https://stats.example.com/*'] }]);
  });

  it('reports a browser that will not ask at all (Firefox without optional_permissions) as failed, and the popup says so', async () => {
    fakeBrowser.permissions.request = async () => {
      throw new Error('Cannot request permission https://stats.example.com/* since it was not declared in optional_permissions');
    };
    const outcome = await requestOriginPermission('https://stats.example.com');
    expect(outcome).toBe('failed');
    expect(outcome !== 'granted' && permissionProblemText(outcome, 'https://stats.example.com')).toBe(
      'The browser would not ask for permission to contact https://stats.example.com, so nothing was sent or saved. Check that the URL is right; if it is, reinstall Funnel Lens.',
    );
  });

  it('does not ask for loopback, which is granted at install', async () => {
    fakeBrowser.permissions.request = async () => {
      throw new Error('must not be asked');
    };
    expect(await requestOriginPermission('http://localhost:8787')).toBe('granted');
  });
});
