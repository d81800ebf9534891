/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startContent } from '../../src/ext/content-app';

describe('a new content script instance', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.querySelectorAll('verbatim-card, verbatim-check').forEach((e) => e.remove());
  });

  it("removes the card and check button left by an instance that can no longer run (Firefox destroys the old version's script on update)", () => {
    // What a destroyed instance leaves: its hosts, with no listener alive to close them.
    const staleCard = document.createElement('verbatim-card');
    const staleButton = document.createElement('verbatim-check');
    document.documentElement.append(staleCard, staleButton);
    const page = document.createElement('p');
    page.textContent = 'the page itself';
    document.body.append(page);

    startContent();

    expect(staleCard.isConnected).toBe(false);
    expect(staleButton.isConnected).toBe(false);
    // The page's own elements stay.
    expect(page.isConnected).toBe(true);
  });
});
