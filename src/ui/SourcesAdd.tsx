import { useState } from 'preact/hooks';
import { SOURCE_FILE_ACCEPT } from '../ext/sources-page';
import { useT } from './i18n-context';

interface Props {
  /** A file was chosen (the page reads and parses it). */
  onFile(file: File): void;
  /** Pasted text to read. */
  onPaste(text: string): void;
  busy: boolean;
  /** The id of the error message about the file or the pasted text, to describe that control. */
  errorId?: { file?: string; paste?: string };
}

/** Add a source: open a file or paste text. Either gives a preview to check before saving. */
export function SourcesAdd({ onFile, onPaste, busy, errorId = {} }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <section class="sources-add" aria-labelledby="add-h">
      <h2 id="add-h" tabIndex={-1}>{t('sourcesAddHeading')}</h2>
      <p class="help">{t('sourcesAddHelp')}</p>
      <div class="add-file">
        <label for="source-file">{t('sourcesFileLabel')}</label>{' '}
        <input
          id="source-file"
          type="file"
          accept={SOURCE_FILE_ACCEPT}
          data-testid="source-file-input"
          aria-describedby={errorId.file}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onFile(file);
            input.value = '';
          }}
        />
      </div>
      <div class="add-paste">
        <label for="source-paste">{t('sourcesPasteLabel')}</label>
        <textarea
          id="source-paste"
          data-testid="source-paste"
          aria-describedby={errorId.paste}
          rows={5}
          value={text}
          placeholder={t('sourcesPastePlaceholder')}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="button" data-testid="source-paste-read" disabled={busy || !text.trim()} onClick={() => onPaste(text)}>
          {t('sourcesPasteRead')}
        </button>
      </div>
    </section>
  );
}
