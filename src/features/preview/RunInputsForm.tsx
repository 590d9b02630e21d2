import { useId } from 'react';
import type { ParamDecl, SpecModel } from '@core';
import { useT } from '../../i18n';
import { T } from '../../i18n/T';
import { useSpecStore } from '../../store';
import { runParams } from './runOptions';

function ParamInput({ p }: { p: ParamDecl }) {
  const value = useSpecStore((s) =>
    Object.hasOwn(s.runInputs.values, p.name) ? s.runInputs.values[p.name] : '',
  );
  const setValue = useSpecStore((s) => s.setRunValue);
  const id = useId();
  const fallback = p.default !== undefined && typeof p.default !== 'object' ? String(p.default) : '';
  return (
    <div className="pv-field">
      <label htmlFor={id}>
        {p.title ?? p.name}
        {p.required && (
          <span className="pv-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {p.title && p.title !== p.name && <code className="pv-muted"> {p.name}</code>}
      </label>
      <input
        id={id}
        type={p.secret ? 'password' : 'text'}
        autoComplete="off"
        value={value ?? ''}
        placeholder={fallback}
        title={p.description}
        onChange={(e) => setValue(p.name, e.target.value)}
      />
    </div>
  );
}

/** What a simulated run needs: user inputs, the auth spec and its values, the window, the mode. */
export function RunInputsForm({ model }: { model: SpecModel }) {
  const t = useT();
  const inputs = useSpecStore((s) => s.runInputs);
  const setInputs = useSpecStore((s) => s.setRunInputs);
  const { user, auth } = runParams(model, inputs.authName);
  const chosen = model.authSpecs.find((a) => a.name === inputs.authName) ?? model.authSpecs[0];
  const advance = model.schedule?.type === 'ADVANCE';
  return (
    <form className="pv-inputs" aria-label={t('run.inputs.form')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('run.inputs.user')}</legend>
        {user.length === 0 && <p className="pv-muted">{t('run.inputs.noUser')}</p>}
        {user.map((p) => (
          <ParamInput key={p.pointer} p={p} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('run.customer.authentication')}</legend>
        {model.authSpecs.length === 0 ? (
          <p className="pv-muted">{t('run.inputs.noAuthSpec')}</p>
        ) : (
          <div className="pv-field">
            <label htmlFor="pv-auth">{t('run.inputs.authSpec')}</label>
            <select
              id="pv-auth"
              value={chosen?.name ?? ''}
              onChange={(e) => setInputs({ authName: e.target.value })}
            >
              {model.authSpecs.map((a) => (
                <option key={a.index} value={a.name}>
                  {a.name} ({a.type})
                </option>
              ))}
            </select>
          </div>
        )}
        {auth.map((p) => (
          <ParamInput key={p.pointer} p={p} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('run.inputs.window')}</legend>
        <div className="pv-field">
          <label htmlFor="pv-start">{t('run.inputs.start')}</label>
          <input
            id="pv-start"
            type="datetime-local"
            value={inputs.windowStart}
            onChange={(e) => setInputs({ windowStart: e.target.value })}
          />
        </div>
        <div className="pv-field">
          <label htmlFor="pv-end">{t('run.inputs.end')}</label>
          <input
            id="pv-end"
            type="datetime-local"
            value={inputs.windowEnd}
            onChange={(e) => setInputs({ windowEnd: e.target.value })}
          />
        </div>
        <p className="pv-muted">{t('run.inputs.windowEmpty')}</p>
        <label className="pv-check">
          <input
            type="checkbox"
            checked={inputs.backfill}
            disabled={!advance}
            onChange={(e) => setInputs({ backfill: e.target.checked })}
          />
          <span>
            <T
              id={advance ? 'run.inputs.backfill' : 'run.inputs.backfillNoAdvance'}
              components={{ 0: <code />, 1: <code /> }}
            />
          </span>
        </label>
      </fieldset>
    </form>
  );
}
