/**
 * The API key. Read and written by the background only: no other module imports this file
 * (a lint rule enforces it), so the key never reaches a content script or a page.
 * storage.local, never storage.sync: the key must not leave this browser profile.
 */
import { storage } from 'wxt/utils/storage';

const apiKeyItem = storage.defineItem<string | null>('local:apiKey', { fallback: null });

export const readApiKey = (): Promise<string | null> => apiKeyItem.getValue();
export const writeApiKey = (key: string | null): Promise<void> => apiKeyItem.setValue(key);
