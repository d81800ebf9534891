/** @vitest-environment happy-dom */
/** A reader's aliases for a speaker: typed on the Sources page, saved through the store, read by the page scan. */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it, vi } from 'vitest';
import { SourcesStore } from '../../src/store/sources-store';
import { peopleFromSpeakers } from '../../src/people/aliases';
import { createT, type Messages } from '../../src/ext/i18n';
import { I18nContext } from '../../src/ui/i18n-context';
import { SourceEdit } from '../../src/ui/SourceEdit';
import { sampleSource } from '../store/fixtures';

const stores: SourcesStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

it('are cleaned and stored per speaker, listed in the summary, cleared by an empty list, and become people for the scan', async () => {
  const store = new SourcesStore(`aliases-${Math.random()}`);
  stores.push(store);
  await store.save(sampleSource('a'));
  const r = await store.update('a', { mainSpeakerId: 'sp2', speakerAliases: { sp2: [' 阿莫代 ', '阿莫代', 'the Anthropic chief', ''], nope: ['x'] } });
  expect(r.ok).toBe(true);
  expect((await store.get('a'))?.speakers.find((sp) => sp.id === 'sp2')?.aliases).toEqual(['阿莫代', 'the Anthropic chief']);
  expect((await store.list()).find((s) => s.id === 'a')?.speakers.find((sp) => sp.id === 'sp2')?.aliases).toEqual(['阿莫代', 'the Anthropic chief']);
  const people = (await store.enabledSources()).flatMap((s) => peopleFromSpeakers(s.speakers));
  expect(people).toEqual([expect.objectContaining({ role: 'amodei', names: [expect.any(String), '阿莫代', 'the Anthropic chief'] })]);
  await store.update('a', { speakerAliases: { sp2: [] } });
  expect((await store.get('a'))?.speakers.find((sp) => sp.id === 'sp2')?.aliases).toBeUndefined();
});

it('are typed on the Sources page edit form, comma-separated, and saved with the speaker', () => {
  const en = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;
  const root = document.createElement('div');
  document.body.appendChild(root);
  const onSave = vi.fn();
  const source = { id: 'a', title: 'T', language: 'en', speakers: [{ id: 'sp1', name: 'Lex', main: false }, { id: 'sp2', name: 'Dario', main: true, aliases: ['Amodei'] }] };
  act(() => {
    render(
      <I18nContext.Provider value={createT(en)}>
        <SourceEdit source={source} originals={[]} onSave={onSave} onCancel={() => {}} />
      </I18nContext.Provider>,
      root,
    );
  });
  const fields = [...root.querySelectorAll<HTMLInputElement>('[data-testid="edit-speaker-aliases"]')];
  expect(fields.map((f) => f.value)).toEqual(['', 'Amodei']);
  expect(fields[1].getAttribute('aria-label')).toBe('Other names of Dario in the press');
  act(() => {
    fields[1].value = 'Amodei, 阿莫代、達里歐‧阿莫代';
    fields[1].dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ speakerAliases: { sp1: [], sp2: ['Amodei', '阿莫代', '達里歐‧阿莫代'] } }));
  render(null, root);
  root.remove();
});
