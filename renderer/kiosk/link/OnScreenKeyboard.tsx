import { useState, type PointerEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { KEYBOARD_LAYOUTS, shifted } from './keyboardLayouts.js';

export interface OnScreenKeyboardProps {
  readonly onText: (text: string) => void;
  readonly onBackspace: () => void;
}

/**
 * A touch keyboard in the kiosk language's layout (QWERTY, QWERTZ, AZERTY), with a one-shot Shift
 * and a digits-and-symbols page. Every key is a button of at least 48 px: Tab reaches it and
 * Enter or Space presses it. A pointer press never takes focus, so the field being typed into
 * keeps it (as the PIN keypad does).
 */
export function OnScreenKeyboard(props: OnScreenKeyboardProps) {
  const { t, language } = useI18n();
  const [page, setPage] = useState<'letters' | 'symbols'>('letters');
  const [shift, setShift] = useState(false);
  const layout = KEYBOARD_LAYOUTS[language];
  const rows = page === 'letters' ? layout.letters : layout.symbols;
  const press = (action: () => void) => ({
    onPointerDown: (event: PointerEvent) => event.preventDefault(),
    onClick: action,
  });
  const type = (key: string) => {
    props.onText(page === 'letters' && shift ? shifted(key) : key);
    setShift(false);
  };
  return (
    <div className="osk" role="group" aria-label={t('link.keyboard')} data-testid="on-screen-keyboard" data-page={page}>
      {rows.map((row, index) => (
        <div className="osk-row" key={`${page}-${index}`}>
          {index === rows.length - 1 && page === 'letters' ? (
            <button type="button" className="key key-aux osk-wide" aria-label={t('link.shift')} aria-pressed={shift} {...press(() => setShift(!shift))}>
              <span aria-hidden="true">⇧</span>
            </button>
          ) : null}
          {row.map((key) => {
            const label = page === 'letters' && shift ? shifted(key) : key;
            return (
              <button key={key} type="button" className="key key-digit osk-key" {...press(() => type(key))}>
                {label}
              </button>
            );
          })}
          {index === rows.length - 1 ? (
            <button type="button" className="key key-aux osk-wide" aria-label={t('link.backspace')} {...press(props.onBackspace)}>
              <span aria-hidden="true">⌫</span>
            </button>
          ) : null}
        </div>
      ))}
      <div className="osk-row">
        <button
          type="button"
          className="key key-aux osk-wide"
          {...press(() => {
            setPage(page === 'letters' ? 'symbols' : 'letters');
            setShift(false);
          })}
        >
          {/* Named in words for screen readers (not by aria-label, whose name must contain the visible "?123"). */}
          <span aria-hidden="true">{page === 'letters' ? t('link.symbolsKey') : t('link.lettersKey')}</span>
          <span className="visually-hidden">{page === 'letters' ? t('link.symbols') : t('link.letters')}</span>
        </button>
        <button type="button" className="key key-digit osk-key" {...press(() => type('@'))}>
          @
        </button>
        <button type="button" className="key key-digit osk-space" aria-label={t('link.space')} {...press(() => type(' '))}>
          <span aria-hidden="true">␣</span>
        </button>
        <button type="button" className="key key-digit osk-key" {...press(() => type('.'))}>
          .
        </button>
        <button type="button" className="key key-digit osk-key" {...press(() => type('-'))}>
          -
        </button>
      </div>
    </div>
  );
}
