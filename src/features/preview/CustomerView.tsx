import { memo, useCallback, useMemo, useState } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { JsonObject } from '@core';
import { useLocale, useT } from '../../i18n';
import { BASE_FORM_PROPS, rjsfValidator, type FormRecord } from '../../lib/rjsf';
import { translateRjsfString } from '../spec-form/rjsfStrings';
import { useSpecStore } from '../../store';
import {
  aliasProtoInput,
  authNames,
  changedValues,
  customerSchemas,
  customerUiSchema,
  schemaProblem,
  splitCustomerSchema,
  toFormData,
  type CustomerSchema,
} from './customerForm';
import { prepareCustomerSchema } from './customerSchemaGuard';
import { stopText } from './coreText';
import { CUSTOMER_TEMPLATES } from './customerTemplates';
import { FormErrorBoundary } from './FormErrorBoundary';
import './customer.css';

/** What was replaced or left out of a user’s schema before rendering it (recursive or remote $ref, patterns). */
function SchemaNotices({ notices }: { notices: readonly string[] }) {
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <ul className="pv-cv-notice pv-cv-notices" role="note" aria-label={t('run.customer.notices')}>
      {notices.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  );
}

interface RjsfFormProps {
  id: string;
  title: string;
  schema: RJSFSchema;
  uiSchema: UiSchema<FormRecord>;
  formData: FormRecord;
  onChange: (e: IChangeEvent<FormRecord>, fieldId?: string) => void;
}

/** The rjsf form, re-rendered from outside only when one of its props changes (see CustomerForm). */
const CustomerRjsf = memo(function CustomerRjsf(p: RjsfFormProps) {
  useLocale(); // rjsf’s own words (translateString) follow the chosen language
  return (
    <Form<FormRecord>
      {...BASE_FORM_PROPS}
      idPrefix={p.id}
      schema={p.schema}
      uiSchema={p.uiSchema}
      formData={p.formData}
      validator={rjsfValidator}
      templates={CUSTOMER_TEMPLATES}
      translateString={translateRjsfString}
      onChange={p.onChange}
      aria-label={p.title}
    >
      <></>
    </Form>
  );
});

/** Same keys with the same values (form data of one part: strings, numbers, booleans). */
function sameRecord(a: FormRecord, b: FormRecord): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * One rjsf form over (a part of) a customer schema. Its formData keeps its identity while this part’s
 * values are unchanged, so typing in one part re-renders no other part.
 */
const CustomerPart = memo(function CustomerPart(props: {
  schema: JsonObject;
  uiSchema: UiSchema<FormRecord>;
  id: string;
  title: string;
}) {
  const { schema, uiSchema, id, title } = props;
  const values = useSpecStore((s) => s.runInputs.values);
  const setValue = useSpecStore((s) => s.setRunValue);
  const formData = useMemo(() => toFormData(schema, values), [schema, values]);
  const [shown, setShown] = useState({ schema, data: formData });
  if (shown.schema !== schema || !sameRecord(shown.data, formData)) setShown({ schema, data: formData });
  const onChange = useCallback(
    (e: IChangeEvent<FormRecord>, fieldId?: string) => {
      if (fieldId === undefined) return; // an echo of new formData, not the customer typing
      const before = useSpecStore.getState().runInputs.values;
      for (const [name, text] of changedValues(schema, before, e.formData ?? {})) setValue(name, text);
    },
    [schema, setValue],
  );
  return (
    <CustomerRjsf
      id={id}
      title={title}
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={shown.data}
      onChange={onChange}
    />
  );
});

const CustomerForm = memo(function CustomerForm({ form, id }: { form: CustomerSchema; id: string }) {
  const t = useT();
  const locale = useLocale();
  const problem = schemaProblem(form.schema, form.pointer);
  // A safe copy of the user’s schema: refs inlined or replaced, risky patterns out, size capped.
  const prepared = useMemo(
    () =>
      problem === null &&
      typeof form.schema === 'object' &&
      form.schema !== null &&
      !Array.isArray(form.schema)
        ? prepareCustomerSchema(form.schema, form.pointer)
        : null,
    // The locale: the notices are written in the chosen language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form.schema, form.pointer, problem, locale],
  );
  // rjsf drops a property named __proto__: the form knows that input under an alias.
  const schema = useMemo(() => (prepared?.schema ? aliasProtoInput(prepared.schema) : undefined), [prepared]);
  const schemaText = useMemo(() => JSON.stringify(schema) ?? '', [schema]);
  const uiSchema = useMemo(() => customerUiSchema(schema) as UiSchema<FormRecord>, [schema]);
  // A large flat schema is drawn as several forms (CUSTOMER_FORM_PART properties each).
  const parts = useMemo(() => (schema ? (splitCustomerSchema(schema) ?? [schema]) : []), [schema]);
  if (problem) return <p className="pv-cv-notice">{problem}</p>;
  if (!prepared || prepared.problem !== null || schema === undefined)
    return (
      <p className="pv-cv-notice" role="alert">
        {prepared?.problem ?? t('run.customer.cannotShow', { pointer: form.pointer })}
      </p>
    );
  return (
    <>
      <SchemaNotices notices={prepared.notices} />
      <FormErrorBoundary resetKey={schemaText} label={form.pointer}>
        {parts.map((part, i) => (
          <CustomerPart
            key={i}
            schema={part}
            uiSchema={uiSchema}
            id={id}
            title={
              parts.length > 1
                ? t('run.customer.part', { title: form.title, n: i + 1, total: parts.length })
                : form.title
            }
          />
        ))}
      </FormErrorBoundary>
    </>
  );
});

/** What the first simulated request looks like with the values entered here (secrets masked). */
function FirstRequest() {
  const step = useSpecStore((s) => s.previewResult?.run.steps[0]?.display ?? null);
  const stop = useSpecStore((s) => s.previewResult?.run.stop ?? null);
  const t = useT();
  return (
    <div className="pv-cv-result" aria-label={t('run.customer.firstRequest')} role="status">
      <span className="pv-cv-result-label">{t('run.customer.firstRequest')}</span>
      {step ? (
        <code className="pv-url">
          {step.method} {step.url}
        </code>
      ) : (
        <span className="pv-muted">{stop ? stopText(stop) : t('run.customer.computing')}</span>
      )}
    </div>
  );
}

/**
 * The source as its customers see it: the chosen auth spec’s form and the source’s parameters,
 * rendered from the spec’s own schemas with rjsf (secrets as password fields, titles and
 * descriptions as plain text). What is entered here is the run input of the Requests tab.
 */
export function CustomerView() {
  const doc = useSpecStore((s) => s.doc);
  const authName = useSpecStore((s) => s.runInputs.authName);
  const setInputs = useSpecStore((s) => s.setRunInputs);
  const t = useT();
  const locale = useLocale();
  const names = useMemo(() => authNames(doc), [doc]);
  // The locale: the source form’s heading is ours ("Source parameters"), in the chosen language.
  const { auth, source } = useMemo(
    () => customerSchemas(doc, authName),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, authName, locale],
  );
  return (
    <section className="pv-customer" aria-label={t('run.customer.region')}>
      <p className="pv-muted pv-cv-intro">{t('run.customer.intro')}</p>
      <div className="pv-cv-card">
        <h3>{t('run.customer.authentication')}</h3>
        {auth === null ? (
          <p className="pv-cv-notice">{t('run.customer.noAuthSpec')}</p>
        ) : (
          <>
            {names.length > 1 && (
              <div className="pv-cv-auth">
                <label htmlFor="pv-cv-auth">{t('run.customer.accountType')}</label>
                <select
                  id="pv-cv-auth"
                  value={auth.title}
                  onChange={(e) => setInputs({ authName: e.target.value })}
                >
                  {names.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <CustomerForm key={auth.pointer} form={auth} id="cv-auth" />
          </>
        )}
      </div>
      <div className="pv-cv-card">
        <h3>{source.title}</h3>
        <CustomerForm form={source} id="cv-source" />
      </div>
      <FirstRequest />
    </section>
  );
}
