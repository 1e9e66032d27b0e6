import { useCallback, useEffect, useRef, useState } from 'react';
import { KEYBOARD_WEDGE_READER, type KioskApi, type LiveRecord, type ReadersOverview } from '../../../src/contract/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useKeyboardWedge } from '../wedge/useKeyboardWedge.js';
import type { KeyboardWedgeDecoder } from '../wedge/wedgeDecoder.js';
import type { PlainKey } from '../i18n/messages.js';
import { LearnFlow } from './LearnFlow.js';
import { LiveView } from './LiveView.js';
import { PipelineEditor } from './PipelineEditor.js';
import { ReadersPage } from './ReadersPage.js';
import { readerName } from './readerName.js';
import { appendRecord } from './recordView.js';
import type { TechnicianActions, TechnicianTab } from './technicianActions.js';
import { TestSwipePanel } from './TestSwipePanel.js';
import './technician.css';
import { PrintSetupLine } from '../print/PrintSetupLine.js';

type Tab = TechnicianTab;
const TABS: readonly { readonly tab: Tab; readonly label: PlainKey }[] = [
  { tab: 'readers', label: 'tech.tab.readers' },
  { tab: 'live', label: 'tech.tab.live' },
  { tab: 'pipeline', label: 'tech.tab.pipeline' },
  { tab: 'learn', label: 'tech.tab.learn' },
  { tab: 'test', label: 'tech.tab.test' },
];
const TOUCH_THROTTLE_MS = 5000;

type Banner = { readonly kind: 'ok' | 'problem'; readonly text: string };

/** The technician screens: readers, live view, pipeline editor, learning, test swipe; save and leave. */
export function TechnicianApp(props: { readonly api: KioskApi; readonly createWedgeDecoder: () => KeyboardWedgeDecoder }) {
  const { api } = props;
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('readers');
  const [overview, setOverview] = useState<ReadersOverview | null>(null);
  const [records, setRecords] = useState<LiveRecord[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [banner, setBanner] = useState<Banner | null>(null);
  // Leave with unsaved reader changes undoes them: asked first.
  const [confirmLeave, setConfirmLeave] = useState(false);
  const lastTouch = useRef(0);

  const refresh = useCallback(async () => {
    const result = await api.technicianReaders();
    if (result.ok) setOverview(result.value);
  }, [api]);

  useEffect(() => {
    void refresh();
    void api.technicianRecentRecords().then((result) => {
      if (result.ok) setRecords((current) => result.value.records.reduce(appendRecord, current));
    });
    const offs = [
      api.on('technicianRecord', (record) => setRecords((current) => appendRecord(current, record))),
      api.on('readerStatus', () => void refresh()),
      api.on('technician', ({ state }) => setOverview((current) => (current ? { ...current, unsaved: state.unsaved } : current))),
    ];
    return () => offs.forEach((off) => off());
  }, [api, refresh]);

  useKeyboardWedge(
    overview?.keyboardWedge ?? false,
    props.createWedgeDecoder,
    (text) => void api.technicianWedgeRead({ text, verdict: 'card' }),
    (text) => void api.technicianWedgeRead({ text, verdict: 'typed' }),
  );

  const givenAtStartIds = new Set(overview?.readers.filter((r) => r.givenAtStart).map((r) => r.entry.id));
  const readerIds = [...(overview?.readers.map((r) => r.entry.id) ?? []), ...(overview?.keyboardWedge ? [KEYBOARD_WEDGE_READER] : [])];
  const current = selected !== null && readerIds.includes(selected) ? selected : (readerIds[0] ?? null);

  const actions: TechnicianActions = {
    async apply(readers) {
      const result = await api.technicianApplyReaders({ readers: [...readers] });
      if (!result.ok) {
        setBanner({ kind: 'problem', text: t('tech.problem')(result.error.message) });
        return false;
      }
      setOverview(result.value);
      setBanner(null);
      return true;
    },
    setOverview,
    problem: (error) => setBanner({ kind: 'problem', text: t('tech.problem')(error.message) }),
    select(readerId, next) {
      setSelected(readerId);
      if (next) setTab(next);
    },
  };

  const save = async () => {
    const result = await api.technicianSaveProfile();
    if (!result.ok) return actions.problem(result.error);
    setBanner({ kind: 'ok', text: t(result.value.central === 'queued' ? 'tech.saved.queued' : 'tech.saved.standalone') });
    void refresh();
  };

  const onPointerDown = () => {
    const now = Date.now();
    if (now - lastTouch.current < TOUCH_THROTTLE_MS) return;
    lastTouch.current = now;
    void api.technicianTouch();
  };

  const entry = overview?.readers.find((r) => r.entry.id === current)?.entry ?? null;
  return (
    <div className="kiosk technician" onPointerDown={onPointerDown} data-testid="technician-app">
      <header className="technician-header">
        <h1>{t('tech.title')}</h1>
        {overview?.unsaved ? (
          <span className="technician-unsaved" data-testid="technician-unsaved">
            {t('tech.unsaved')}
          </span>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-primary" data-testid="technician-save" onClick={() => void save()}>
            {t('tech.save')}
          </button>
          <button type="button" className="button button-secondary" data-testid="technician-leave" onClick={() => (overview?.unsaved ? setConfirmLeave(true) : void api.technicianLeave())}>
            {t('tech.leave')}
          </button>
        </div>
      </header>
      <nav className="technician-tabs" aria-label={t('tech.tabs')}>
        <div className="technician-tablist" role="tablist" aria-label={t('tech.tabs')}>
          {TABS.map(({ tab: name, label }) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className="button technician-tab"
              data-testid={`technician-tab-${name}`}
              onClick={() => setTab(name)}
            >
              {t(label)}
            </button>
          ))}
        </div>
      </nav>
      {banner ? (
        <p className={banner.kind === 'ok' ? 'info technician-banner' : 'problem technician-banner'} role={banner.kind === 'ok' ? 'status' : 'alert'} data-testid="technician-banner">
          {banner.text}
        </p>
      ) : null}
      <main className="technician-main">
        {confirmLeave ? (
          <section className="technician-leave-confirm" role="alertdialog" aria-labelledby="leave-confirm-title" aria-describedby="leave-confirm-body" data-testid="technician-leave-confirm">
            <h2 id="leave-confirm-title">{t('tech.leaveConfirm.title')}</h2>
            <p id="leave-confirm-body">{t('tech.leaveConfirm.body')}</p>
            <div className="actions">
              <button type="button" className="button button-primary" data-testid="technician-leave-stay" onClick={() => setConfirmLeave(false)} autoFocus>
                {t('tech.leaveConfirm.stay')}
              </button>
              <button type="button" className="button button-secondary" data-testid="technician-leave-anyway" onClick={() => void api.technicianLeave()}>
                {t('tech.leaveConfirm.leave')}
              </button>
            </div>
          </section>
        ) : (
          <>
            <PrintSetupLine api={api} />
            {tab !== 'readers' && readerIds.length > 1 ? (
              <div className="technician-reader-choice" role="group" aria-label={t('tech.readerChoice')}>
                {overview?.readers.map(({ entry: reader }) => (
                  <button key={reader.id} type="button" className="button button-secondary" aria-pressed={reader.id === current} title={reader.id} onClick={() => setSelected(reader.id)}>
                    {readerName(reader)}
                    {givenAtStartIds.has(reader.id) ? ` (${t('tech.readers.givenAtStart')})` : ''}
                  </button>
                ))}
                {overview?.keyboardWedge ? (
                  <button type="button" className="button button-secondary" aria-pressed={current === KEYBOARD_WEDGE_READER} onClick={() => setSelected(KEYBOARD_WEDGE_READER)}>
                    {t('tech.wedge.name')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {tab === 'readers' ? <ReadersPage api={api} overview={overview} actions={actions} /> : null}
            {tab === 'live' ? <LiveView records={records} readerId={current} /> : null}
            {tab === 'pipeline' ? (
              entry && overview ? <PipelineEditor key={`${entry.id}:${entry.pipeline}`} entry={entry} overview={overview} records={records} actions={actions} /> : <NoReader wedge={current === KEYBOARD_WEDGE_READER} />
            ) : null}
            {tab === 'learn' ? (
              entry && overview ? (
                <LearnFlow api={api} entry={entry} overview={overview} records={records} actions={actions} onApplied={() => setTab('pipeline')} />
              ) : (
                <NoReader wedge={current === KEYBOARD_WEDGE_READER} />
              )
            ) : null}
            {tab === 'test' ? <TestSwipePanel api={api} hasReaders={readerIds.length > 0} /> : null}
          </>
        )}
      </main>
    </div>
  );
}

function NoReader(props: { readonly wedge: boolean }) {
  const { t } = useI18n();
  return <p className="info">{t(props.wedge ? 'tech.wedge.noPipeline' : 'tech.noReader')}</p>;
}
