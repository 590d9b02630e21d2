import { useState } from 'react';
import type { SpecModel } from '@core';
import { t as tNow, useT } from '../../../i18n';
import { useSpecStore } from '../../../store';
import { runParams } from '../runOptions';
import { abortLive, keepLivePages, liveCommand } from './liveService';

/**
 * Test connection (when the auth spec declares authorizationTestUrl), Step, Run, Max pages, Abort,
 * Keep as samples, Reveal secrets. Disabled (but Reveal) without the local server.
 */
export function LiveToolbar({ model, enabled }: { model: SpecModel; enabled: boolean }) {
  const t = useT();
  const busy = useSpecStore((s) => s.live.busy);
  const maxPages = useSpecStore((s) => s.liveMaxPages);
  const setMaxPages = useSpecStore((s) => s.setLiveMaxPages);
  const authName = useSpecStore((s) => s.runInputs.authName);
  const unkept = useSpecStore(
    (s) => s.samplePages.filter((p) => p.origin === 'live' && !p.kept && p.status === 'ok').length,
  );
  const reveal = useSpecStore((s) => s.revealSecrets);
  const setReveal = useSpecStore((s) => s.setRevealSecrets);
  const notify = useSpecStore((s) => s.notify);
  const [pagesText, setPagesText] = useState(String(maxPages));
  const hasTest = runParams(model, authName).auth.some((p) => p.name === 'authorizationTestUrl');
  const idle = enabled && busy === null;
  return (
    <div className="pv-toolbar pv-live-toolbar" role="toolbar" aria-label={t('run.live.toolbar')}>
      {hasTest && (
        <button type="button" className="pv-button" disabled={!idle} onClick={() => liveCommand('test')}>
          {t('run.live.testConnection')}
        </button>
      )}
      <button type="button" className="pv-button" disabled={!idle} onClick={() => liveCommand('step')}>
        {t('run.live.step')}
      </button>
      <button
        type="button"
        className="pv-button pv-primary"
        disabled={!idle}
        onClick={() => liveCommand('run')}
      >
        {t('run.live.run')}
      </button>
      <label className="pv-live-max">
        {t('run.live.maxPages')}
        <input
          type="number"
          min={1}
          step={1}
          value={pagesText}
          disabled={!enabled}
          onChange={(e) => {
            setPagesText(e.target.value);
            setMaxPages(Number(e.target.value));
          }}
        />
      </label>
      <button type="button" className="pv-button" disabled={!enabled || busy === null} onClick={abortLive}>
        {t('run.live.abort')}
      </button>
      <span className="pv-spacer" />
      <button
        type="button"
        className="pv-button"
        disabled={unkept === 0 || busy !== null}
        title={t('run.live.keepTitle')}
        onClick={() => {
          const n = keepLivePages();
          if (n > 0) notify(() => tNow('run.live.kept', { count: n }), 'info');
        }}
      >
        {unkept > 0 ? t('run.live.keepCount', { count: unkept }) : t('run.live.keep')}
      </button>
      <label className="pv-check">
        <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
        {t('run.revealSecrets')}
      </label>
    </div>
  );
}
